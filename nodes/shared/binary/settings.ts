import type { IDataObject } from 'n8n-workflow';

export const DEFAULT_BINARY_PROPERTY = 'data';
export const DEFAULT_MAX_FILE_SIZE_MB = 20;
/** No option sets it: a download that takes longer than this is stuck, not slow. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;

const BYTES_PER_MB = 1024 * 1024;

export interface DownloadSettings {
	binaryPropertyName: string;
	maxFileSizeBytes: number;
	timeoutMs: number;
}

/** The settings from the Options entries of `downloadOptions` (nodes/shared/actions/fields.ts). */
export function downloadSettings(options: IDataObject): DownloadSettings {
	const binaryPropertyName = (options.binaryPropertyName as string | undefined) ?? '';
	const maxFileSize = (options.maxFileSize as number | undefined) ?? DEFAULT_MAX_FILE_SIZE_MB;
	return {
		binaryPropertyName: binaryPropertyName.trim() || DEFAULT_BINARY_PROPERTY,
		maxFileSizeBytes: Math.floor(maxFileSize * BYTES_PER_MB),
		timeoutMs: DEFAULT_DOWNLOAD_TIMEOUT_MS,
	};
}

export function downloadSettingsProblem(options: IDataObject): string | undefined {
	const maxFileSize = options.maxFileSize as number | undefined;
	return maxFileSize !== undefined && !(maxFileSize > 0)
		? `Max File Size (MB) must be greater than 0 (got ${maxFileSize})`
		: undefined;
}
