import type { IExecuteFunctions } from 'n8n-workflow';

import { collectByOffset } from '../../shared/pagination';
import { vodRequest, type VodCallOptions } from '../transport';
import type { ThumbnailImage } from '../transport/types';

/** asset/thumbnail/details: pages of at most 100; `offset` at most 20,480 (huawei.md §4.3). */
export const DETAILS_PAGE_SIZE = 100;
export const DETAILS_MAX_OFFSET = 20480;

/** The images of one snapshot task in VOD's order, all of them or the first `limit`. */
export async function thumbnailImages(
	this: IExecuteFunctions,
	taskId: string,
	limit: number | undefined,
	options: VodCallOptions,
): Promise<ThumbnailImage[]> {
	return await collectByOffset(
		async (offset, pageSize) => {
			const page = await vodRequest(
				this,
				'ListThumbnailDetails',
				{ query: { task_id: taskId, offset, limit: pageSize } },
				options,
			);
			return { items: page.thumbnail_result ?? [], total: page.total };
		},
		{ limit, maxPageSize: DETAILS_PAGE_SIZE, maxOffset: DETAILS_MAX_OFFSET },
	);
}
