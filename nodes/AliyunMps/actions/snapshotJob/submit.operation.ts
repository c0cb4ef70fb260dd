import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readAliyunCredentials } from '../../../../credentials/common/aliyun/settings';
import {
	callOptions,
	coerceFields,
	coerceText,
	firstProblem,
	optionsProblem,
	rangeProblem,
	readBoolean,
	readOptions,
	readText,
	requiredProblem,
	retryOnFailProblem,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import {
	waitSettings,
	waitSettingsProblem,
	withSubmittedJob,
	withSubmittedJobOnFailures,
} from '../../../shared/polling';
import { ALIYUN_CREDENTIAL_TYPE } from '../../../shared/transport/aliyunRpc';
import { imageItems, jobImages } from '../../helpers/jobImages';
import {
	ossFileProblem,
	parseOssUrl,
	toMpsOssFile,
	type OssFileInput,
} from '../../helpers/ossFiles';
import {
	readSnapshotSettings,
	snapshotConfig,
	snapshotSettingsProblem,
	TILE_NUMBERS,
	tileOutProblem,
	userDataProblem,
	type SnapshotJobSpec,
	type TileOutSettings,
} from '../../helpers/snapshotConfig';
import {
	failedJobError,
	isFinished,
	submittedMpsJob,
	waitForMpsJob,
} from '../../helpers/waitForMpsJob';
import { mpsRequest, type MpsFrameType } from '../../transport';
import { MAX_LINK_EXPIRY_SECONDS, submitProperties } from './submit.description';

export const description = updateDisplayOptions(
	{ show: { resource: ['snapshotJob'], operation: ['submit'] } },
	submitProperties,
);

const FRAME_TYPES: readonly string[] = ['intra', 'normal'];
const OWN_OPTIONS = { numbers: { linkExpiry: 'Link Expiry (Seconds)' } };

function readOssFile(this: IExecuteFunctions, prefix: 'input' | 'output', i: number): OssFileInput {
	const label = prefix === 'input' ? 'Input' : 'Output';
	return {
		bucket: readText.call(this, `${prefix}Bucket`, `${label} Bucket`, i),
		location: readText.call(this, `${prefix}Location`, `${label} Location`, i),
		object: readText.call(this, `${prefix}Object`, `${label} Object`, i),
	};
}

function readInput(this: IExecuteFunctions, i: number): OssFileInput | string {
	if (readText.call(this, 'inputSource', 'Input', i) !== 'url')
		return readOssFile.call(this, 'input', i);
	const url = readText.call(this, 'inputUrl', 'Input URL', i);
	return url === '' ? 'Input URL is required' : parseOssUrl('Input URL', url);
}

interface SubmitInput {
	input: OssFileInput | string;
	spec: SnapshotJobSpec | string;
	pipelineId: string;
	userData: string;
}

function readSpec(
	this: IExecuteFunctions,
	i: number,
	output: OssFileInput,
): SnapshotJobSpec | string {
	const settings = readSnapshotSettings(
		this.getNodeParameter('snapshotSettings', i, {}) as IDataObject,
	);
	if (typeof settings === 'string') return settings;
	const frameType = readText.call(this, 'frameType', 'Frame Type', i, 'intra');
	if (!FRAME_TYPES.includes(frameType))
		return `Frame Type must be intra or normal (got "${frameType}")`;
	const spec: SnapshotJobSpec = { output, settings, frameType: frameType as MpsFrameType };
	if (!readBoolean.call(this, 'tileOut', 'Sprite Sheet (Tile Out)', i)) return spec;
	const tileSettings = coerceFields(
		this.getNodeParameter('tileOutSettings', i, {}) as IDataObject,
		{
			numbers: TILE_NUMBERS,
			texts: { color: 'Color' },
		},
	) as TileOutSettings;
	const object = readText.call(this, 'tileOutputObject', 'Sprite Sheet Object', i);
	return { ...spec, tile: { settings: tileSettings, output: { ...output, object } } };
}

function readSubmitInput(this: IExecuteFunctions, i: number): SubmitInput {
	return {
		input: readInput.call(this, i),
		spec: readSpec.call(this, i, readOssFile.call(this, 'output', i)),
		pipelineId: readText.call(this, 'pipelineId', 'Pipeline ID', i),
		userData: coerceText('User Data', this.getNodeParameter('userData', i, '')),
	};
}

function specProblem(spec: SnapshotJobSpec | string): string | undefined {
	if (typeof spec === 'string') return spec;
	return firstProblem(
		ossFileProblem('Output', spec.output),
		snapshotSettingsProblem(spec.settings),
		spec.tile && requiredProblem('Sprite Sheet Object', spec.tile.output.object),
		spec.tile && tileOutProblem(spec.tile.settings),
	);
}

/** Snapshot Job → Submit: SubmitSnapshotJob, then optionally wait and list or download the images. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const credentials = await this.getCredentials(ALIYUN_CREDENTIAL_TYPE, i);
	const { regionId } = readAliyunCredentials(credentials);
	const submit = readSubmitInput.call(this, i);
	const options = readOptions.call(this, i, OWN_OPTIONS);
	const waitForCompletion = readBoolean.call(this, 'waitForCompletion', 'Wait for Completion', i);
	const downloadImages =
		waitForCompletion && readBoolean.call(this, 'downloadImages', 'Download Images', i);
	const wait = waitSettings(options);
	const { input, spec } = submit;
	const problem = firstProblem(
		retryOnFailProblem(this.getNode(), 'Snapshot Job → Submit'),
		typeof input === 'string' ? input : ossFileProblem('Input', input, regionId),
		specProblem(spec),
		userDataProblem(submit.userData),
		optionsProblem(options),
		rangeProblem(
			'Link Expiry (Seconds)',
			options.linkExpiry as number | undefined,
			1,
			MAX_LINK_EXPIRY_SECONDS,
		),
		waitForCompletion ? waitSettingsProblem(wait) : undefined,
	);
	if (problem || typeof input === 'string' || typeof spec === 'string')
		throw new NodeOperationError(this.getNode(), problem ?? 'Invalid input', { itemIndex: i });

	const config = snapshotConfig(spec);
	const call = callOptions(options, i);
	const response = await mpsRequest(
		this,
		'SubmitSnapshotJob',
		{
			Input: JSON.stringify(toMpsOssFile(input)),
			SnapshotConfig: JSON.stringify(config),
			PipelineId: submit.pipelineId || undefined,
			UserData: submit.userData || undefined,
		},
		call,
	);
	const submitted = response.SnapshotJob;
	if (!waitForCompletion) return [{ json: { ...submitted, RequestId: response.RequestId } }];

	const ref = submittedMpsJob(submitted.Id);
	if (submitted.State === 'Fail')
		throw withSubmittedJob(this.getNode(), failedJobError(this.getNode(), submitted, i), ref, i);
	const job = isFinished(submitted)
		? submitted
		: await waitForMpsJob.call(this, submitted.Id, wait, call);
	const items = await imageItems.call(
		this,
		job,
		jobImages(job, config),
		options,
		i,
		downloadImages,
	);
	return withSubmittedJobOnFailures(items, this.getNode(), ref, i);
}
