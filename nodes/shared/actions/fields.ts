import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MIN_REQUESTS_PER_SECOND } from './options';
import { coerceNumber, readBoolean } from './parameters';
import { DEFAULT_BINARY_PROPERTY, DEFAULT_MAX_FILE_SIZE_MB } from '../binary/settings';
import { DEFAULT_QPS } from '../pacing';
import {
	DEFAULT_MAX_WAIT_SECONDS,
	DEFAULT_POLL_INTERVAL_SECONDS,
	MAX_WAIT_LIMIT_SECONDS,
	MIN_POLL_INTERVAL_SECONDS,
} from '../polling/waitForJob';

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
			typeOptions: { minValue: 1, maxValue: maxLimit, numberPrecision: 0 },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The item's Limit, or undefined with Return All on. */
export function readLimit(this: IExecuteFunctions, i: number): number | undefined {
	const returnAll = readBoolean.call(this, 'returnAll', 'Return All', i);
	return returnAll ? undefined : coerceNumber('Limit', this.getNodeParameter('limit', i, 50));
}

export const downloadImagesField: INodeProperties = {
	displayName: 'Download Images',
	name: 'downloadImages',
	type: 'boolean',
	default: false,
	description: 'Whether to download each snapshot into binary data, one item per image',
};

/** Entries of the Options collection that apply when Download Images is on (`downloadSettings`). */
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
		typeOptions: { minValue: 0.001 },
		default: DEFAULT_MAX_FILE_SIZE_MB,
		description: 'Largest image to download; a bigger one fails with an error naming the file',
		displayOptions: { show: { '/downloadImages': [true] } },
	},
];

/**
 * `service` names the API as users know it (`VOD`); `documentedQps` is the action's per-account
 * limit, or undefined when the API documents none (the transport then paces at `DEFAULT_QPS`).
 */
export function maxRequestsPerSecondOption(
	service: string,
	documentedQps?: number,
): INodeProperties {
	const pace = documentedQps ?? DEFAULT_QPS;
	const limit =
		documentedQps === undefined
			? `${service} documents no limit for this action; ${DEFAULT_QPS} is the node's default pace`
			: `${documentedQps} is the documented per-account limit`;
	return {
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: MIN_REQUESTS_PER_SECOND },
		default: pace,
		description: `Pace of calls to ${service}; ${limit}. Lower it when other clients share the account.`,
	};
}

/** Wait for Completion, for an operation that starts a job; `service` is polled for its end. */
export function waitForCompletionField(service: string): INodeProperties {
	return {
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description: `Whether to poll ${service} until the job has finished and output its snapshots instead of the job ID`,
	};
}

/**
 * Entries of the Options collection that apply when Wait for Completion is on (`waitSettings`).
 * `laterOperation` is the operation that fetches the snapshots after a time-out.
 */
export function waitOptions(laterOperation: string): INodeProperties[] {
	return [
		{
			displayName: 'Max Wait Time (Seconds)',
			name: 'maxWaitTime',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_LIMIT_SECONDS, numberPrecision: 0 },
			default: DEFAULT_MAX_WAIT_SECONDS,
			displayOptions: { show: { '/waitForCompletion': [true] } },
			description: `How long to wait for the job; after that the item fails with the job ID, so you can fetch the snapshots later with ${laterOperation}`,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: MIN_POLL_INTERVAL_SECONDS },
			default: DEFAULT_POLL_INTERVAL_SECONDS,
			displayOptions: { show: { '/waitForCompletion': [true] } },
			description: 'Time between two checks of the job',
		},
	];
}

/** An operation's Options collection. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export interface JobOutputFields {
	/** The API as users know it, e.g. `MPS`. */
	service: string;
	/** The submit action's documented per-account QPS. */
	documentedQps: number;
	/** The operation that fetches the result after a time-out. */
	laterOperation: string;
	/** The operation's own Options entries, listed first. */
	ownOptions?: INodeProperties[];
}

/** Wait for Completion, and Download Images shown only while waiting. */
export function waitAndDownloadFields(service: string): INodeProperties[] {
	return [
		waitForCompletionField(service),
		{ ...downloadImagesField, displayOptions: { show: { waitForCompletion: [true] } } },
	];
}

/**
 * What follows the settings of an operation that starts a job: Wait for Completion, Download
 * Images (when waiting) and the Options with the pace, wait and download entries.
 */
export function jobOutputFields(fields: JobOutputFields): INodeProperties[] {
	return [
		...waitAndDownloadFields(fields.service),
		optionsCollection([
			...(fields.ownOptions ?? []),
			maxRequestsPerSecondOption(fields.service, fields.documentedQps),
			...waitOptions(fields.laterOperation),
			...downloadOptions,
		]),
	];
}
