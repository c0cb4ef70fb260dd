import { timingSafeEqual } from 'node:crypto';

import {
	OSS_HEADER,
	ossV1CanonicalizedResource,
	ossV1Signature,
	ossV1StringToSign,
} from '../../../../credentials/signing/aliyunOss';
import {
	OSS_V4_ALGORITHM,
	OSS_V4_QUERY,
	ossSignRegion,
	ossV4Parts,
} from '../../../../credentials/signing/aliyunOssV4';
import {
	ossV1HeaderDate,
	parseOssV1Authorization,
	parseOssV4Authorization,
} from '../../../support/ossAuthorization';
import { CLOCK_TOLERANCE_MS } from '../gateway/rpcAuth';
import { findAliyunKey, type AliyunKey } from '../gateway/keys';

/** An OSS error, rendered as the XML `<Error>` body (extra elements such as StringToSign). */
export class OssError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: Record<string, string> = {},
	) {
		super(message);
	}
}

/** What the verifier needs of a request: the bucket and key it addresses, query as received. */
export interface OssSignedRequest {
	method: string;
	headers: Record<string, string>;
	bucket: string;
	/** `oss-<region>` of the bucket. */
	location: string;
	object: string;
	/** Decoded parameters in wire order. */
	query: Array<[string, string]>;
	receivedAt: number;
}

