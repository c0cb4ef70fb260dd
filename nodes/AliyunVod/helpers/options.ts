import type { IDataObject } from 'n8n-workflow';

import type { VodCallOptions } from '../transport';
import { firstProblem } from './validation';

export const DEFAULT_BINARY_PROPERTY = 'data';
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

const BYTES_PER_MB = 1024 * 1024;

export interface DownloadSettings {
	binaryPropertyName: string;
	maxFileSizeBytes: number;
}

export function downloadSettings(options: IDataObject): DownloadSettings {
	const binaryPropertyName = (options.binaryPropertyName as string | undefined) ?? '';
	const maxFileSize = (options.maxFileSize as number | undefined) ?? DEFAULT_MAX_FILE_SIZE_MB;
	return {
		binaryPropertyName: binaryPropertyName.trim() || DEFAULT_BINARY_PROPERTY,
		maxFileSizeBytes: Math.floor(maxFileSize * BYTES_PER_MB),
	};
}

function downloadSettingsProblem(options: IDataObject): string | undefined {
	const maxFileSize = options.maxFileSize as number | undefined;
	return maxFileSize !== undefined && !(maxFileSize > 0)
		? `Max File Size (MB) must be greater than 0 (got ${maxFileSize})`
		: undefined;
}

function maxRequestsPerSecondProblem(options: IDataObject): string | undefined {
	const value = options.maxRequestsPerSecond as number | undefined;
	return value !== undefined && !(value > 0)
		? `Max Requests per Second must be greater than 0 (got ${value})`
		: undefined;
}

export function optionsProblem(options: IDataObject): string | undefined {
	return firstProblem(downloadSettingsProblem(options), maxRequestsPerSecondProblem(options));
}

/** What an operation passes to vodRequest: its item, and the Max Requests per Second option. */
export function vodCallOptions(options: IDataObject, itemIndex: number): VodCallOptions {
	return { itemIndex, maxRequestsPerSecond: options.maxRequestsPerSecond as number | undefined };
}
