/* eslint-disable @n8n/community-nodes/no-restricted-imports -- loads the official OSS SDK, which ships no types */
import { createRequire } from 'node:module';

/**
 * The official OSS SDK `ali-oss` (6.23.0, no type declarations): the subset the tests call,
 * typed here. Path style (`sldEnable`) so a loopback endpoint keeps the bucket in the path.
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

type AliOssConstructor = new (options: AliOssOptions) => AliOssClient;

const requireFromHere = createRequire(import.meta.url);

export function aliOssClient(options: AliOssOptions): AliOssClient {
	const OSS = requireFromHere('ali-oss') as AliOssConstructor;
	return new OSS({ retryMax: 0, timeout: 10_000, ...options });
}
