import { parseXmlErrorBody, type ProviderFields } from '../errorBody';
import type { ErrorKind, ProviderErrorTable } from '../kinds';
import { accessKeyAuthHint } from './aliyun';

/**
 * OSS codes (aliyun.md §i Errors; OSS "Error codes" and 403 troubleshooting pages). An STS token's
 * expiry is reported under several spellings; all of them mean the key must be renewed.
 */
const OSS_KINDS: ReadonlyMap<string, ErrorKind> = new Map<string, ErrorKind>([
	['SignatureDoesNotMatch', 'auth'],
	['InvalidAccessKeyId', 'auth'],
	['InvalidSecurityToken', 'auth'],
	['SecurityTokenExpired', 'auth'],
	['AccessKeyIdAndSecurityTokenNotMatch', 'auth'],
	['RequestTimeTooSkewed', 'clock'],
	['AccessDenied', 'permission'],
	['InternalError', 'server'],
	['ServiceUnavailable', 'server'],
]);

const OSS_CLIENT_HINTS: ReadonlyMap<string, string> = new Map([
	[
		'NoSuchKey',
		'The object does not exist (yet): check the key, and if MPS writes it, wait until the job has finished.',
	],
	[
		'NoSuchBucket',
		'The bucket does not exist at this endpoint: check the bucket name and that the host (or the "OSS Endpoint" of the credential) is in the bucket\'s region.',
	],
]);

const CLOUD_NAME = 'Alibaba Cloud OSS';

/** Carries the request id of every OSS answer, a HEAD's included. */
const OSS_REQUEST_ID_HEADER = 'x-oss-request-id';
/** OSS's fine-grained error code (EC), e.g. `0026-00000001`; documented as not stable. */
const OSS_EC_HEADER = 'x-oss-ec';
/** The `<Error>` document, base64, on an answer that cannot have a body (HEAD), as ali-oss reads it. */
const OSS_ERR_HEADER = 'x-oss-err';

/** Codes the official SDK gives a bodiless error status, when no `x-oss-err` says more. */
const BODILESS_CODES: ReadonlyMap<number, string> = new Map([
	[404, 'NoSuchKey'],
	[412, 'PreconditionFailed'],
]);

/**
 * A HEAD error has no body: its `<Error>` may come base64 in `x-oss-err`; otherwise the status
 * names the code as the official SDK does, with the EC header and the request id header.
 */
function ossHeaderFields(status: number, headers: Record<string, string>): ProviderFields {
	const requestId = headers[OSS_REQUEST_ID_HEADER];
	const encoded = headers[OSS_ERR_HEADER];
	const fromHeader = encoded
		? parseXmlErrorBody(Buffer.from(encoded, 'base64').toString('utf8'))
		: undefined;
	if (fromHeader) return { ...fromHeader, requestId: fromHeader.requestId ?? requestId };
	const ec = headers[OSS_EC_HEADER];
	const message = `OSS answered HTTP ${status} without an <Error> body (a HEAD answer has none)${ec ? `; EC ${ec}` : ''}`;
	return { code: BODILESS_CODES.get(status), message, requestId };
}

function ossPermissionHint(what: string): string {
	return `The RAM user (or the bucket policy) does not allow ${what}. Grant oss:GetObject (GET and HEAD of an object) or oss:ListObjects (listing a bucket) on the bucket in Alibaba Cloud RAM.`;
}

export const OSS_ERRORS: ProviderErrorTable = {
	cloudName: CLOUD_NAME,
	requestIdHeaders: [OSS_REQUEST_ID_HEADER],
	kindOfCode: (code) => OSS_KINDS.get(code),
	authHint: accessKeyAuthHint(CLOUD_NAME),
	permissionHint: ossPermissionHint,
	clientHints: OSS_CLIENT_HINTS,
	headerFields: ossHeaderFields,
};
