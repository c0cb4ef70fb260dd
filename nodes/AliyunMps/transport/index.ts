import type { RequestContext } from '../../shared/transport/aliyunRpc';
import {
	callRpcAction,
	type AliyunRpcApi,
	type RpcCallOptions,
} from '../../shared/transport/aliyunRpcApi';
import type {
	QuerySnapshotJobListRequest,
	QuerySnapshotJobListResponse,
	SubmitSnapshotJobRequest,
	SubmitSnapshotJobResponse,
} from './types';

export type * from './types';

/** A type alias, not an interface: the kit's `Record<string, RpcShape>` needs the implicit index. */
type MpsActions = {
	SubmitSnapshotJob: { request: SubmitSnapshotJobRequest; response: SubmitSnapshotJobResponse };
	QuerySnapshotJobList: {
		request: QuerySnapshotJobListRequest;
		response: QuerySnapshotJobListResponse;
	};
};

export type MpsAction = keyof MpsActions;

/** At most this many SnapshotJobIds per QuerySnapshotJobList call (aliyun.md §e). */
export const MPS_MAX_JOB_IDS_PER_QUERY = 10;
/** MaximumPageSize of a QuerySnapshotJobList page: 1 to 300 (default 30). */
export const MPS_MAX_PAGE_SIZE = 300;

/**
 * Per-account QPS MPS documents (aliyun.md §c: SubmitSnapshotJob 50, QuerySnapshotJobList 100).
 */
export const DOCUMENTED_QPS = {
	SubmitSnapshotJob: 50,
	QuerySnapshotJobList: 100,
} as const satisfies Record<MpsAction, number>;

/** A second SubmitSnapshotJob would start a second job, so it is never repeated blindly. */
const IDEMPOTENT: Record<MpsAction, boolean> = {
	SubmitSnapshotJob: false,
	QuerySnapshotJobList: true,
};

/** What each answer must carry besides RequestId; a list answer may hold no job. */
const REQUIRED: Record<MpsAction, readonly string[]> = {
	SubmitSnapshotJob: ['SnapshotJob.Id', 'SnapshotJob.State'],
	QuerySnapshotJobList: ['SnapshotJobList?.SnapshotJob[]?', 'NonExistSnapshotJobIds?.String[]?'],
};

/** How to find out whether a non-idempotent call took effect, before running it again. */
const IF_OUTCOME_UNKNOWN: Partial<Record<MpsAction, string>> = {
	SubmitSnapshotJob:
		'the snapshot job may have been created. Check with Snapshot Job → Get Many (Query snapshot jobs) for jobs created since this run before running again.',
};

const MPS_API: AliyunRpcApi<MpsActions> = {
	product: 'mts',
	idempotent: IDEMPOTENT,
	required: REQUIRED,
	documentedQps: DOCUMENTED_QPS,
	ifOutcomeUnknown: IF_OUTCOME_UNKNOWN,
};

/** The only place this node sends MPS requests. */
export async function mpsRequest<A extends MpsAction>(
	context: RequestContext,
	action: A,
	params: MpsActions[A]['request'],
	options: RpcCallOptions = {},
): Promise<MpsActions[A]['response']> {
	return await callRpcAction(context, MPS_API, action, params, options);
}