function sameText(left: string, right: string): boolean {
	const a = Buffer.from(left, 'utf8');
	const b = Buffer.from(right, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

function param(request: OssSignedRequest, name: string): string | undefined {
	return request.query.find(([key]) => key === name)?.[1];
}

function knownKey(accessKeyId: string): AliyunKey {
	const key = findAliyunKey(accessKeyId);
	if (!key)
		throw new OssError(
			403,
			'InvalidAccessKeyId',
			'The OSS Access Key Id you provided does not exist in our records.',
		);
	return key;
}

function checkToken(key: AliyunKey, token: string | undefined): void {
	if (key.securityToken === undefined) return;
	if (token === undefined || !sameText(token, key.securityToken))
		throw new OssError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.');
}

function checkSkew(signedAt: number, now: number): void {
	if (Number.isNaN(signedAt))
		throw new OssError(403, 'AccessDenied', 'Invalid date format of the request.');
	if (Math.abs(signedAt - now) > CLOCK_TOLERANCE_MS)
		throw new OssError(
			403,
			'RequestTimeTooSkewed',
			'The difference between the request time and the current time is too large.',
		);
}

function mismatch(signature: string, expected: string, echo: Record<string, string>): void {
	if (!sameText(signature, expected))
		throw new OssError(
			403,
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
			echo,
		);
}

function v1Resource(request: OssSignedRequest): string {
	return ossV1CanonicalizedResource(request.bucket, request.object, request.query);
}

function verifyV1Header(request: OssSignedRequest, authorization: string): AliyunKey {
	const parsed = parseOssV1Authorization(authorization);
	if (!parsed) throw new OssError(400, 'InvalidArgument', 'Authorization header is invalid.');
	const key = knownKey(parsed.accessKeyId);
	const date = ossV1HeaderDate(request.headers);
	if (date === '') throw new OssError(403, 'AccessDenied', 'Date header not found.');
	checkSkew(Date.parse(date), request.receivedAt);
	checkToken(key, request.headers[OSS_HEADER.securityToken]);
	const stringToSign = ossV1StringToSign(
		request.method,
		request.headers,
		date,
		v1Resource(request),
	);
	mismatch(parsed.signature, ossV1Signature(stringToSign, key.accessKeySecret), {
		StringToSign: stringToSign,
		OSSAccessKeyId: parsed.accessKeyId,
	});
	return key;
}

function verifyV1Url(request: OssSignedRequest, accessKeyId: string): AliyunKey {
	const expires = param(request, 'Expires');
	const signature = param(request, 'Signature');
	if (expires === undefined || signature === undefined)
		throw new OssError(403, 'AccessDenied', 'Signature, Expires and OSSAccessKeyId are required.');
	const key = knownKey(accessKeyId);
	if (Number(expires) * 1000 < request.receivedAt)
		throw new OssError(403, 'AccessDenied', 'Request has expired.');
	checkToken(key, param(request, 'security-token'));
	const stringToSign = ossV1StringToSign(
		request.method,
		request.headers,
		expires,
		v1Resource(request),
	);
	mismatch(signature, ossV1Signature(stringToSign, key.accessKeySecret), {
		StringToSign: stringToSign,
		OSSAccessKeyId: accessKeyId,
	});
	return key;
}

function v4Signature(
	request: OssSignedRequest,
	query: Array<[string, string]>,
	dateTime: string,
	additionalHeaders: string[],
	key: AliyunKey,
) {
	return ossV4Parts({
		method: request.method,
		bucket: request.bucket,
		object: request.object,
		query,
		headers: request.headers,
		additionalHeaders,
		dateTime,
		signRegion: ossSignRegion(request.location),
		accessKeySecret: key.accessKeySecret,
	});
}

function v4DateMs(dateTime: string): number {
	const found = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(dateTime);
	if (!found) return Number.NaN;
	const [, y, mo, d, h, mi, s] = found;
	return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

function verifyV4Header(request: OssSignedRequest, authorization: string): AliyunKey {
	const parsed = parseOssV4Authorization(authorization);
	if (!parsed) throw new OssError(400, 'InvalidArgument', 'Authorization header is invalid.');
	const key = knownKey(parsed.accessKeyId);
	const dateTime = request.headers[OSS_HEADER.ossDate] ?? '';
	checkSkew(v4DateMs(dateTime), request.receivedAt);
	checkToken(key, request.headers[OSS_HEADER.securityToken]);
	const parts = v4Signature(request, request.query, dateTime, parsed.additionalHeaders, key);
	mismatch(parsed.signature, parts.signature, {
		CanonicalRequest: parts.canonicalRequest,
		StringToSign: parts.stringToSign,
	});
	return key;
}

function verifyV4Url(request: OssSignedRequest): AliyunKey {
	const credential = (param(request, OSS_V4_QUERY.credential) ?? '').split('/');
	const dateTime = param(request, OSS_V4_QUERY.date) ?? '';
	const expires = Number(param(request, OSS_V4_QUERY.expires));
	const signature = param(request, OSS_V4_QUERY.signature);
	if (credential.length !== 5 || signature === undefined || !(expires > 0))
		throw new OssError(
			403,
			'AccessDenied',
			'x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature are required.',
		);
	const key = knownKey(credential[0]);
	const signedAt = v4DateMs(dateTime);
	if (Number.isNaN(signedAt)) throw new OssError(403, 'AccessDenied', 'Invalid x-oss-date.');
	if (signedAt + expires * 1000 < request.receivedAt)
		throw new OssError(403, 'AccessDenied', 'Request has expired.');
	checkToken(key, param(request, OSS_V4_QUERY.securityToken));
	const additional = param(request, OSS_V4_QUERY.additionalHeaders);
	const query = request.query.filter(([name]) => name !== OSS_V4_QUERY.signature);
	const parts = v4Signature(request, query, dateTime, additional ? additional.split(';') : [], key);
	mismatch(signature, parts.signature, {
		CanonicalRequest: parts.canonicalRequest,
		StringToSign: parts.stringToSign,
	});
	return key;
}

/**
 * Verifies the four OSS forms: V1 and V4 in the Authorization header, V1 and V4 pre-signed URLs.
 * An unsigned request is refused: the emulated buckets are private.
 */
export function verifyOssRequest(request: OssSignedRequest): AliyunKey {
	const authorization = request.headers[OSS_HEADER.authorization];
	const presignedV1 = param(request, 'OSSAccessKeyId');
	const presignedV4 = param(request, OSS_V4_QUERY.signatureVersion);
	if (authorization !== undefined && (presignedV1 !== undefined || presignedV4 !== undefined))
		throw new OssError(
			400,
			'InvalidArgument',
			'Signature must not be in both the URL and the Authorization header.',
		);
	if (authorization?.startsWith(`${OSS_V4_ALGORITHM} `))
		return verifyV4Header(request, authorization);
	if (authorization !== undefined) return verifyV1Header(request, authorization);
	if (presignedV4 === OSS_V4_ALGORITHM) return verifyV4Url(request);
	if (presignedV1 !== undefined) return verifyV1Url(request, presignedV1);
	throw new OssError(
		403,
		'AccessDenied',
		'You have no right to access this object because of bucket acl.',
	);
}
