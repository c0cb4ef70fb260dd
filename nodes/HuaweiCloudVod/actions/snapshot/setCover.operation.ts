import { NodeOperationError } from 'n8n-workflow';
import type {
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	callOptions,
	firstProblem,
	httpUrlProblem,
	optionsCollection,
	optionsProblem,
	readOptions,
	readText,
	requiredProblem,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { vodRequest } from '../../transport';
import { paceOption } from '../common.description';

/** A URL longer than this is no VOD snapshot URL. */
const MAX_URL_BYTES = 4096;

const properties: INodeProperties[] = [
	{
		displayName: 'Snapshot URL',
		name: 'thumbnailUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://179.cdn-vod.huaweicloud.com/asset/…/snapshot/sample/5.jpg',
		description:
			"URL of one of the asset's snapshots (from Asset → Get, Snapshot → Get Images or Create); VOD makes it the cover",
	},
	optionsCollection([paceOption('UpdateCoverByThumbnail')]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['setCover'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const thumbnailUrl = readText.call(this, 'thumbnailUrl', 'Snapshot URL', i);
	const options = readOptions.call(this, i);
	const problem = firstProblem(
		requiredProblem('Snapshot URL', thumbnailUrl),
		httpUrlProblem('Snapshot URL', thumbnailUrl, MAX_URL_BYTES),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	await vodRequest(
		this,
		'UpdateCoverByThumbnail',
		{ body: { thumbnailUrl } },
		callOptions(options, i),
	);
	return [{ json: { thumbnailUrl, success: true } }];
}
