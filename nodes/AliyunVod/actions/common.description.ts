import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_BINARY_PROPERTY, DEFAULT_MAX_FILE_SIZE_MB } from '../helpers/options';

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
	return (this.getNodeParameter('videoId', i) as string).trim();
}

/** Return All, and Limit (1 to `maxLimit`) when Return All is off. Read them with `readLimit`. */
export function returnAllAndLimitFields(maxLimit: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The item's Limit, or undefined with Return All on. */
export function readLimit(this: IExecuteFunctions, i: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	return returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
}

export const downloadImagesField: INodeProperties = {
	displayName: 'Download Images',
	name: 'downloadImages',
	type: 'boolean',
	default: false,
	description: 'Whether to download each snapshot into binary data, one item per image',
};

/** Entries of the Options collection that apply when Download Images is on. */
export const downloadOptions: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: DEFAULT_BINARY_PROPERTY,
		hint: 'The name of the output binary field to put the image in',
		displayOptions: { show: { '/downloadImages': [true] } },
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSize',
		type: 'number',
		typeOptions: { minValue: 0.001, numberPrecision: 3 },
		default: DEFAULT_MAX_FILE_SIZE_MB,
		description: 'Largest image to download; a bigger one fails with an error naming the file',
		displayOptions: { show: { '/downloadImages': [true] } },
	},
];

export function maxRequestsPerSecondOption(documentedQps: number): INodeProperties {
	return {
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: documentedQps,
		description: `Pace of calls to VOD; ${documentedQps} is the documented per-account limit. Lower it when other clients share the account.`,
	};
}
