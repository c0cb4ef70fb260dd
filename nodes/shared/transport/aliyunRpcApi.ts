import type { AliyunRpcProduct } from '../../../credentials/common/aliyun/endpoints';
import { DEFAULT_QPS } from '../pacing';
import { aliyunRpcRequest, type AliyunParamValue, type RequestContext } from './aliyunRpc';
import type { RequiredField } from './responseCheck';

/** An action's request and response shapes, keyed by the action's name in a product's map. */
export interface RpcShape {
	request: Record<string, AliyunParamValue>;
	response: object;
}

/**
 * How a node's transport declares the RPC actions it calls: whether each may be sent again, what
 * each answer must carry besides RequestId, the provider's documented per-action QPS, and how to
 * check whether a non-idempotent call took effect.
 */
export interface AliyunRpcApi<Actions extends Record<string, RpcShape>> {
	product: AliyunRpcProduct;
	idempotent: Record<keyof Actions & string, boolean>;
	required: Record<keyof Actions & string, readonly RequiredField[]>;
	documentedQps: Partial<Record<keyof Actions & string, number>>;
	ifOutcomeUnknown: Partial<Record<keyof Actions & string, string>>;
}

export interface RpcCallOptions {
	itemIndex?: number;
	maxRequestsPerSecond?: number;
	/** When the caller's wait ends (ms since the epoch); see `SendPolicy.deadlineMs`. */
	deadlineMs?: number;
}

/** The pace of one action: the user's Max Requests per Second, else the documented limit. */
export function rpcRequestsPerSecond(
	documented: Partial<Record<string, number>>,
	action: string,
	maxRequestsPerSecond?: number,
): number {
	return maxRequestsPerSecond ?? documented[action] ?? DEFAULT_QPS;
}

/** Calls one declared action; its request and response types follow from the action's name. */
export async function callRpcAction<
	Actions extends Record<string, RpcShape>,
	A extends keyof Actions & string,
>(
	context: RequestContext,
	api: AliyunRpcApi<Actions>,
	action: A,
	params: Actions[A]['request'],
	options: RpcCallOptions = {},
): Promise<Actions[A]['response']> {
	const request = aliyunRpcRequest<Actions[A]['response']>;
	return await request.call(context, {
		product: api.product,
		action,
		params,
		idempotent: api.idempotent[action],
		itemIndex: options.itemIndex,
		deadlineMs: options.deadlineMs,
		maxRequestsPerSecond: rpcRequestsPerSecond(
			api.documentedQps,
			action,
			options.maxRequestsPerSecond,
		),
		required: api.required[action],
		ifOutcomeUnknown: api.ifOutcomeUnknown[action],
	});
}
