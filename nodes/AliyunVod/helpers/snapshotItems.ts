import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemResults } from '../../shared/actions';
import { listOrDownloadImages } from '../../shared/binary';
import type { SnapshotRecord } from './listSnapshots';

/** The snapshots as items or, with `downloadImages`, one item (or failure) per image. */
export function snapshotItems(
	this: IExecuteFunctions,
	records: SnapshotRecord[],
	options: IDataObject,
	itemIndex: number,
	downloadImages: boolean,
): ItemResults {
	const images = records.map((record) => ({
		url: record.Url,
		fallbackFileName: `snapshot-${record.Index}.jpg`,
		json: { ...record },
	}));
	return listOrDownloadImages.call(this, images, options, itemIndex, downloadImages);
}
