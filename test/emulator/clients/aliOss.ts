/* eslint-disable @n8n/community-nodes/no-restricted-imports -- loads the official OSS SDK, which ships no types */
import { createRequire } from 'node:module';

/**
 * The official OSS SDK `ali-oss` (6.23.0, no type declarations): the subset the tests call,
 * typed here. Path style (`sldEnable`) so a loopback endpoint keeps the bucket in the path, or the
 * bucket's own host with `throughProxy`.
 */
export interface AliOssOptions {
	accessKeyId: string;
	accessKeySecret: string;
	stsToken?: string;
	bucket: string;
	region: string;
	endpoint?: string;
	sldEnable?: boolean;
	cname?: boolean;
	secure?: boolean;
	authorizationV4?: boolean;
	/** The SDK's HTTP client (a documented option); see `throughProxy`. */
	urllib?: AliOssHttpClient;
	timeout?: number;
	retryMax?: number;
}

export interface AliOssResponse {
	status: number;
	headers: Record<string, string>;
}

export interface AliOssGetResult {
	content: Buffer;
	res: AliOssResponse;
}

export interface AliOssListResult {
	objects?: Array<{ name: string; size: number }>;
	prefixes?: string[] | null;
	isTruncated: boolean;
	nextContinuationToken?: string;
	keyCount: number;
	res: AliOssResponse;
}

export interface AliOssError extends Error {
	code?: string;
	status?: number;
	requestId?: string;
}

export interface AliOssClient {
	get(name: string, file?: null, options?: { process?: string }): Promise<AliOssGetResult>;
	head(name: string): Promise<{ status: number; res: AliOssResponse }>;
	listV2(
		query: Record<string, string | number>,
		options?: Record<string, unknown>,
	): Promise<AliOssListResult>;
	signatureUrl(
		name: string,
		options?: { expires?: number; method?: string; process?: string },
	): string;
	signatureUrlV4(
		method: string,
		expires: number,
		request?: { headers?: Record<string, string>; queries?: Record<string, string> },
		objectName?: string,
		additionalHeaders?: string[],
	): Promise<string>;
}

export interface AliOssHttpClient {
	request(url: string, params: Record<string, unknown>): Promise<unknown>;
}

/** What urllib's `beforeRequest` hook may change before the request leaves. */
interface OutgoingOptions {
	host: string;
	hostname?: string;
	port: number | string;
	path: string;
}

type AliOssConstructor = new (options: AliOssOptions) => AliOssClient;

const requireFromHere = createRequire(import.meta.url);

/** The error an SDK call ends with; a call that succeeds fails the test. */
export async function aliOssFailure(promise: Promise<unknown>): Promise<AliOssError> {
	try {
		await promise;
	} catch (error) {
		return error as AliOssError;
	}
	throw new Error('expected the SDK call to fail');
}

export function aliOssClient(options: AliOssOptions): AliOssClient {
	const OSS = requireFromHere('ali-oss') as AliOssConstructor;
	return new OSS({ retryMax: 0, timeout: 10_000, ...options });
}

/**
 * ali-oss's own HTTP client (urllib, resolved next to ali-oss) with every request sent to
 * `127.0.0.1:<port>` the way an HTTP proxy receives it: the full bucket-host URL on the request line,
 * the bucket host in the Host header. No DNS entry is needed for `<bucket>.oss-<region>.aliyuncs.com`.
 */
export function throughProxy(port: number): AliOssHttpClient {
	const urllib = createRequire(requireFromHere.resolve('ali-oss'))('urllib') as AliOssHttpClient;
	return {
		request: async (url, params) =>
			await urllib.request(url, {
				...params,
				beforeRequest: (options: OutgoingOptions) => {
					options.path = url;
					options.host = '127.0.0.1';
					options.hostname = '127.0.0.1';
					options.port = port;
				},
			}),
	};
}
