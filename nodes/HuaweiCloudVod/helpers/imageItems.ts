import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResults } from '../../shared/actions';
import { listOrDownloadImages } from '../../shared/binary';
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
	const requests = images.map((image) => ({
		url: image.url,
		fallbackFileName: `snapshot-${image.offset}.jpg`,
		json: { ...about, offset: image.offset, url: image.url },
	}));
	return listOrDownloadImages.call(this, requests, options, itemIndex, downloadImages);
}
