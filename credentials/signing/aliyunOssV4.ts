import { createHash, createHmac } from 'crypto';

import {
	lowerCaseHeaders,
	OSS_HEADER,
	ossHeaderValue,
	ossRequestUrl,
	type OssHeaders,
	type OssKeys,
	type OssPresignInput,
	type OssTarget,
} from './aliyunOss';
import { percentEncode, type ParamPairs } from './percentEncode';

/** OSS V4 request signing (`OSS4-HMAC-SHA256`): header and pre-signed URL. */

export const OSS_V4_ALGORITHM = 'OSS4-HMAC-SHA256';
export const OSS_UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const OSS_HEADER_PREFIX = 'x-oss-';
const TERMINATOR = 'aliyun_v4_request';

export const OSS_V4_QUERY = {
	signatureVersion: 'x-oss-signature-version',
	credential: 'x-oss-credential',
	date: 'x-oss-date',
	expires: 'x-oss-expires',
	additionalHeaders: 'x-oss-additional-headers',
	securityToken: 'x-oss-security-token',
	signature: 'x-oss-signature',
} as const;

export interface OssV4Parts {
	signRegion: string;
	scope: string;
	canonicalUri: string;
	canonicalQueryString: string;
	canonicalHeaders: string;
	additionalHeaders: string;
	hashedPayload: string;
	canonicalRequest: string;
	hashedCanonicalRequest: string;
	stringToSign: string;
	signature: string;
}

export interface OssV4Signed extends OssV4Parts {
	/** Headers to send, lower-case names, `authorization` included. */
	headers: Record<string, string>;
	url: string;
	authorization: string;
}

export interface OssV4Presigned extends OssV4Parts {
	credential: string;
	datetime: string;
	url: string;
}

/** `oss-cn-shanghai` → `cn-shanghai`: V4 scopes use the plain region id. */
export function ossSignRegion(location: string): string {
	return location.startsWith('oss-') ? location.slice('oss-'.length) : location;
}

