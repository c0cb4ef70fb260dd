import { createHash, createHmac } from 'crypto';

export const MNS_API_VERSION = '2015-06-06';
export const MNS_DEFAULT_CONTENT_TYPE = 'text/xml';
export const MNS_AUTHORIZATION_PREFIX = 'MNS ';

export const MNS_HEADER = {
	date: 'date',
	mnsDate: 'x-mns-date',
	version: 'x-mns-version',
	contentType: 'content-type',
	contentMd5: 'content-md5',
	authorization: 'authorization',
	/** What `@alicloud/mns` sends for STS (not signed). */
	securityToken: 'security-token',
	/** What the Android MNS SDK sends for STS (signed, being an x-mns-* header). */
	mnsSecurityToken: 'x-mns-security-token',
} as const;

const MNS_HEADER_PREFIX = 'x-mns-';

/** Header values as a Node server receives them, or as a client builds them. */
export type MnsHeaders = Record<string, string | string[] | undefined>;

export interface MnsInput {
	verb: string;
	/** Request path plus the query exactly as it is sent, e.g. `/queues/q/messages?waitseconds=10`. */
	resource: string;
	/** The exact body bytes; '' when none. */
	body: string | Buffer;
	/** RFC 1123 GMT date, see `mnsDate`. */
	date: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	/** Further headers to send; `x-mns-*` ones are signed. */
	headers?: Record<string, string>;
}

export interface MnsSigned {
	/** Headers to send, lower-case names, `authorization` included. */
	headers: Record<string, string>;
	stringToSign: string;
	signature: string;
	authorization: string;
}

export interface MnsAuthorization {
	accessKeyId: string;
	signature: string;
}

/** RFC 1123 in GMT, e.g. `Thu, 09 Jul 2015 03:01:34 GMT`. */
export function mnsDate(date: Date): string {
	return date.toUTCString();
}

/** MNS wants Base64 of the lower-case hex MD5 string, not of the raw digest. */
export function mnsContentMd5(body: string | Buffer): string {
	const hex = createHash('md5').update(body).digest('hex');
	return Buffer.from(hex, 'utf8').toString('base64');
}

function headerValue(headers: MnsHeaders, name: string): string {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		return Array.isArray(value) ? value.join(',') : (value ?? '');
	}
	return '';
}

/** Every `x-mns-*` header, lower-case names sorted, `name:value\n` each. */
export function mnsCanonicalizedHeaders(headers: MnsHeaders): string {
	return Object.keys(headers)
		.map((name) => name.toLowerCase())
		.filter((name) => name.startsWith(MNS_HEADER_PREFIX))
		.sort()
		.map((name) => `${name}:${headerValue(headers, name)}\n`)
		.join('');
}

/**
 * `VERB\nContent-MD5\nContent-Type\nDate\n` + canonicalized x-mns headers + resource. Also what a
 * receiver rebuilds from the verb, headers and request URI it got (the emulator, the push verifier).
 */
export function mnsStringToSign(verb: string, headers: MnsHeaders, resource: string): string {
	const date = headerValue(headers, MNS_HEADER.date) || headerValue(headers, MNS_HEADER.mnsDate);
	return [
		verb.toUpperCase(),
		headerValue(headers, MNS_HEADER.contentMd5),
		headerValue(headers, MNS_HEADER.contentType),
		date,
		`${mnsCanonicalizedHeaders(headers)}${resource}`,
	].join('\n');
}

/** Base64 HMAC-SHA1 keyed with the raw secret (no `&`, unlike RPC V1). */
export function mnsSignature(stringToSign: string, accessKeySecret: string): string {
	return createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64');
}

export function mnsAuthorization(accessKeyId: string, signature: string): string {
	return `${MNS_AUTHORIZATION_PREFIX}${accessKeyId}:${signature}`;
}

/** Reads `MNS <AccessKeyId>:<Signature>`; undefined when malformed. */
export function parseMnsAuthorization(value: string): MnsAuthorization | undefined {
	if (!value.startsWith(MNS_AUTHORIZATION_PREFIX)) return undefined;
	const credential = value.slice(MNS_AUTHORIZATION_PREFIX.length);
	const index = credential.lastIndexOf(':');
	if (index <= 0 || index === credential.length - 1) return undefined;
	return { accessKeyId: credential.slice(0, index), signature: credential.slice(index + 1) };
}

/** The headers an MNS request carries before Authorization: date, version, body digest, STS token. */
export function mnsRequestHeaders(input: MnsInput): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(input.headers ?? {}))
		headers[name.toLowerCase()] = value;
	delete headers[MNS_HEADER.authorization];
	headers[MNS_HEADER.date] = input.date;
	headers[MNS_HEADER.mnsDate] = input.date;
	headers[MNS_HEADER.version] = MNS_API_VERSION;
	if (input.body.length > 0) {
		headers[MNS_HEADER.contentType] ??= MNS_DEFAULT_CONTENT_TYPE;
		headers[MNS_HEADER.contentMd5] = mnsContentMd5(input.body);
	}
	if (input.securityToken) {
		// Which of the two the server reads is unconfirmed; sending both is harmless.
		headers[MNS_HEADER.securityToken] = input.securityToken;
		headers[MNS_HEADER.mnsSecurityToken] = input.securityToken;
	}
	return headers;
}

export function signMnsRequest(input: MnsInput): MnsSigned {
	const unsignedHeaders = mnsRequestHeaders(input);
	const stringToSign = mnsStringToSign(input.verb, unsignedHeaders, input.resource);
	const signature = mnsSignature(stringToSign, input.accessKeySecret);
	const authorization = mnsAuthorization(input.accessKeyId, signature);
	return {
		headers: { ...unsignedHeaders, [MNS_HEADER.authorization]: authorization },
		stringToSign,
		signature,
		authorization,
	};
}
