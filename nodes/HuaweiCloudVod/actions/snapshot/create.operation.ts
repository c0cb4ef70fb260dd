import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	downloadImagesField,
	downloadOptions,
	firstProblem,
	optionsProblem,
	readBoolean,
	readOptions,
	retryOnFailProblem,
	waitForCompletionField,
	waitOptions,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import {
	waitSettings,
	waitSettingsProblem,
	withSubmittedJobOnFailures,
} from '../../../shared/polling';
import {
	assetProcessRequest,
	createInputProblem,
	readCreateInput,
} from '../../helpers/createInput';
import { imageItems } from '../../helpers/imageItems';
import { createdSnapshotsRef, waitForSnapshots } from '../../helpers/waitForSnapshots';
import { vodRequest } from '../../transport';
import { assetIdField, paceOption, readAssetId, SERVICE_NAME } from '../common.description';
import { snapshotSettingsFields } from './create.description';

const properties: INodeProperties[] = [
	assetIdField,
	...snapshotSettingsFields,
	waitForCompletionField(SERVICE_NAME),
	{ ...downloadImagesField, displayOptions: { show: { waitForCompletion: [true] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			paceOption('CreateAssetProcessTask'),
			...waitOptions('Snapshot → Get Images'),
			...downloadOptions,
		],
	},
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['create'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const input = readCreateInput.call(this, i, readAssetId.call(this, i));
	const options = readOptions.call(this, i);
	const waitForCompletion = readBoolean.call(this, 'waitForCompletion', 'Wait for Completion', i);
	const downloadImages =
		waitForCompletion && readBoolean.call(this, 'downloadImages', 'Download Images', i);
	const wait = waitSettings(options);
	const problem = firstProblem(
		retryOnFailProblem(this.getNode(), 'Snapshot → Create'),
		createInputProblem(input),
		optionsProblem(options),
		waitForCompletion ? waitSettingsProblem(wait) : undefined,
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const response = await vodRequest(
		this,
		'CreateAssetProcessTask',
		{ body: assetProcessRequest(input) },
		callOptions(options, i),
	);
	if (!waitForCompletion) return [{ json: { ...response } }];

	const created = {
		assetId: response.asset_id,
		taskId: response.thumbnail_task_id,
		type: input.type,
	};
	const images = await waitForSnapshots.call(this, created, wait, i);
	const about = { ...response };
	return withSubmittedJobOnFailures(
		imageItems.call(this, images, about, options, i, downloadImages),
		this.getNode(),
		createdSnapshotsRef(created),
		i,
	);
}
