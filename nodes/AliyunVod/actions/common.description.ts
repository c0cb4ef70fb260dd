import type { INodeProperties } from 'n8n-workflow';

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

export const binaryPropertyNameOption: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: DEFAULT_BINARY_PROPERTY,
	hint: 'The name of the output binary field to put the image in',
};

export const maxFileSizeOption: INodeProperties = {
	displayName: 'Max File Size (MB)',
	name: 'maxFileSize',
	type: 'number',
	typeOptions: { minValue: 0.001, numberPrecision: 3 },
	default: DEFAULT_MAX_FILE_SIZE_MB,
	description: 'Largest image to download; a bigger one fails with an error naming the file',
};

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
