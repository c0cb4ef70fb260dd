import { createHmac } from 'crypto';

import type { ParamPairs } from './percentEncode';

/**
 * OSS request signing, V1 (`OSS <id>:<sig>`, HMAC-SHA1) and the parts V1 and V4 share: the
 * request target, its wire URL, header lookup. V4 (`OSS4-HMAC-SHA256`) is in `aliyunOssV4.ts`.
 */

export const OSS_V1_AUTHORIZATION_PREFIX = 'OSS ';

export const OSS_HEADER = {
	date: 'date',
	ossDate: 'x-oss-date',
	contentType: 'content-type',
	contentMd5: 'content-md5',
	contentSha256: 'x-oss-content-sha256',
	securityToken: 'x-oss-security-token',
	authorization: 'authorization',
} as const;

const OSS_HEADER_PREFIX = 'x-oss-';

/**
 * Query parameters V1 signs (the documented list plus what the official SDKs sign, e.g.
 * `continuation-token`, `versionId`); any other parameter is sent but not signed.
 */
export const OSS_V1_SUB_RESOURCES: ReadonlySet<string> = new Set([
	'acl',
	'uploads',
	'location',
	'cors',
	'logging',
	'website',
	'referer',
	'lifecycle',
	'delete',
	'append',
	'tagging',
	'objectMeta',
	'uploadId',
	'partNumber',
	'security-token',
	'position',
	'img',
	'style',
	'styleName',
	'replication',
	'replicationProgress',
	'replicationLocation',
	'cname',
	'bucketInfo',
	'comp',
	'qos',
	'live',
	'status',
	'vod',
	'startTime',
	'endTime',
	'symlink',
	'x-oss-process',
	'response-content-type',
	'response-content-language',
	'response-expires',
	'response-cache-control',
	'response-content-disposition',
	'response-content-encoding',
	'versionId',
	'versions',
	'x-oss-traffic-limit',
	'callback',
	'callback-var',
	'continuation-token',
	'policy',
	'stat',
	'encryption',
	'requestPayment',
	'x-oss-request-payer',
	'inventory',
	'worm',
]);

/** Header values as a Node server receives them, or as a client builds them. */
export type OssHeaders = Record<string, string | string[] | undefined>;

export interface OssKeys {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
}

/** What a request addresses: the signed resource is `/<bucket>/<object>` whatever the host. */
export interface OssTarget {
	method: string;
	/** `https://<bucket>.oss-<region>.aliyuncs.com`, or any origin (an override, a custom domain). */
	origin: string;
	bucket: string;
	/** The raw object key; '' for a bucket-level request (ListObjectsV2). */
	object: string;
	/** Raw (decoded) parameters in wire order, signature parameters excluded. */
	query?: ParamPairs;
	/** True when the bucket is the first path segment instead of a part of the host. */
	pathStyle?: boolean;
}

export interface OssV1Signed {
	/** Headers to send, lower-case names, `authorization` included. */
	headers: Record<string, string>;
	url: string;
	canonicalizedOSSHeaders: string;
	canonicalizedResource: string;
	stringToSign: string;
	signature: string;
	authorization: string;
}

export interface OssV1Presigned {
	/** Absolute Unix time in seconds, as signed. */
	expires: string;
	canonicalizedResource: string;
	stringToSign: string;
	signature: string;
	url: string;
}

/** Wire path of a key: `encodeURIComponent` with `/` kept, as the official SDK sends it. */
export function ossEncodeKey(object: string): string {
	return encodeURIComponent(object).replace(/%2F/g, '/');
}

