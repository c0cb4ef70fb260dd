import { DEFAULT_QPS } from '../../shared/pacing';
import {
	huaweiVodRequest,
	type HuaweiVodCall,
	type RequestContext,
} from '../../shared/transport/huaweiVod';
import type {
	CreateAssetProcessTaskRequest,
	CreateAssetProcessTaskResponse,
	DeleteThumbnailsQuery,
	DeleteThumbnailsResponse,
	ListAssetTaskInfoQuery,
	ListAssetTaskInfoResponse,
	ListThumbnailDetailsQuery,
	ListThumbnailDetailsResponse,
	ListThumbnailInfoQuery,
	ListThumbnailInfoResponse,
	ShowAssetDetailQuery,
	ShowAssetDetailResponse,
	UpdateCoverByThumbnailRequest,
	UpdateCoverByThumbnailResponse,
} from './types';

export type { RequestContext } from '../../shared/transport/huaweiVod';

/** Each API's input (its query or JSON body) and answer. */
interface VodApis {
	CreateAssetProcessTask: {
		input: { body: CreateAssetProcessTaskRequest };
		response: CreateAssetProcessTaskResponse;
	};
	ListThumbnailInfo: {
		input: { query: ListThumbnailInfoQuery };
		response: ListThumbnailInfoResponse;
	};
	ListThumbnailDetails: {
		input: { query: ListThumbnailDetailsQuery };
		response: ListThumbnailDetailsResponse;
	};
	DeleteThumbnails: { input: { query: DeleteThumbnailsQuery }; response: DeleteThumbnailsResponse };
	ShowAssetDetail: { input: { query: ShowAssetDetailQuery }; response: ShowAssetDetailResponse };
	ListAssetTaskInfo: {
		input: { query: ListAssetTaskInfoQuery };
		response: ListAssetTaskInfoResponse;
	};
	UpdateCoverByThumbnail: {
		input: { body: UpdateCoverByThumbnailRequest };
		response: UpdateCoverByThumbnailResponse;
	};
}

export type VodApi = keyof VodApis;

interface ApiRoute {
	method: HuaweiVodCall['method'];
	path: string;
	/** A second asset/process starts a second snapshot task: never re-sent blindly. */
	idempotent: boolean;
	/** What the answer must carry (nodes/shared/transport/responseCheck.ts). */
	required: readonly string[];
	ifOutcomeUnknown?: string;
}

const ROUTES: Record<VodApi, ApiRoute> = {
	CreateAssetProcessTask: {
		method: 'POST',
		path: '/v1.0/{project_id}/asset/process',
		idempotent: false,
		required: ['asset_id'],
		ifOutcomeUnknown:
			'the snapshot task may have been created. Check with Asset → Get Many Tasks (type Snapshot) for this asset before running again.',
	},
	ListThumbnailInfo: {
		method: 'GET',
		path: '/v1/{project_id}/asset/thumbnails',
		idempotent: true,
		required: ['thumbnails[]?'],
	},
	ListThumbnailDetails: {
		method: 'GET',
		path: '/v1/{project_id}/asset/thumbnail/details',
		idempotent: true,
		required: ['thumbnail_result[]?'],
	},
	DeleteThumbnails: {
		method: 'DELETE',
		path: '/v1/{project_id}/asset/thumbnails',
		idempotent: true,
		required: ['delete_result_array[]'],
	},
	ShowAssetDetail: {
		method: 'GET',
		path: '/v1.0/{project_id}/asset/details',
		idempotent: true,
		required: ['asset_id'],
	},
	ListAssetTaskInfo: {
		method: 'GET',
		path: '/v1/{project_id}/asset/tasks',
		idempotent: true,
		required: ['results[]?'],
	},
	UpdateCoverByThumbnail: {
		method: 'PUT',
		path: '/v1.0/{project_id}/asset/cover',
		idempotent: true,
		required: [],
	},
};

/**
 * VOD's per-tenant limits (API Reference "Before You Start", Table 2, stated per minute):
 * media processing (asset/process) 100 calls a minute; asset/details, as file information, 1,500.
 * The snapshot list, details, delete, cover and task APIs are in no category there and get the
 * shared default. Rounded down to a tenth, as Max Requests per Second shows it.
 */
export const DOCUMENTED_CALLS_PER_MINUTE = {
	CreateAssetProcessTask: 100,
	ShowAssetDetail: 1500,
} as const satisfies Partial<Record<VodApi, number>>;

function perSecond(callsPerMinute: number): number {
	return Math.floor((callsPerMinute / 60) * 10) / 10;
}

/** The documented limit of an API in requests per second, else the shared default. */
export function documentedQps(api: VodApi): number {
	const perMinute: Partial<Record<VodApi, number>> = DOCUMENTED_CALLS_PER_MINUTE;
	const limit = perMinute[api];
	return limit === undefined ? DEFAULT_QPS : perSecond(limit);
}

export interface VodCallOptions {
	itemIndex?: number;
	maxRequestsPerSecond?: number;
	/** When the caller's wait ends (ms since the epoch); see `SendPolicy.deadlineMs`. */
	deadlineMs?: number;
}

/**
 * The only place this node calls Huawei Cloud VOD. The context is an argument rather than `this`
 * so that the API's input and answer types are inferred.
 */
export async function vodRequest<A extends VodApi>(
	context: RequestContext,
	api: A,
	input: VodApis[A]['input'],
	options: VodCallOptions = {},
): Promise<VodApis[A]['response']> {
	const route = ROUTES[api];
	const request = huaweiVodRequest<VodApis[A]['response']>;
	return await request.call(context, {
		method: route.method,
		path: route.path,
		...input,
		idempotent: route.idempotent,
		itemIndex: options.itemIndex,
		deadlineMs: options.deadlineMs,
		maxRequestsPerSecond: options.maxRequestsPerSecond ?? documentedQps(api),
		required: route.required,
		ifOutcomeUnknown: route.ifOutcomeUnknown,
	});
}