/** `yyyymmddTHHMMSSZ` in UTC. */
export function ossV4DateTime(now: Date): string {
	return now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

export function ossV4Scope(date: string, region: string): string {
	return `${date}/${region}/oss/${TERMINATOR}`;
}

/** RFC 3986 over UTF-8 with `/` kept: the canonical URI of `/<bucket>/<key>`. */
export function ossV4CanonicalUri(bucket: string, object: string): string {
	const path = bucket === '' ? '/' : `/${bucket}/${object}`;
	return percentEncode(path).replace(/%2F/g, '/');
}

/** Every parameter, names and values RFC 3986-encoded, sorted by code point; no value → name only. */
export function ossV4CanonicalQuery(query: ParamPairs): string {
	return query
		.map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
		.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
		.map(([name, value]) => (value === '' ? name : `${name}=${value}`))
		.join('&');
}

/** Lower-case, deduplicated, sorted; content-type, content-md5 and x-oss-* are signed anyway. */
export function ossV4AdditionalHeaderNames(names: readonly string[]): string[] {
	return [...new Set(names.map((name) => name.toLowerCase()))]
		.filter(
			(name) =>
				name !== OSS_HEADER.contentType &&
				name !== OSS_HEADER.contentMd5 &&
				!name.startsWith(OSS_HEADER_PREFIX),
		)
		.sort();
}

/** content-type, content-md5, x-oss-* and the additional headers: `name:trimmed value\n`, sorted. */
export function ossV4CanonicalHeaders(
	headers: OssHeaders,
	additionalHeaders: readonly string[],
): string {
	const names = new Set(additionalHeaders);
	for (const name of Object.keys(headers)) {
		const lower = name.toLowerCase();
		if (
			lower === OSS_HEADER.contentType ||
			lower === OSS_HEADER.contentMd5 ||
			lower.startsWith(OSS_HEADER_PREFIX)
		)
			names.add(lower);
	}
	return [...names]
		.sort()
		.map((name) => `${name}:${ossHeaderValue(headers, name)}\n`)
		.join('');
}

export function ossV4SigningKey(accessKeySecret: string, date: string, region: string): Buffer {
	const dateKey = createHmac('sha256', `aliyun_v4${accessKeySecret}`).update(date).digest();
	const regionKey = createHmac('sha256', dateKey).update(region).digest();
	const productKey = createHmac('sha256', regionKey).update('oss').digest();
	return createHmac('sha256', productKey).update(TERMINATOR).digest();
}

export interface OssV4Request {
	method: string;
	bucket: string;
	object: string;
	/** Every query parameter that is signed (for a URL: the x-oss-* signing ones included). */
	query: ParamPairs;
	headers: OssHeaders;
	additionalHeaders: readonly string[];
	/** `yyyymmddTHHMMSSZ`. */
	dateTime: string;
	signRegion: string;
	accessKeySecret: string;
}

/** Every step from the request to the signature; what a signer and a verifier both run. */
export function ossV4Parts(request: OssV4Request): OssV4Parts {
	const date = request.dateTime.slice(0, 8);
	const scope = ossV4Scope(date, request.signRegion);
	const canonicalUri = ossV4CanonicalUri(request.bucket, request.object);
	const canonicalQueryString = ossV4CanonicalQuery(request.query);
	const canonicalHeaders = ossV4CanonicalHeaders(request.headers, request.additionalHeaders);
	const additionalHeaders = request.additionalHeaders.join(';');
	const hashedPayload =
		ossHeaderValue(request.headers, OSS_HEADER.contentSha256) || OSS_UNSIGNED_PAYLOAD;
	const canonicalRequest = [
		request.method.toUpperCase(),
		canonicalUri,
		canonicalQueryString,
		canonicalHeaders,
		additionalHeaders,
		hashedPayload,
	].join('\n');
	const hashedCanonicalRequest = createHash('sha256').update(canonicalRequest).digest('hex');
	const stringToSign = [OSS_V4_ALGORITHM, request.dateTime, scope, hashedCanonicalRequest].join(
		'\n',
	);
	const signingKey = ossV4SigningKey(request.accessKeySecret, date, request.signRegion);
	const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
	return {
		signRegion: request.signRegion,
		scope,
		canonicalUri,
		canonicalQueryString,
		canonicalHeaders,
		additionalHeaders,
		hashedPayload,
		canonicalRequest,
		hashedCanonicalRequest,
		stringToSign,
		signature,
	};
}

export interface OssV4HeaderInput extends OssTarget, OssKeys {
	now: Date;
	signRegion: string;
	/** Further headers to send (e.g. `content-type`). */
	headers?: Record<string, string>;
	/** Extra headers to sign besides content-type, content-md5 and x-oss-* (e.g. `host`). */
	additionalHeaders?: readonly string[];
}

/** Adds `x-oss-date`, `x-oss-content-sha256: UNSIGNED-PAYLOAD` and, for STS, the token header. */
export function signOssV4Header(input: OssV4HeaderInput): OssV4Signed {
	const headers = lowerCaseHeaders(input.headers);
	const dateTime = ossV4DateTime(input.now);
	headers[OSS_HEADER.ossDate] = dateTime;
	headers[OSS_HEADER.contentSha256] = OSS_UNSIGNED_PAYLOAD;
	if (input.securityToken) headers[OSS_HEADER.securityToken] = input.securityToken;
	const additional = ossV4AdditionalHeaderNames(input.additionalHeaders ?? []);
	const parts = ossV4Parts({
		method: input.method,
		bucket: input.bucket,
		object: input.object,
		query: input.query ?? [],
		headers,
		additionalHeaders: additional,
		dateTime,
		signRegion: input.signRegion,
		accessKeySecret: input.accessKeySecret,
	});
	const additionalField = additional.length > 0 ? `AdditionalHeaders=${additional.join(';')},` : '';
	const authorization = `${OSS_V4_ALGORITHM} Credential=${input.accessKeyId}/${parts.scope},${additionalField}Signature=${parts.signature}`;
	return {
		...parts,
		headers: { ...headers, [OSS_HEADER.authorization]: authorization },
		url: ossRequestUrl(input),
		authorization,
	};
}

export interface OssV4PresignInput extends OssPresignInput {
	signRegion: string;
	/** Headers the user of the link promises to send, signed (e.g. `host`). */
	headers?: Record<string, string>;
	additionalHeaders?: readonly string[];
}

/** The caller's query, then the x-oss-* signing parameters; `x-oss-signature` last, not signed. */
export function presignOssV4Url(input: OssV4PresignInput): OssV4Presigned {
	const datetime = ossV4DateTime(input.now);
	const credential = `${input.accessKeyId}/${ossV4Scope(datetime.slice(0, 8), input.signRegion)}`;
	const additional = ossV4AdditionalHeaderNames(input.additionalHeaders ?? []);
	const signing: Array<readonly [string, string]> = [];
	if (additional.length > 0) signing.push([OSS_V4_QUERY.additionalHeaders, additional.join(';')]);
	signing.push(
		[OSS_V4_QUERY.credential, credential],
		[OSS_V4_QUERY.date, datetime],
		[OSS_V4_QUERY.expires, String(input.expiresIn)],
		[OSS_V4_QUERY.signatureVersion, OSS_V4_ALGORITHM],
	);
	if (input.securityToken) signing.push([OSS_V4_QUERY.securityToken, input.securityToken]);
	const query = [...(input.query ?? []), ...signing];
	const parts = ossV4Parts({
		method: input.method,
		bucket: input.bucket,
		object: input.object,
		query,
		headers: lowerCaseHeaders(input.headers),
		additionalHeaders: additional,
		dateTime: datetime,
		signRegion: input.signRegion,
		accessKeySecret: input.accessKeySecret,
	});
	const url = ossRequestUrl(
		{ ...input, query },
		[[OSS_V4_QUERY.signature, parts.signature]],
		'link',
	);
	return { ...parts, credential, datetime, url };
}
