import { createHash, createHmac } from 'crypto';

import { percentEncode, type ParamPairs } from './percentEncode';

export const HUAWEI_SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** Header names as the Huawei SDK sends them; compared case-insensitively. */
export const HUAWEI_HEADER = {
	authorization: 'Authorization',
	host: 'host',
	sdkDate: 'X-Sdk-Date',
	securityToken: 'X-Security-Token',
	contentSha256: 'X-Sdk-Content-Sha256',
	projectId: 'X-Project-Id',
	authToken: 'X-Auth-Token',
	contentType: 'content-type',
} as const;

/** Headers the signer sets itself: a caller's copy is dropped, never signed twice. */
const SIGNER_OWNED_HEADERS: ReadonlySet<string> = new Set([
	HUAWEI_HEADER.authorization.toLowerCase(),
	HUAWEI_HEADER.host,
	HUAWEI_HEADER.sdkDate.toLowerCase(),
	HUAWEI_HEADER.securityToken.toLowerCase(),
]);

export interface HuaweiSignInput {
	method: string;
	/** Target without query string; its `host` (default port omitted) is signed. */
	url: URL;
	/** Decoded query pairs; a repeated name is a repeated pair. */
	query: ParamPairs;
	/** Caller headers, any case; every one of them is signed. */
	headers: Readonly<Record<string, string>>;
	/** Exact body bytes sent; empty for none. */
	body: string | Buffer;
	accessKeyId: string;
	secretAccessKey: string;
	/** Temporary (STS) credentials: sent as `X-Security-Token` and signed. */
	securityToken?: string;
	/** `YYYYMMDDTHHMMSSZ`, see `formatSdkDate`. */
	sdkDate: string;
}

export interface HuaweiCanonicalInput {
	method: string;
	/** URL path as sent (percent-encoded or not). */
	path: string;
	query: ParamPairs;
	/** Lower-case names of exactly the headers to sign, with their values. */
	headers: Readonly<Record<string, string>>;
	payloadHash: string;
}

export interface HuaweiSigned {
	canonicalRequest: string;
	stringToSign: string;
	signature: string;
	authorization: string;
	signedHeaders: string;
	payloadHash: string;
	canonicalQuery: string;
	/** Caller headers plus `X-Security-Token`, `X-Sdk-Date`, `host` and `Authorization`: send exactly these. */
	headers: Record<string, string>;
	/** Target with the canonical query string, the bytes the gateway re-canonicalises to the same thing. */
	url: string;
}

export interface HuaweiAuthorization {
	algorithm: string;
	accessKeyId: string;
	signedHeaders: string[];
	signature: string;
}

function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/** UTC `YYYYMMDDTHHMMSSZ` (ISO 8601 basic), the `X-Sdk-Date` format. */
export function formatSdkDate(date: Date): string {
	return (
		`${date.getUTCFullYear()}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}` +
		`T${twoDigits(date.getUTCHours())}${twoDigits(date.getUTCMinutes())}${twoDigits(date.getUTCSeconds())}Z`
	);
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		// A lone `%` is literal text, which the encoding below turns into `%25`.
		return segment;
	}
}

/** Each segment decoded then RFC 3986 encoded; always ends with `/` (signing only, not the wire path). */
export function huaweiCanonicalUri(path: string): string {
	const encoded = path
		.split('/')
		.map((segment) => percentEncode(decodeSegment(segment)))
		.join('/');
	const absolute = encoded.startsWith('/') ? encoded : `/${encoded}`;
	return absolute.endsWith('/') ? absolute : `${absolute}/`;
}

function compareCodeUnits(left: string, right: string): number {
	if (left < right) return -1;
	return left > right ? 1 : 0;
}

/** Sorted by raw name, then raw value for repeated names; `name=value` with both RFC 3986 encoded. */
export function huaweiCanonicalQuery(query: ParamPairs): string {
	return [...query]
		.sort(
			(left, right) => compareCodeUnits(left[0], right[0]) || compareCodeUnits(left[1], right[1]),
		)
		.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
		.join('&');
}

function sortedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
	return Object.keys(headers)
		.map((name) => name.toLowerCase())
		.sort(compareCodeUnits);
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
	return result;
}

/** One `name:trimmed value\n` line per header, sorted by lower-case name. */
export function huaweiCanonicalHeaders(headers: Readonly<Record<string, string>>): string {
	const lower = lowerCaseKeys(headers);
	return sortedHeaderNames(lower)
		.map((name) => `${name}:${lower[name].trim()}\n`)
		.join('');
}

