export { downloadEach } from './download';
export type { DownloadJob, DownloadRequest } from './download';
export { listOrDownloadImages } from './listOrDownload';
export { fileNameFromUrl, mimeTypeFromHeaders } from './fileInfo';
export {
	DEFAULT_BINARY_PROPERTY,
	DEFAULT_MAX_FILE_SIZE_MB,
	downloadSettings,
	downloadSettingsProblem,
} from './settings';
export type { DownloadSettings } from './settings';
