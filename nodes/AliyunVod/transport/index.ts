import type { IExecuteFunctions } from 'n8n-workflow';

import { aliyunRpcRequest } from '../../shared/transport/aliyunRpc';
import type {
	GetVideoInfoRequest,
	GetVideoInfoResponse,
	ListSnapshotsRequest,
	ListSnapshotsResponse,
	SearchMediaRequest,
	SearchMediaResponse,
	SubmitSnapshotJobRequest,
	SubmitSnapshotJobResponse,
} from '../helpers/types';

interface VodActions {
	SubmitSnapshotJob: { request: SubmitSnapshotJobRequest; response: SubmitSnapshotJobResponse };
	ListSnapshots: { request: ListSnapshotsRequest; response: ListSnapshotsResponse };
	GetVideoInfo: { request: GetVideoInfoRequest; response: GetVideoInfoResponse };
	SearchMedia: { request: SearchMediaRequest; response: SearchMediaResponse };
}

export type VodAction = keyof VodActions;

/** A second SubmitSnapshotJob would start a second job, so the transport must never repeat it blindly. */
const IDEMPOTENT: Record<VodAction, boolean> = {
	SubmitSnapshotJob: false,
	ListSnapshots: true,
	GetVideoInfo: true,
	SearchMedia: true,
};

/**
 * Per-account QPS from VOD's "QPS limits on API operations" page; ListSnapshots has no published
 * limit and is left to the transport's default pace.
 */
export const DOCUMENTED_QPS = {
	SubmitSnapshotJob: 30,
	GetVideoInfo: 100,
	SearchMedia: 50,
} as const satisfies Partial<Record<VodAction, number>>;

function documentedQps(action: VodAction): number | undefined {
	return action in DOCUMENTED_QPS
		? DOCUMENTED_QPS[action as keyof typeof DOCUMENTED_QPS]
		: undefined;
}

export interface VodCallOptions {
	itemIndex: number;
	maxRequestsPerSecond?: number;
}

/**
 * The only place this node sends VOD requests. The context is an argument rather than `this` so
 * that the action's request and response types are inferred.
 */
export async function vodRequest<A extends VodAction>(
	context: IExecuteFunctions,
	action: A,
	params: VodActions[A]['request'],
	options: VodCallOptions,
): Promise<VodActions[A]['response']> {
	const request = aliyunRpcRequest<VodActions[A]['response']>;
	return await request.call(context, {
		product: 'vod',
		action,
		params,
		idempotent: IDEMPOTENT[action],
		itemIndex: options.itemIndex,
		maxRequestsPerSecond: options.maxRequestsPerSecond ?? documentedQps(action),
	});
}