export function huaweiSignedHeaders(headers: Readonly<Record<string, string>>): string {
	return sortedHeaderNames(headers).join(';');
}

/** Hex SHA-256 of the body, or the literal of an `X-Sdk-Content-Sha256` header when present. */
export function huaweiPayloadHash(
	body: string | Buffer,
	headers: Readonly<Record<string, string>>,
): string {
	const declared = lowerCaseKeys(headers)[HUAWEI_HEADER.contentSha256.toLowerCase()];
	if (declared !== undefined) return declared;
	return createHash('sha256').update(body).digest('hex');
}

export function huaweiCanonicalRequest(input: HuaweiCanonicalInput): string {
	return [
		input.method.toUpperCase(),
		huaweiCanonicalUri(input.path),
		huaweiCanonicalQuery(input.query),
		huaweiCanonicalHeaders(input.headers),
		huaweiSignedHeaders(input.headers),
		input.payloadHash,
	].join('\n');
}

export function huaweiStringToSign(sdkDate: string, canonicalRequest: string): string {
	const hash = createHash('sha256').update(canonicalRequest, 'utf8').digest('hex');
	return `${HUAWEI_SIGNING_ALGORITHM}\n${sdkDate}\n${hash}`;
}

/** Lower-case hex HMAC-SHA256 keyed with the secret key's UTF-8 bytes. */
export function huaweiSignature(stringToSign: string, secretAccessKey: string): string {
	return createHmac('sha256', secretAccessKey).update(stringToSign, 'utf8').digest('hex');
}

export function huaweiAuthorization(
	accessKeyId: string,
	signedHeaders: string,
	signature: string,
): string {
	return `${HUAWEI_SIGNING_ALGORITHM} Access=${accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

const AUTHORIZATION_PATTERN =
	/^(\S+) Access=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([0-9a-fA-F]+)$/;

/** Splits a received `Authorization` header (verify side); `undefined` when it is not this scheme's shape. */
export function parseHuaweiAuthorization(header: string): HuaweiAuthorization | undefined {
	const match = AUTHORIZATION_PATTERN.exec(header.trim());
	if (!match) return undefined;
	return {
		algorithm: match[1],
		accessKeyId: match[2],
		signedHeaders: match[3].split(';'),
		signature: match[4].toLowerCase(),
	};
}

/** Caller headers without the signer-owned ones, plus the token, date and host, in the SDK's casing. */
export function huaweiHeadersToSign(input: HuaweiSignInput): Record<string, string> {
	const headers: Record<string, string> = {};
	if (input.securityToken) headers[HUAWEI_HEADER.securityToken] = input.securityToken;
	for (const [name, value] of Object.entries(input.headers)) {
		if (!SIGNER_OWNED_HEADERS.has(name.toLowerCase())) headers[name] = value;
	}
	headers[HUAWEI_HEADER.sdkDate] = input.sdkDate;
	headers[HUAWEI_HEADER.host] = input.url.host;
	return headers;
}

function urlWithQuery(url: URL, canonicalQuery: string): string {
	const base = `${url.origin}${url.pathname}`;
	return canonicalQuery === '' ? base : `${base}?${canonicalQuery}`;
}

export function signHuaweiRequest(input: HuaweiSignInput): HuaweiSigned {
	const headers = huaweiHeadersToSign(input);
	const payloadHash = huaweiPayloadHash(input.body, headers);
	const canonicalRequest = huaweiCanonicalRequest({
		method: input.method,
		path: input.url.pathname,
		query: input.query,
		headers,
		payloadHash,
	});
	const stringToSign = huaweiStringToSign(input.sdkDate, canonicalRequest);
	const signature = huaweiSignature(stringToSign, input.secretAccessKey);
	const signedHeaders = huaweiSignedHeaders(headers);
	const authorization = huaweiAuthorization(input.accessKeyId, signedHeaders, signature);
	const canonicalQuery = huaweiCanonicalQuery(input.query);
	return {
		canonicalRequest,
		stringToSign,
		signature,
		authorization,
		signedHeaders,
		payloadHash,
		canonicalQuery,
		headers: { ...headers, [HUAWEI_HEADER.authorization]: authorization },
		url: urlWithQuery(input.url, canonicalQuery),
	};
}
