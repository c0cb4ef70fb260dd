import { DEFAULT_QPS } from '../../shared/pacing';
import { aliyunRpcRequest, type RequestContext } from '../../shared/transport/aliyunRpc';
import type { RequiredField } from '../../shared/transport/responseCheck';
import type {
	GetVideoInfoRequest,
	GetVideoInfoResponse,
	ListSnapshotsRequest,
	ListSnapshotsResponse,
	MessageCallback,
	SearchMediaRequest,
	SearchMediaResponse,
	SubmitSnapshotJobRequest,
	SubmitSnapshotJobResponse,
} from './types';

type SetMessageCallbackRequest = MessageCallback & { AppId: string };
type AppRequest = { AppId: string };

interface VodActions {
	SubmitSnapshotJob: { request: SubmitSnapshotJobRequest; response: SubmitSnapshotJobResponse };
	ListSnapshots: { request: ListSnapshotsRequest; response: ListSnapshotsResponse };
	GetVideoInfo: { request: GetVideoInfoRequest; response: GetVideoInfoResponse };
	SearchMedia: { request: SearchMediaRequest; response: SearchMediaResponse };
	GetMessageCallback: {
		request: AppRequest;
		response: { RequestId: string; MessageCallback?: unknown };
	};
	SetMessageCallback: { request: SetMessageCallbackRequest; response: { RequestId: string } };
	DeleteMessageCallback: { request: AppRequest; response: { RequestId: string } };
}

export type VodAction = keyof VodActions;

/** A second SubmitSnapshotJob would start a second job, so the transport must never repeat it blindly. */
const IDEMPOTENT: Record<VodAction, boolean> = {
	SubmitSnapshotJob: false,
	ListSnapshots: true,
	GetVideoInfo: true,
	SearchMedia: true,
	GetMessageCallback: true,
	SetMessageCallback: true,
	DeleteMessageCallback: true,
};

/** What each answer must carry besides RequestId (aliyun.md §d); list answers may be empty. */
const REQUIRED: Record<VodAction, readonly RequiredField[]> = {
	SubmitSnapshotJob: ['SnapshotJob.JobId'],
	// No MediaSnapshot: the video has no snapshot job; one without Total or a list is broken.
	ListSnapshots: ['MediaSnapshot?.Total', 'MediaSnapshot?.Snapshots?.Snapshot[]?'],
	GetVideoInfo: ['Video.VideoId'],
	SearchMedia: ['Total', 'MediaList[]?'],
	GetMessageCallback: [],
	SetMessageCallback: [],
	DeleteMessageCallback: [],
};

/** How to find out whether a non-idempotent call took effect, before running it again. */
const IF_OUTCOME_UNKNOWN: Partial<Record<VodAction, string>> = {
	SubmitSnapshotJob:
		'the snapshot job may have been created. Check with Snapshot → Get Many for this video before running again.',
};

/**
 * A callback URL VOD accepts, in SetMessageCallback and in a Submit's UserData: at most 256 bytes
 * (aliyun.md, SetMessageCallback).
 */
export const MAX_CALLBACK_URL_BYTES = 256;

/**
 * Per-account QPS VOD documents (aliyun.md §c: SubmitSnapshotJob 30, GetVideoInfo 100; VOD's "QPS
 * limits on API operations" page: SearchMedia 50). ListSnapshots and the callback actions have no
 * published limit and get the shared default.
 */
export const DOCUMENTED_QPS = {
	SubmitSnapshotJob: 30,
	GetVideoInfo: 100,
	SearchMedia: 50,
} as const satisfies Partial<Record<VodAction, number>>;

/** The pace of one action: the user's Max Requests per Second, else VOD's documented limit. */
export function vodRequestsPerSecond(action: VodAction, maxRequestsPerSecond?: number): number {
	const documented: Partial<Record<VodAction, number>> = DOCUMENTED_QPS;
	return maxRequestsPerSecond ?? documented[action] ?? DEFAULT_QPS;
}

export interface VodCallOptions {
	itemIndex?: number;
	maxRequestsPerSecond?: number;
	/** When the caller's wait ends (ms since the epoch); see `SendPolicy.deadlineMs`. */
	deadlineMs?: number;
}

/**
 * The only place this node sends VOD requests. The context is an argument rather than `this` so
 * that the action's request and response types are inferred.
 */
export async function vodRequest<A extends VodAction>(
	context: RequestContext,
	action: A,
	params: VodActions[A]['request'],
	options: VodCallOptions = {},
): Promise<VodActions[A]['response']> {
	const request = aliyunRpcRequest<VodActions[A]['response']>;
	return await request.call(context, {
		product: 'vod',
		action,
		params,
		idempotent: IDEMPOTENT[action],
		itemIndex: options.itemIndex,
		deadlineMs: options.deadlineMs,
		maxRequestsPerSecond: vodRequestsPerSecond(action, options.maxRequestsPerSecond),
		required: REQUIRED[action],
		ifOutcomeUnknown: IF_OUTCOME_UNKNOWN[action],
	});
}
