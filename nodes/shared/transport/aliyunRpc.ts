import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	aliyunEndpoint,
	type AliyunRpcProduct,
} from '../../../credentials/common/aliyun/endpoints';
import { credentialEndpoint, sendAuthenticated } from './request';
import type { RequestContext } from './request';
import { checkedResponse } from './responseCheck';
import type { RequiredField } from './responseCheck';

export type { RequestContext } from './request';

/** Objects and arrays must already be JSON text: that is how the RPC APIs take them. */
export type AliyunParamValue = string | number | boolean | undefined;

export interface AliyunRpcCall {
	product: AliyunRpcProduct;
	action: string;
	params: Record<string, AliyunParamValue>;
	/** False for calls that create something (submits): their unknown outcomes are never re-sent. */
	idempotent: boolean;
	itemIndex?: number;
	/** Overrides the action's documented QPS (see pacing.ts). */
	maxRequestsPerSecond?: number;
	/** When the caller's wait ends (ms since the epoch); see `SendPolicy.deadlineMs`. */
	deadlineMs?: number;
	/** Fields the answer must carry besides `RequestId` (see responseCheck.ts). */
	required?: readonly RequiredField[];
	/** Non-idempotent calls: how to check whether the call took effect before running it again. */
	ifOutcomeUnknown?: string;
}

const ALIYUN_API_VERSIONS: Record<AliyunRpcProduct, string> = {
	vod: '2017-03-21',
	mts: '2014-06-18',
};

export const ALIYUN_CREDENTIAL_TYPE = 'aliyunApi';

export function aliyunRpcQuery(
	call: Pick<AliyunRpcCall, 'product' | 'action' | 'params'>,
): IDataObject {
	const query: IDataObject = { Action: call.action, Version: ALIYUN_API_VERSIONS[call.product] };
	for (const [name, value] of Object.entries(call.params)) {
		if (value !== undefined) query[name] = String(value);
	}
	return query;
}

function aliyunRpcOptions(endpoint: string, call: AliyunRpcCall): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${endpoint.replace(/\/+$/, '')}/`,
		qs: aliyunRpcQuery(call),
		json: true,
	};
}

/**
 * Calls an Alibaba Cloud RPC API (VOD or MPS); the `aliyunApi` credential signs it. The answer is
 * checked before it is typed as `T`: every RPC answer carries a RequestId, plus the call's `required`.
 */
export async function aliyunRpcRequest<T extends object>(
	this: RequestContext,
	call: AliyunRpcCall,
): Promise<T> {
	const { endpoint, credentials } = await credentialEndpoint.call(
		this,
		ALIYUN_CREDENTIAL_TYPE,
		(credentials) => aliyunEndpoint(credentials, call.product),
		call.itemIndex,
	);
	const options = aliyunRpcOptions(endpoint, call);
	const response = await sendAuthenticated.call(this, options, {
		provider: 'aliyun',
		credentialType: ALIYUN_CREDENTIAL_TYPE,
		credentials,
		service: call.product,
		action: call.action,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
		maxRequestsPerSecond: call.maxRequestsPerSecond,
		deadlineMs: call.deadlineMs,
		ifOutcomeUnknown: call.ifOutcomeUnknown,
	});
	const checked = checkedResponse(this.getNode(), response, {
		provider: 'aliyun',
		action: call.action,
		required: ['RequestId', ...(call.required ?? [])],
		itemIndex: call.itemIndex,
		ifOutcomeUnknown: call.ifOutcomeUnknown,
	});
	return checked as T;
}
