import { createHash, createHmac } from 'crypto';

import { authorizationFields } from './authorizationFields';
import { encodeSortedQuery, type ParamPairs } from './percentEncode';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export const ACS3_HEADER = {
	host: 'host',
	action: 'x-acs-action',
	version: 'x-acs-version',
	date: 'x-acs-date',
	nonce: 'x-acs-signature-nonce',
	contentSha256: 'x-acs-content-sha256',
	accessKeyId: 'x-acs-accesskey-id',
	securityToken: 'x-acs-security-token',
	contentType: 'content-type',
	authorization: 'authorization',
} as const;

export interface Acs3Input {
	method: string;
	/** Canonical URI: `/` for RPC APIs. */
	path: string;
	/** Decoded query parameters; the wire query must be `acs3CanonicalQuery` of them. */
	query: ParamPairs;
	/** The exact body bytes that will be sent; '' when none. */
	body: string | Buffer;
	host: string;
	action: string;
	version: string;
	/** `yyyy-MM-ddTHH:mm:ssZ`. */
	timestamp: string;
	nonce: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	/** Further headers to send, e.g. `content-type`; every header returned is signed. */
	headers?: Record<string, string>;
}

export interface Acs3Signed {
	/** Headers to send, lower-case names, `authorization` included. */
	headers: Record<string, string>;
	canonicalQuery: string;
	canonicalHeaders: string;
	signedHeaders: string;
	hashedPayload: string;
	canonicalRequest: string;
	hashedCanonicalRequest: string;
	stringToSign: string;
	signature: string;
	authorization: string;
}

export interface Acs3Authorization {
	accessKeyId: string;
	signedHeaders: string[];
	signature: string;
}

export interface Acs3CanonicalRequestParts {
	method: string;
	path: string;
	canonicalQuery: string;
	canonicalHeaders: string;
	signedHeaders: string;
	hashedPayload: string;
}

function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

/** Most calls send no body: its hash is the same every time. */
const EMPTY_PAYLOAD_SHA256 = sha256Hex('');

export function acs3HashedPayload(body: string | Buffer): string {
	return body.length === 0 ? EMPTY_PAYLOAD_SHA256 : sha256Hex(body);
}

export function acs3CanonicalQuery(query: ParamPairs): string {
	return encodeSortedQuery(query);
}

/** Every header but `authorization`, lower case, sorted: signing all of them leaves nothing unsigned. */
export function acs3SignedHeaderNames(headers: Record<string, string>): string[] {
	return Object.keys(headers)
		.map((name) => name.toLowerCase())
		.filter((name) => name !== ACS3_HEADER.authorization)
		.sort();
}

/** `name:trimmed value\n` per signed header; a signed header that is absent counts as empty. */
export function acs3CanonicalHeaders(
	headers: Record<string, string>,
	signedHeaderNames: readonly string[],
): string {
	const byLowerName = new Map<string, string>();
	for (const name of Object.keys(headers)) byLowerName.set(name.toLowerCase(), headers[name]);
	let canonical = '';
	for (const name of signedHeaderNames)
		canonical += `${name}:${(byLowerName.get(name) ?? '').trim()}\n`;
	return canonical;
}

export function acs3CanonicalRequest(parts: Acs3CanonicalRequestParts): string {
	return [
		parts.method.toUpperCase(),
		parts.path,
		parts.canonicalQuery,
		parts.canonicalHeaders,
		parts.signedHeaders,
		parts.hashedPayload,
	].join('\n');
}

export function acs3HashedCanonicalRequest(canonicalRequest: string): string {
	return sha256Hex(canonicalRequest);
}

function stringToSignOfHash(hashedCanonicalRequest: string): string {
	return `${ACS3_ALGORITHM}\n${hashedCanonicalRequest}`;
}

export function acs3StringToSign(canonicalRequest: string): string {
	return stringToSignOfHash(acs3HashedCanonicalRequest(canonicalRequest));
}

/** Lower-case hex HMAC-SHA256 keyed with the raw secret (no `&`, unlike V1). */
export function acs3Signature(stringToSign: string, accessKeySecret: string): string {
	return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}

export function acs3Authorization(
	accessKeyId: string,
	signedHeaders: string,
	signature: string,
): string {
	return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/** Reads `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`; undefined when malformed. */
export function parseAcs3Authorization(value: string): Acs3Authorization | undefined {
	const fields = authorizationFields(value, ACS3_ALGORITHM);
	if (!fields) return undefined;
	const accessKeyId = fields.get('Credential');
	const signedHeaders = fields.get('SignedHeaders');
	const signature = fields.get('Signature');
	if (!accessKeyId || !signedHeaders || !signature) return undefined;
	return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** The headers an ACS3 request carries before the Authorization header is added. */
export function acs3RequestHeaders(input: Acs3Input): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(input.headers ?? {})) {
		// Skipped rather than deleted afterwards: `delete` turns the object into a slow dictionary.
		const lowerName = name.toLowerCase();
		if (lowerName !== ACS3_HEADER.authorization) headers[lowerName] = value;
	}
	headers[ACS3_HEADER.host] = input.host;
	headers[ACS3_HEADER.action] = input.action;
	headers[ACS3_HEADER.version] = input.version;
	headers[ACS3_HEADER.date] = input.timestamp;
	headers[ACS3_HEADER.nonce] = input.nonce;
	headers[ACS3_HEADER.contentSha256] = acs3HashedPayload(input.body);
	if (input.securityToken) {
		// The official SDKs send the key id along with the token; the docs only require the token.
		headers[ACS3_HEADER.accessKeyId] = input.accessKeyId;
		headers[ACS3_HEADER.securityToken] = input.securityToken;
	}
	return headers;
}

export function signAcs3(input: Acs3Input): Acs3Signed {
	const unsignedHeaders = acs3RequestHeaders(input);
	const signedHeaderNames = acs3SignedHeaderNames(unsignedHeaders);
	const canonicalQuery = acs3CanonicalQuery(input.query);
	const canonicalHeaders = acs3CanonicalHeaders(unsignedHeaders, signedHeaderNames);
	const signedHeaders = signedHeaderNames.join(';');
	const hashedPayload = unsignedHeaders[ACS3_HEADER.contentSha256];
	const canonicalRequest = acs3CanonicalRequest({
		method: input.method,
		path: input.path,
		canonicalQuery,
		canonicalHeaders,
		signedHeaders,
		hashedPayload,
	});
	const hashedCanonicalRequest = acs3HashedCanonicalRequest(canonicalRequest);
	const stringToSign = stringToSignOfHash(hashedCanonicalRequest);
	const signature = acs3Signature(stringToSign, input.accessKeySecret);
	const authorization = acs3Authorization(input.accessKeyId, signedHeaders, signature);
	return {
		headers: { ...unsignedHeaders, [ACS3_HEADER.authorization]: authorization },
		canonicalQuery,
		canonicalHeaders,
		signedHeaders,
		hashedPayload,
		canonicalRequest,
		hashedCanonicalRequest,
		stringToSign,
		signature,
		authorization,
	};
}
