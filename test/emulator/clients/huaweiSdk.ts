/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient';
import type { HttpClient } from '@huaweicloud/huaweicloud-sdk-core/http/HttpClient';
import type { IHttpRequest } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequest';
import { stringify } from 'node:querystring';
import { request } from 'undici';

import { flatHeaders } from '../../support/httpMessage';
import { huaweiAccessKey, huaweiProjectId } from '../accounts';

/**
 * Test client: requests signed by the OFFICIAL Huawei SDK
 * (`BasicCredentials.processAuthRequest` → `AKSKSigner.sign`, huawei.md 7) and sent with undici,
 * so the emulator is checked against the SDK rather than against the project's own signer.
 */
export interface SdkKey {
	accessKeyId: string;
	secretAccessKey: string;
	securityToken?: string;
}

export interface SdkCall {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** May contain `{project_id}`, which the SDK substitutes. */
	path: string;
	query?: Record<string, string | string[]>;
	/** JSON body; the SDK hashes `JSON.stringify(body)` and that is what is sent. */
	body?: Record<string, unknown>;
	key?: SdkKey;
	projectId?: string;
	/** Default application/json; any other type makes the SDK sign UNSIGNED-PAYLOAD. */
	contentType?: string;
}

export interface WireRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: string;
}

export interface WireResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	json: T;
}

/** The SDK never sends through this client; processAuthRequest only needs an HcClient to exist. */
const unusedHttpClient: HttpClient = {
	sendRequest: async () => await Promise.reject(new Error('the emulator tests send with undici')),
};

export async function sdkSign(baseUrl: string, call: SdkCall): Promise<WireRequest> {
	const key: SdkKey = call.key ?? huaweiAccessKey;
	const credentials = new BasicCredentials()
		.withAk(key.accessKeyId)
		.withSk(key.secretAccessKey)
		.withProjectId(call.projectId ?? huaweiProjectId);
	if (key.securityToken) credentials.withSecurityToken(key.securityToken);
	const httpRequest: IHttpRequest = {
		endpoint: baseUrl,
		url: call.path,
		method: call.method,
		queryParams: call.query ?? {},
		headers: { 'Content-Type': call.contentType ?? 'application/json' },
		data: call.body,
	};
	const signed = await credentials.processAuthRequest(new HcClient(unusedHttpClient), httpRequest);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(signed.headers as Record<string, string>)) {
		headers[name] = String(value);
	}
	const query = stringify(call.query ?? {});
	return {
		method: call.method,
		url: `${baseUrl}${signed.url ?? call.path}${query ? `?${query}` : ''}`,
		headers,
		body: call.body === undefined ? undefined : JSON.stringify(call.body),
	};
}

export async function send<T = unknown>(wire: WireRequest): Promise<WireResponse<T>> {
	const response = await request(wire.url, {
		method: wire.method,
		headers: wire.headers,
		body: wire.body,
	});
	const text = await response.body.text();
	return {
		status: response.statusCode,
		headers: flatHeaders(response.headers),
		json: (text ? JSON.parse(text) : undefined) as T,
	};
}

export async function sdkSend<T = unknown>(
	baseUrl: string,
	call: SdkCall,
): Promise<WireResponse<T>> {
	return await send<T>(await sdkSign(baseUrl, call));
}
