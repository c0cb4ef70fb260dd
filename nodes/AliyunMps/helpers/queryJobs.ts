import type { RpcCallOptions } from '../../shared/transport/aliyunRpcApi';
import { collectByToken, inChunks } from '../../shared/pagination';
import type { RequestContext } from '../../shared/transport/aliyunRpc';
import {
	MPS_MAX_JOB_IDS_PER_QUERY,
	MPS_MAX_PAGE_SIZE,
	mpsRequest,
	type MpsJobState,
	type MpsSnapshotJob,
} from '../transport';

export interface JobsById {
	/** In the order the IDs were given. */
	jobs: MpsSnapshotJob[];
	/** IDs MPS reports in NonExistSnapshotJobIds, in the order given. */
	missing: string[];
}

/** `a, b` or `a\nb` (text) or a list → IDs; a message when an entry is empty. */
export function parseJobIds(value: unknown): string[] | string {
	const entries = Array.isArray(value) ? value.map(String) : String(value).split(/[,\n]/);
	const ids = entries.map((entry) => entry.trim());
	if (ids.length === 0 || ids.every((id) => id === '')) return 'Job IDs is required';
	const empty = ids.findIndex((id) => id === '');
	return empty === -1
		? ids
		: `Job IDs has an empty entry at position ${empty + 1}; separate IDs with single commas`;
}

/** QuerySnapshotJobList by ID, at most 10 per call, in order; unknown IDs kept apart. */
export async function queryJobsById(
	this: RequestContext,
	ids: readonly string[],
	options: RpcCallOptions,
): Promise<JobsById> {
	const found = new Map<string, MpsSnapshotJob>();
	const missing = new Set<string>();
	for (const chunk of inChunks(ids, MPS_MAX_JOB_IDS_PER_QUERY)) {
		const response = await mpsRequest(
			this,
			'QuerySnapshotJobList',
			{ SnapshotJobIds: chunk.join(',') },
			options,
		);
		for (const job of response.SnapshotJobList?.SnapshotJob ?? []) found.set(job.Id, job);
		for (const id of response.NonExistSnapshotJobIds?.String ?? []) missing.add(id);
	}
	return {
		jobs: ids.flatMap((id) => found.get(id) ?? []),
		missing: ids.filter((id) => missing.has(id) || !found.has(id)),
	};
}

export interface JobFilters {
	state?: MpsJobState;
	/** `yyyy-MM-ddTHH:mm:ssZ`. */
	createdAfter?: string;
	createdBefore?: string;
	pipelineId?: string;
}

/** QuerySnapshotJobList by filters over NextPageToken, pages of up to 300, stopping at `limit`. */
export async function listJobs(
	this: RequestContext,
	filters: JobFilters,
	limit: number | undefined,
	options: RpcCallOptions,
): Promise<MpsSnapshotJob[]> {
	return await collectByToken(
		async (token, pageSize) => {
			const response = await mpsRequest(
				this,
				'QuerySnapshotJobList',
				{
					NextPageToken: token,
					MaximumPageSize: pageSize,
					State: filters.state,
					StartOfJobCreatedTimeRange: filters.createdAfter,
					EndOfJobCreatedTimeRange: filters.createdBefore,
					PipelineId: filters.pipelineId,
				},
				options,
			);
			return {
				items: response.SnapshotJobList?.SnapshotJob ?? [],
				nextToken: response.NextPageToken,
			};
		},
		{ limit, maxPageSize: MPS_MAX_PAGE_SIZE },
	);
}
