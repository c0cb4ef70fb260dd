import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResults } from '../actions/router';
import type { ErrorProvider } from '../errors';
import { downloadEach, type DownloadRequest } from './download';
import { downloadSettings } from './settings';

/**
 * The images as items (their `json`) or, with `downloadImages` (Download Images), one item per
 * image with the image as binary data, or the failure of its download.
 */
export function listOrDownloadImages(
	this: IExecuteFunctions,
	images: DownloadRequest[],
	options: IDataObject,
	itemIndex: number,
	downloadImages: boolean,
	errorProvider?: ErrorProvider,
): ItemResults {
	if (!downloadImages) return images.map(({ json }) => ({ json }));
	return downloadEach.call(this, images, {
		...downloadSettings(options),
		itemIndex,
		label: 'snapshot',
		errorProvider,
	});
}
