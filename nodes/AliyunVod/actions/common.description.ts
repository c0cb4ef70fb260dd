import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../../shared/actions';

export const videoIdField: INodeProperties = {
	displayName: 'Video ID',
	name: 'videoId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'd3e680e618708fef7cefbf2cae7cc931',
	description: 'ID of the video in ApsaraVideo VOD',
};

/** The item's Video ID, trimmed; check it with `requiredProblem('Video ID', …)`. */
export function readVideoId(this: IExecuteFunctions, i: number): string {
	return readText.call(this, 'videoId', 'Video ID', i);
}

/** How the node names its service in shared field texts. */
export const SERVICE_NAME = 'VOD';
