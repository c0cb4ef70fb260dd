import { collectByToken } from '../../shared/pagination';
import { vodRequest, type RequestContext, type VodCallOptions } from '../transport';
import type { AssetTaskResult, ListAssetTaskInfoQuery } from '../transport/types';

/** asset/tasks: `limit` 1 to 100, marker paging (huawei.md §4.6). */
export const TASKS_PAGE_SIZE = 100;

export type AssetTaskFilter = Omit<ListAssetTaskInfoQuery, 'marker' | 'limit'>;

/** The tasks matching `filter` over marker paging, all of them or the first `limit`. */
export async function listAssetTasks(
	context: RequestContext,
	filter: AssetTaskFilter,
	limit: number | undefined,
	options: VodCallOptions = {},
): Promise<AssetTaskResult[]> {
	return await collectByToken(
		async (marker, pageSize) => {
			const page = await vodRequest(
				context,
				'ListAssetTaskInfo',
				{ query: { ...filter, marker, limit: pageSize } },
				options,
			);
			return { items: page.results ?? [], nextToken: page.next_marker };
		},
		{ limit, maxPageSize: TASKS_PAGE_SIZE },
	);
}
