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
	maxRequestsPerSecondOption,
	optionsProblem,
	readOptions,
	requiredProblem,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { normalizedVideo } from '../../helpers/videoInfo';
import { DOCUMENTED_QPS, vodRequest } from '../../transport';
import { readVideoId, SERVICE_NAME, videoIdField } from '../common.description';

const properties: INodeProperties[] = [
	videoIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxRequestsPerSecondOption(SERVICE_NAME, DOCUMENTED_QPS.GetVideoInfo)],
	},
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['video'], operation: ['get'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const videoId = readVideoId.call(this, i);
	const options = readOptions.call(this, i);
	const problem = firstProblem(requiredProblem('Video ID', videoId), optionsProblem(options));
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const response = await vodRequest(
		this,
		'GetVideoInfo',
		{ VideoId: videoId },
		callOptions(options, i),
	);
	return [{ json: { ...normalizedVideo(response.Video), RequestId: response.RequestId } }];
}
