import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { huaweiEndpoint } from '../../../credentials/common/huawei/settings';
import { credentialEndpoint, sendAuthenticated } from './request';
import type { RequestContext } from './request';
import { checkedResponse } from './responseCheck';
import type { RequiredField } from './responseCheck';

export type { RequestContext } from './request';

export type HuaweiQueryValue = string | number | string[] | undefined;

export interface HuaweiVodCall {
	method: Extract<IHttpRequestMethods, 'GET' | 'POST' | 'PUT' | 'DELETE'>;
	/** E.g. '/v1/{project_id}/asset/thumbnails'; the credential substitutes {project_id}. */
	path: string;
	/** Arrays are sent as repeated parameters (`asset_id=a&asset_id=b`). */
	query?: Record<string, HuaweiQueryValue>;
	body?: object;
	/** False for calls that create something: their unknown outcomes are never re-sent. */
	idempotent: boolean;
	itemIndex?: number;
	maxRequestsPerSecond?: number;
	/** When the caller's wait ends (ms since the epoch); see `SendPolicy.deadlineMs`. */
	deadlineMs?: number;
	/** Fields the answer must carry (see responseCheck.ts). */
	required?: readonly RequiredField[];
	/** Non-idempotent calls: how to check whether the call took effect before running it again. */
	ifOutcomeUnknown?: string;
}

const HUAWEI_CREDENTIAL_TYPE = 'huaweiCloudApi';

function huaweiQuery(query: HuaweiVodCall['query']): IDataObject | undefined {
	if (query === undefined) return undefined;
	const result: IDataObject = {};
	for (const [name, value] of Object.entries(query)) {
		if (value === undefined) continue;
		result[name] = Array.isArray(value) ? [...value] : String(value);
	}
	return result;
}

export function huaweiVodOptions(endpoint: string, call: HuaweiVodCall): IHttpRequestOptions {
	const path = call.path.startsWith('/') ? call.path : `/${call.path}`;
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${endpoint.replace(/\/+$/, '')}${path}`,
		json: true,
	};
	const qs = huaweiQuery(call.query);
	if (qs !== undefined) options.qs = qs;
	if (call.body !== undefined) options.body = call.body;
	return options;
}

/** An empty body (204, or 200 with nothing) reads as `{}`; any other non-object is a broken answer. */
function emptyAsObject(response: unknown): unknown {
	return response === undefined || response === '' ? {} : response;
}

/** Calls a Huawei Cloud VOD API; the `huaweiCloudApi` credential signs it. */
export async function huaweiVodRequest<T extends object>(
	this: RequestContext,
	call: HuaweiVodCall,
): Promise<T> {
	const { endpoint, credentials } = await credentialEndpoint.call(
		this,
		HUAWEI_CREDENTIAL_TYPE,
		(credentials) => huaweiEndpoint(credentials, 'vod'),
		call.itemIndex,
	);
	const options = huaweiVodOptions(endpoint, call);
	const action = `${call.method} ${call.path}`;
	const response = await sendAuthenticated.call(this, options, {
		provider: 'huawei',
		credentialType: HUAWEI_CREDENTIAL_TYPE,
		credentials,
		service: 'huaweiVod',
		action,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
		maxRequestsPerSecond: call.maxRequestsPerSecond,
		deadlineMs: call.deadlineMs,
		// An IAM token expires (401): refresh it and re-send once. An AK/SK 401 is never re-sent.
		refreshCredentialOnStatus: credentials.authType === 'password' ? [401] : [],
		ifOutcomeUnknown: call.ifOutcomeUnknown,
	});
	const checked = checkedResponse(this.getNode(), emptyAsObject(response), {
		provider: 'huawei',
		action,
		required: call.required,
		itemIndex: call.itemIndex,
		ifOutcomeUnknown: call.ifOutcomeUnknown,
	});
	return checked as T;
}
