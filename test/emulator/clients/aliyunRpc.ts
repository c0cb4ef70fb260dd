/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test helper polls with real timers */
import RPCClient from '@alicloud/pop-core';
import { request } from 'undici';

import { flatHeaders } from '../../support/httpMessage';
import { aliyunAccessKey } from '../accounts';
import { MPS_VERSION } from '../aliyun/mps/mpsService';
import { VOD_VERSION } from '../aliyun/vod/vodService';
import type { RecordedRequest } from '../core/requestLog';
import type { Emulator } from '../server';

export { MPS_VERSION, VOD_VERSION };

export interface AliyunTestKey {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
}

/** The official V1 SDK pointed at the emulator. */
export function popClient(
	emulator: Emulator,
	version = VOD_VERSION,
	key: AliyunTestKey = aliyunAccessKey,
): RPCClient {
	return new RPCClient({ ...key, endpoint: emulator.url, apiVersion: version });
}

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	text: string;
	json(): unknown;
}

export interface Resend {
	method?: string;
	rawUrl?: string;
	headers?: Record<string, string | undefined>;
	body?: string;
}

const HOP_HEADERS = new Set(['content-length', 'connection', 'transfer-encoding', 'keep-alive']);

/** Sends a recorded request again, byte for byte unless changed: how tests tamper with SDK requests. */
export async function resend(
	emulator: Emulator,
	recorded: RecordedRequest,
	change: Resend = {},
): Promise<RawResponse> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries({ ...recorded.headers, ...change.headers })) {
		if (value !== undefined && !HOP_HEADERS.has(name)) headers[name] = value;
	}
	return await send(
		emulator,
		change.method ?? recorded.method,
		change.rawUrl ?? recorded.rawUrl,
		headers,
		change.body ?? recorded.body,
	);
}

export async function send(
	emulator: Emulator,
	method: string,
	rawUrl: string,
	headers: Record<string, string> = {},
	body?: string | Buffer,
): Promise<RawResponse> {
	const response = await request(`${emulator.url}${rawUrl}`, {
		method,
		headers,
		body: method === 'GET' || method === 'HEAD' ? undefined : body,
	});
	const text = await response.body.text();
	return {
		status: response.statusCode,
		headers: flatHeaders(response.headers),
		text,
		json: () => JSON.parse(text),
	};
}

/** The last request the emulator recorded for an action. */
export function lastRequest(emulator: Emulator, action: string): RecordedRequest {
	const found = emulator
		.requests()
		.filter((entry) => entry.action === action)
		.at(-1);
	if (!found) throw new Error(`no recorded ${action} request`);
	return found;
}

/** Polls until `check` returns a value other than undefined. */
export async function waitFor<T>(
	check: () => T | undefined,
	timeoutMs = 5000,
	label = 'condition',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export const delay = async (ms: number): Promise<void> =>
	await new Promise((resolve) => setTimeout(resolve, ms));

/** Replaces one `name=value` pair of a query or form string. */
export function replaceParam(encoded: string, name: string, value: string): string {
	const pairs = encoded
		.split('&')
		.map((pair) => (pair.split('=')[0] === name ? `${name}=${encodeURIComponent(value)}` : pair));
	if (pairs.join('&') === encoded) throw new Error(`parameter ${name} not found in ${encoded}`);
	return pairs.join('&');
}

/** Action parameters; undefined ones are left out (handy with it.each tables). */
export type Params = Readonly<Record<string, string | number | undefined>>;

function defined(params: Params): Record<string, string | number> {
	const result: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(params)) if (value !== undefined) result[name] = value;
	return result;
}

/** Calls a VOD (or MPS) action with the official V1 SDK over POST; resolves with the JSON body. */
export async function callRpc<T = Record<string, unknown>>(
	emulator: Emulator,
	action: string,
	params: Params,
	options: { version?: string; key?: AliyunTestKey; method?: 'GET' | 'POST' } = {},
): Promise<T> {
	const client = popClient(
		emulator,
		options.version ?? VOD_VERSION,
		options.key ?? aliyunAccessKey,
	);
	return await client.request<T>(action, defined(params), { method: options.method ?? 'POST' });
}

export interface RpcFailure {
	status: number;
	Code: string;
	Message: string;
}

/** Calls an action that must fail; resolves with the HTTP status and the error body. */
export async function rpcFailure(
	emulator: Emulator,
	action: string,
	params: Params,
	options: { version?: string; key?: AliyunTestKey } = {},
): Promise<RpcFailure> {
	const error: unknown = await callRpc(emulator, action, params, options).then(
		() => new Error(`${action} unexpectedly succeeded`),
		(caught: unknown) => caught,
	);
	const data =
		typeof error === 'object' && error !== null && 'data' in error ? error.data : undefined;
	if (typeof data !== 'object' || data === null || !('Code' in data) || !('Message' in data))
		throw error;
	const status = emulator.requests().at(-1)?.outcome.status ?? 0;
	return { status, Code: String(data.Code), Message: String(data.Message) };
}
