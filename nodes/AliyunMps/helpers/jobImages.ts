import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { presignOssGet } from '../../../credentials/common/aliyun/ossLinks';
import type { ItemResults } from '../../shared/actions';
import { listOrDownloadImages } from '../../shared/binary';
import { ALIYUN_CREDENTIAL_TYPE, type RequestContext } from '../../shared/transport/aliyunRpc';
import type { MpsSnapshotConfig, MpsSnapshotJob } from '../transport';
import { fromMpsOssFile, type OssFileInput } from './ossFiles';
import { COUNT_PLACEHOLDER, TILE_COUNT_PLACEHOLDER } from './snapshotConfig';

export const DEFAULT_LINK_EXPIRY_SECONDS = 3600;

/** One image a finished job wrote: a snapshot or a sprite sheet, numbered from 1. */
export interface JobImage extends OssFileInput {
	kind: 'snapshot' | 'tile';
	index: number;
}

/** `{Count}` / `{TileCount}` → 00001, 00002, …: MPS numbers its files with five digits. */
export function expandPlaceholder(key: string, placeholder: string, index: number): string {
	return key.split(placeholder).join(String(index).padStart(5, '0'));
}

function series(
	file: OssFileInput | undefined,
	placeholder: string,
	count: number,
	kind: JobImage['kind'],
): JobImage[] {
	if (!file || count < 1) return [];
	if (!file.object.includes(placeholder)) return [{ ...file, kind, index: 1 }];
	return Array.from({ length: count }, (_, offset) => ({
		...file,
		object: expandPlaceholder(file.object, placeholder, offset + 1),
		kind,
		index: offset + 1,
	}));
}

function whole(value: string | undefined): number {
	const number = Number(value ?? 0);
	return Number.isInteger(number) && number > 0 ? number : 0;
}

/**
 * The images of a successful job, from its SnapshotConfig (as echoed, else as submitted) and its
 * Count / TileCount; the single pictures are left out when a sprite job did not keep them.
 */
export function jobImages(job: MpsSnapshotJob, submitted?: MpsSnapshotConfig): JobImage[] {
	const config = job.SnapshotConfig ?? submitted;
	if (!config) return [];
	const keepCells = !config.TileOut || config.TileOut.IsKeepCellPic !== 'false';
	const snapshots = keepCells
		? series(
				fromMpsOssFile(config.OutputFile),
				COUNT_PLACEHOLDER,
				whole(job.Count) || 1,
				'snapshot',
			)
		: [];
	const tiles = config.TileOut
		? series(
				fromMpsOssFile(config.TileOutputFile),
				TILE_COUNT_PLACEHOLDER,
				whole(job.TileCount),
				'tile',
			)
		: [];
	return [...snapshots, ...tiles];
}

/** `{ Type, Index, Bucket, Location, Object }`: which image, named by its OSS object. */
export function imageObject(image: JobImage): IDataObject {
	return {
		Type: image.kind,
		Index: image.index,
		Bucket: image.bucket,
		Location: image.location,
		Object: image.object,
	};
}

/** The image's job, the image, and its link when given (never in an error item: it is signed). */
function imageJson(job: MpsSnapshotJob, image: JobImage, url?: string): IDataObject {
	return {
		JobId: job.Id,
		State: job.State,
		...imageObject(image),
		...(url === undefined ? {} : { Url: url }),
		...(job.UserData === undefined ? {} : { UserData: job.UserData }),
		...(job.PipelineId === undefined ? {} : { PipelineId: job.PipelineId }),
	};
}

/** Each image with its pre-signed HTTPS link, valid `expirySeconds` from now. */
export async function imageLinks(
	this: RequestContext,
	images: JobImage[],
	expirySeconds: number,
	itemIndex?: number,
): Promise<Array<{ image: JobImage; url: string }>> {
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(
		ALIYUN_CREDENTIAL_TYPE,
		itemIndex,
	);
	const now = new Date();
	return images.map((image) => ({
		image,
		url: presignOssGet(credentials, image, expirySeconds, now),
	}));
}

/** A job's images as entries (the trigger's `Images`). */
export function imageEntries(links: Array<{ image: JobImage; url: string }>): IDataObject[] {
	return links.map(({ image, url }) => ({ ...imageObject(image), Url: url }));
}

/**
 * One item per image with a pre-signed HTTPS link (valid Link Expiry seconds) or, with
 * `downloadImages`, the image itself, fetched through that OSS-signed link.
 */
export async function imageItems(
	this: IExecuteFunctions,
	job: MpsSnapshotJob,
	images: JobImage[],
	options: IDataObject,
	itemIndex: number,
	downloadImages: boolean,
): Promise<ItemResults> {
	const expiry = (options.linkExpiry as number | undefined) ?? DEFAULT_LINK_EXPIRY_SECONDS;
	const links = await imageLinks.call(this, images, expiry, itemIndex);
	const requests = links.map(({ image, url }) => ({
		url,
		fallbackFileName: image.object.split('/').pop() || `${image.kind}-${image.index}.jpg`,
		json: imageJson(job, image, url),
		failureDetails: imageJson(job, image),
	}));
	return listOrDownloadImages.call(this, requests, options, itemIndex, downloadImages, 'oss');
}
