import type { IExecuteFunctions } from 'n8n-workflow';

import { collectByPageNumber } from '../../shared/pagination';
import { vodRequest, type VodCallOptions } from '../transport';
import type { ListSnapshotsResponse, MediaSnapshot, SnapshotType } from '../transport/types';

/** ListSnapshots accepts at most 100 snapshots per page. */
const LIST_SNAPSHOTS_MAX_PAGE_SIZE = 100;

/** One output item of Snapshot → Get Many: the snapshot and the job it belongs to. */
export interface SnapshotRecord {
	JobId: string;
	Index: number;
	Url: string;
	CreationTime: string;
	Total: number;
	Regular: string;
	[key: string]: string | number;
}

export interface SnapshotQuery {
	videoId: string;
	snapshotType: SnapshotType;
	authTimeout?: number;
}
/** One record per snapshot, carrying the job fields VOD returns once per page. */
function snapshotRecords(media: MediaSnapshot | undefined): SnapshotRecord[] {
	if (!media) return [];
	return (media.Snapshots?.Snapshot ?? []).map((snapshot) => ({
		JobId: media.JobId,
		Index: snapshot.Index,
		Url: snapshot.Url,
		CreationTime: media.CreationTime,
		Total: media.Total,
		Regular: media.Regular,
	}));
}

async function listSnapshotsPage(
	context: IExecuteFunctions,
	query: SnapshotQuery,
	page: { pageNo: number; pageSize: number },
	options: VodCallOptions,
): Promise<ListSnapshotsResponse> {
	return await vodRequest(
		context,
		'ListSnapshots',
		{
			VideoId: query.videoId,
			SnapshotType: query.snapshotType,
			AuthTimeout: query.authTimeout,
			PageNo: page.pageNo,
			PageSize: page.pageSize,
		},
		options,
	);
}

/** The JobId of the latest snapshot job of this type, read from a one-snapshot page. */
export async function latestSnapshotJobId(
	this: IExecuteFunctions,
	query: SnapshotQuery,
	options: VodCallOptions,
): Promise<string | undefined> {
	const response = await listSnapshotsPage(this, query, { pageNo: 1, pageSize: 1 }, options);
	return response.MediaSnapshot?.JobId;
}

export async function listSnapshots(
	this: IExecuteFunctions,
	query: SnapshotQuery,
	limit: number | undefined,
	options: VodCallOptions,
): Promise<SnapshotRecord[]> {
	return await collectByPageNumber(
		async (pageNo, pageSize) => {
			const response = await listSnapshotsPage(this, query, { pageNo, pageSize }, options);
			return {
				items: snapshotRecords(response.MediaSnapshot),
				total: response.MediaSnapshot?.Total,
			};
		},
		{ maxPageSize: LIST_SNAPSHOTS_MAX_PAGE_SIZE, limit },
	);
}
