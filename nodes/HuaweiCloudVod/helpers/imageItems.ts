import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResults } from '../../shared/actions';
import { downloadEach, downloadSettings } from '../../shared/binary';
import type { ThumbnailImage } from '../transport/types';

/**
 * One item per snapshot (`about` first, then offset and URL) or, with `downloadImages`, one item
 * (or failure) per image with the image as binary data.
 */
export function imageItems(
	this: IExecuteFunctions,
	images: ThumbnailImage[],
	about: IDataObject,
	options: IDataObject,
	itemIndex: number,
	downloadImages: boolean,
): ItemResults {
	const records = images.map((image) => ({ ...about, offset: image.offset, url: image.url }));
	if (!downloadImages) return records.map((json) => ({ json }));
	const requests = records.map((json) => ({
		url: json.url,
		fallbackFileName: `snapshot-${json.offset}.jpg`,
		json,
	}));
	return downloadEach.call(this, requests, {
		...downloadSettings(options),
		itemIndex,
		label: 'snapshot',
	});
}