/** Wire query in the order given; values percent-encoded, a parameter without value as its name. */
export function ossWireQuery(query: ParamPairs): string {
	return query
		.map(([name, value]) =>
			value === ''
				? encodeURIComponent(name)
				: `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
		)
		.join('&');
}

/**
 * The request URL: origin, `/<bucket>` when path style, the encoded key, the query in order. A
 * pre-signed link also escapes `'` in the path, as the SDK's links do (both forms reach the same key).
 */
export function ossRequestUrl(
	target: OssTarget,
	extraQuery: ParamPairs = [],
	shape: 'request' | 'link' = 'request',
): string {
	const bucketPath = target.pathStyle ? `/${target.bucket}` : '';
	const key = ossEncodeKey(target.object);
	const path = shape === 'link' ? key.replace(/'/g, '%27') : key;
	const query = ossWireQuery([...(target.query ?? []), ...extraQuery]);
	return `${target.origin}${bucketPath}/${path}${query === '' ? '' : `?${query}`}`;
}

/** The value of a header by case-insensitive name; '' when absent. */
export function ossHeaderValue(headers: OssHeaders, name: string): string {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		return Array.isArray(value) ? value.join(',') : (value ?? '').trim();
	}
	return '';
}

/** Caller headers with lower-case names; an `authorization` given is dropped. */
export function lowerCaseHeaders(
	headers: Record<string, string> | undefined,
): Record<string, string> {
	const lower: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		const lowerName = name.toLowerCase();
		if (lowerName !== OSS_HEADER.authorization) lower[lowerName] = value;
	}
	return lower;
}

function byName(left: readonly [string, string], right: readonly [string, string]): number {
	if (left[0] < right[0]) return -1;
	return left[0] > right[0] ? 1 : 0;
}

/** Every `x-oss-*` header, lower-case names sorted, `name:value\n` each. */
export function ossV1CanonicalizedHeaders(headers: OssHeaders): string {
	return [...new Set(Object.keys(headers).map((name) => name.toLowerCase()))]
		.filter((name) => name.startsWith(OSS_HEADER_PREFIX))
		.sort()
		.map((name) => `${name}:${ossHeaderValue(headers, name)}\n`)
		.join('');
}

/** `/<bucket>/<raw key>` plus the sub-resources among `query`, sorted, raw values. */
export function ossV1CanonicalizedResource(
	bucket: string,
	object: string,
	query: ParamPairs,
): string {
	const path = bucket === '' ? '/' : `/${bucket}/${object}`;
	const signed = query
		.filter(([name]) => OSS_V1_SUB_RESOURCES.has(name))
		.sort(byName)
		.map(([name, value]) => (value === '' ? name : `${name}=${value}`));
	return signed.length === 0 ? path : `${path}?${signed.join('&')}`;
}

/**
 * `VERB\nContent-MD5\nContent-Type\n<date>\n` + x-oss headers + resource. `date` is the header date
 * (x-oss-date wins over Date) or, for a pre-signed URL, the Expires time.
 */
export function ossV1StringToSign(
	method: string,
	headers: OssHeaders,
	date: string,
	canonicalizedResource: string,
): string {
	return [
		method.toUpperCase(),
		ossHeaderValue(headers, OSS_HEADER.contentMd5),
		ossHeaderValue(headers, OSS_HEADER.contentType),
		date,
		`${ossV1CanonicalizedHeaders(headers)}${canonicalizedResource}`,
	].join('\n');
}

/** Base64 HMAC-SHA1 keyed with the raw secret. */
export function ossV1Signature(stringToSign: string, accessKeySecret: string): string {
	return createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64');
}

export interface OssV1HeaderInput extends OssTarget, OssKeys {
	now: Date;
	/** Further headers to send (e.g. `content-type`); `x-oss-*` ones are signed. */
	headers?: Record<string, string>;
}

/** Signs with `x-oss-date` (which fills the Date line) and, for STS, `x-oss-security-token`. */
export function signOssV1Header(input: OssV1HeaderInput): OssV1Signed {
	const headers = lowerCaseHeaders(input.headers);
	headers[OSS_HEADER.ossDate] = input.now.toUTCString();
	if (input.securityToken) headers[OSS_HEADER.securityToken] = input.securityToken;
	const query = input.query ?? [];
	const canonicalizedResource = ossV1CanonicalizedResource(input.bucket, input.object, query);
	const stringToSign = ossV1StringToSign(
		input.method,
		headers,
		headers[OSS_HEADER.ossDate],
		canonicalizedResource,
	);
	const signature = ossV1Signature(stringToSign, input.accessKeySecret);
	const authorization = `${OSS_V1_AUTHORIZATION_PREFIX}${input.accessKeyId}:${signature}`;
	return {
		headers: { ...headers, [OSS_HEADER.authorization]: authorization },
		url: ossRequestUrl(input),
		canonicalizedOSSHeaders: ossV1CanonicalizedHeaders(headers),
		canonicalizedResource,
		stringToSign,
		signature,
		authorization,
	};
}

export interface OssPresignInput extends OssTarget, OssKeys {
	now: Date;
	/** Seconds the link stays valid. */
	expiresIn: number;
}

/**
 * `?OSSAccessKeyId&Expires&Signature`, then the caller's query and, for STS, `security-token`
 * (a signed sub-resource). Only headers a plain browser GET sends are assumed: none.
 */
export function presignOssV1Url(input: OssPresignInput): OssV1Presigned {
	const expires = String(Math.round(input.now.getTime() / 1000) + input.expiresIn);
	const query: ParamPairs = [
		...(input.query ?? []),
		...(input.securityToken ? [['security-token', input.securityToken] as const] : []),
	];
	const canonicalizedResource = ossV1CanonicalizedResource(input.bucket, input.object, query);
	const stringToSign = ossV1StringToSign(input.method, {}, expires, canonicalizedResource);
	const signature = ossV1Signature(stringToSign, input.accessKeySecret);
	const url = ossRequestUrl(
		{ ...input, query: [] },
		[
			['OSSAccessKeyId', input.accessKeyId],
			['Expires', expires],
			['Signature', signature],
			...query,
		],
		'link',
	);
	return { expires, canonicalizedResource, stringToSign, signature, url };
}
