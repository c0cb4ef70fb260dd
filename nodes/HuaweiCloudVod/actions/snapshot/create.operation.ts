import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	downloadOptions,
	firstProblem,
	jobRunProblem,
	optionsCollection,
	readJobRun,
	type ItemResults,
	waitAndDownloadFields,
	waitOptions,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { withSubmittedJobOnFailures } from '../../../shared/polling';
import {
	assetProcessRequest,
	createInputProblem,
	readCreateInput,
} from '../../helpers/createInput';
import { imageItems } from '../../helpers/imageItems';
import { assetTaskBaseline } from '../../helpers/taskBaseline';
import { createdSnapshotsRef, waitForSnapshots } from '../../helpers/waitForSnapshots';
import { vodRequest } from '../../transport';
import { assetIdField, paceOption, readAssetId, SERVICE_NAME } from '../common.description';
import { snapshotSettingsFields } from './create.description';

const properties: INodeProperties[] = [
	assetIdField,
	...snapshotSettingsFields,
	...waitAndDownloadFields(SERVICE_NAME),
	optionsCollection([
		paceOption('CreateAssetProcessTask'),
		...waitOptions('Snapshot → Get Images'),
		...downloadOptions,
	]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['create'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const input = readCreateInput.call(this, i, readAssetId.call(this, i));
	const run = readJobRun.call(this, i);
	const problem = firstProblem(
		createInputProblem(input),
		jobRunProblem(this.getNode(), 'Snapshot → Create', run),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const options = callOptions(run.options, i);
	const body = assetProcessRequest(input);
	if (!run.waitForCompletion) {
		return [{ json: { ...(await vodRequest(this, 'CreateAssetProcessTask', { body }, options)) } }];
	}

	// Taken before Create, for when VOD answers without a task id (it is not known in advance).
	const baseline = await assetTaskBaseline(this, input.assetId, options);
	const response = await vodRequest(this, 'CreateAssetProcessTask', { body }, options);
	const created = {
		assetId: response.asset_id,
		taskId: response.thumbnail_task_id,
		type: input.type,
		baseline,
	};
	const images = await waitForSnapshots.call(this, created, run.wait, options);
	return withSubmittedJobOnFailures(
		imageItems.call(this, images, { ...response }, run.options, i, run.downloadImages),
		this.getNode(),
		createdSnapshotsRef(created),
		i,
	);
}
