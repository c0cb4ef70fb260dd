import { NodeApiError } from 'n8n-workflow';
import type { Failure, INode, JsonObject } from 'n8n-workflow';

import { isRecord } from '../../credentials/common/json';
import { parseErrorBody } from './errorBody';

export type ErrorProvider = 'aliyun' | 'huawei' | 'mns';

export type ErrorKind =
	| 'throttled'
	| 'server'
	| 'network'
	| 'timeout'
	| 'auth'
	| 'clock'
	| 'nonce'
	| 'permission'
	| 'client';

export interface ClassifiedError {
	provider: ErrorProvider;
	kind: ErrorKind;
	code?: string;
	message?: string;
	httpStatus?: number;
	requestId?: string;
	/** Node.js / axios error code of a failure without a response (ECONNREFUSED, ETIMEDOUT…). */
	networkCode?: string;
	/** From a `Retry-After` header, when the provider sent one. */
	retryAfterMs?: number;
}

/** What a thrown error says about the HTTP exchange, whatever wrapped it. */
interface HttpFailure {
	status?: number;
	headers: Record<string, string>;
	body: unknown;
	networkCode?: string;
	messages: string[];
}

type UnknownRecord = Record<string, unknown>;

/** Enough for NodeApiError → AxiosError → cause, without walking a cyclic graph forever. */
const MAX_CHAIN_LINKS = 10;

const NETWORK_CODES = [
	'ECONNRESET',
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE',
	'EHOSTUNREACH',
];
const TIMEOUT_CODES = ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'];

const REQUEST_ID_HEADERS: Record<ErrorProvider, string[]> = {
	aliyun: ['x-acs-request-id'],
	mns: ['x-mns-request-id'],
	huawei: ['x-request-id'],
};

/** The error itself, then `cause` / `errorResponse` / `reason` links, nearest first. */
function causeChain(error: unknown): UnknownRecord[] {
	const chain: UnknownRecord[] = [];
	const pending: unknown[] = [error];
	while (pending.length > 0 && chain.length < MAX_CHAIN_LINKS) {
		const current = pending.shift();
		if (!isRecord(current) || chain.includes(current)) continue;
		chain.push(current);
		pending.push(current.cause, current.errorResponse, current.reason);
	}
	return chain;
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!isRecord(headers)) return result;
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value === 'string') result[name.toLowerCase()] = value;
		else if (typeof value === 'number') result[name.toLowerCase()] = String(value);
	}
	return result;
}

function findResponse(chain: UnknownRecord[]): UnknownRecord | undefined {
	for (const link of chain) {
		const response = link.response;
		if (isRecord(response) && typeof response.status === 'number') return response;
	}
	return undefined;
}

function findNetworkCode(chain: UnknownRecord[]): string | undefined {
	for (const link of chain) {
		const code = link.code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	return undefined;
}

function readHttpFailure(error: unknown): HttpFailure {
	const chain = causeChain(error);
	const response = findResponse(chain);
	const messages = chain
		.map((link) => link.message)
		.filter((message): message is string => typeof message === 'string' && message !== '');
	return {
		status: typeof response?.status === 'number' ? response.status : undefined,
		headers: lowerCaseHeaders(response?.headers),
		body: response?.data,
		networkCode: findNetworkCode(chain),
		// The innermost message is the transport's own ("connect ECONNREFUSED …"), not n8n's paraphrase.
		messages,
	};
}

function kindFromStatus(status: number | undefined): ErrorKind {
	if (status === undefined) return 'client';
	if (status === 429) return 'throttled';
	if (status >= 500) return 'server';
	if (status === 401) return 'auth';
	if (status === 403) return 'permission';
	return 'client';
}

const ALIYUN_SERVER_CODES = [
	'ServiceUnavailable',
	'ServiceUnAvailable',
	'InternalError',
	'TransientNetWorkError',
];
const ALIYUN_AUTH_CODES = ['SignatureDoesNotMatch', 'IncompleteSignature'];

function aliyunKindFromCode(code: string): ErrorKind | undefined {
	if (code.startsWith('Throttling')) return 'throttled';
	if (ALIYUN_SERVER_CODES.includes(code)) return 'server';
	if (ALIYUN_AUTH_CODES.includes(code)) return 'auth';
	if (/^(InvalidAccessKeyId|InvalidSecurityToken)(\.|$)/.test(code)) return 'auth';
	if (code === 'InvalidTimeStamp.Expired') return 'clock';
	if (code === 'SignatureNonceUsed') return 'nonce';
	if (code.startsWith('Forbidden')) return 'permission';
	return undefined;
}

/**
 * MNS codes (Alibaba Cloud "MNS error codes" and "Throttling policy" pages): TooManyRequests (429)
 * is the cluster flow limiter; AccessDenied (403) says the key's owner is "forbidden for this
 * operation", a permission; TimeExpired is the 15-minute Date window. Queue and message codes
 * (QueueNotExist, MessageNotExist, ReceiptHandleError, InvalidArgument…) fall back to the status.
 */
const MNS_KINDS: ReadonlyMap<string, ErrorKind> = new Map<string, ErrorKind>([
	['TooManyRequests', 'throttled'],
	['InternalError', 'server'],
	['InternalServerError', 'server'],
	['SignatureDoesNotMatch', 'auth'],
	['InvalidAccessKeyId', 'auth'],
	['InvalidAuthorizationHeader', 'auth'],
	['MissingAuthorizationHeader', 'auth'],
	['AccessDenied', 'permission'],
	['TimeExpired', 'clock'],
]);

function mnsKindFromCode(code: string): ErrorKind | undefined {
	return MNS_KINDS.get(code) ?? aliyunKindFromCode(code);
}

function kindFromCode(provider: ErrorProvider, code: string): ErrorKind | undefined {
	if (provider === 'huawei') return huaweiKindFromCode(code);
	return provider === 'mns' ? mnsKindFromCode(code) : aliyunKindFromCode(code);
}

function huaweiKindFromCode(code: string): ErrorKind | undefined {
	const gateway = /^APIGW?\.(\d{4})$/.exec(code);
	if (gateway) {
		const kinds: Record<string, ErrorKind> = {
			'0101': 'client',
			'0301': 'auth',
			'0302': 'permission',
			'0303': 'auth',
			'0308': 'throttled',
		};
		return kinds[gateway[1]];
	}
	if (code.startsWith('VOD.')) return 'client';
	return undefined;
}

function kindFromNetworkFailure(failure: HttpFailure): ErrorKind | undefined {
	const code = failure.networkCode;
	const text = failure.messages.join('\n').toLowerCase();
	if ((code && TIMEOUT_CODES.includes(code)) || text.includes('timeout')) return 'timeout';
	if ((code && NETWORK_CODES.includes(code)) || text.includes('socket hang up')) return 'network';
	return undefined;
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
	return Number(value.trim()) * 1000;
}

function requestIdFromHeaders(
	provider: ErrorProvider,
	headers: Record<string, string>,
): string | undefined {
	return REQUEST_ID_HEADERS[provider]
		.map((name) => headers[name])
		.find((value) => value !== undefined);
}

/** Reads provider code, message, status and request id out of whatever n8n's HTTP helpers threw. */
export function classifyError(provider: ErrorProvider, error: unknown): ClassifiedError {
	const failure = readHttpFailure(error);
	if (failure.status === undefined) {
		const kind = kindFromNetworkFailure(failure);
		return {
			provider,
			kind: kind ?? 'client',
			networkCode: failure.networkCode,
			message: kind ? failure.messages[failure.messages.length - 1] : undefined,
		};
	}
	const fields = parseErrorBody(failure.body);
	const codeKind = fields.code === undefined ? undefined : kindFromCode(provider, fields.code);
	return {
		provider,
		kind: codeKind ?? kindFromStatus(failure.status),
		code: fields.code,
		message: fields.message,
		httpStatus: failure.status,
		requestId: fields.requestId ?? requestIdFromHeaders(provider, failure.headers),
		retryAfterMs: retryAfterMs(failure.headers),
	};
}

const CLOUD_NAMES: Record<ErrorProvider, string> = {
	aliyun: 'Alibaba Cloud',
	mns: 'Alibaba Cloud MNS',
	huawei: 'Huawei Cloud',
};

function permissionHint(provider: ErrorProvider, action: string | undefined): string {
	const what = action ? `"${action}"` : 'this operation';
	return provider === 'huawei'
		? `The IAM user is not allowed to call ${what}. Grant the VOD permission for it in Huawei Cloud IAM.`
		: `The RAM user is not allowed to call ${what}. Grant the permission for it in Alibaba Cloud RAM.`;
}

function authHint(provider: ErrorProvider): string {
	if (provider === 'huawei') {
		return (
			'Check the Access Key ID and Secret Access Key in the Huawei Cloud credential, and that the region ' +
			'and endpoint match. Warning: after more than 5 consecutive authentication failures Huawei Cloud ' +
			'locks the access key for 5 minutes, so fix the credential before running again.'
		);
	}
	return (
		'Check the AccessKey ID and AccessKey Secret (and the STS security token, if used) in the ' +
		`${CLOUD_NAMES[provider]} credential, and that the region or endpoint is the one the key belongs to.`
	);
}

/** MNS queue and message codes whose cause the user can act on. */
const MNS_CLIENT_HINTS: ReadonlyMap<string, string> = new Map([
	[
		'QueueNotExist',
		'The queue does not exist in the MNS account and region of the "MNS Endpoint" in the credential: check the queue name and the endpoint.',
	],
	[
		'ReceiptHandleError',
		'The receipt handle is no longer valid: the message was received again, or its visibility timeout passed before the delete, so MNS will deliver it again.',
	],
	['MessageNotExist', 'The message is no longer in the queue.'],
]);

function clientHint(classified: ClassifiedError): string | undefined {
	const code = classified.code ?? '';
	const mnsHint = classified.provider === 'mns' ? MNS_CLIENT_HINTS.get(code) : undefined;
	if (mnsHint !== undefined) return mnsHint;
	return /^APIGW?\.0101$/.test(code) || classified.httpStatus === 404
		? 'The API was not found: check the region or endpoint in the credential.'
		: undefined;
}

function hintFor(classified: ClassifiedError, action: string | undefined): string | undefined {
	switch (classified.kind) {
		case 'auth':
			return authHint(classified.provider);
		case 'clock':
			return "The n8n host's clock differs from the cloud's by more than 15 minutes. Synchronise it (NTP) and run again.";
		case 'nonce':
			return 'The signature nonce was already used; this resolves itself on the next request.';
		case 'permission':
			return permissionHint(classified.provider, action);
		case 'throttled':
			return `${CLOUD_NAMES[classified.provider]} rejected the request because of its rate limit, even after retries. Process fewer items at a time or ask for a higher quota.`;
		case 'server':
			return `${CLOUD_NAMES[classified.provider]} failed to process the request. Try again later.`;
		case 'network':
			return 'The cloud endpoint could not be reached. Check the region or endpoint override in the credential and the network or proxy settings.';
		case 'timeout':
			return 'The request timed out. A submitted job may still have been created: check before running again.';
		case 'client':
			return clientHint(classified);
	}
}

function failureFor(classified: ClassifiedError): Failure | undefined {
	switch (classified.kind) {
		case 'throttled':
			return classified.retryAfterMs === undefined
				? { cause: 'rate-limited' }
				: { cause: 'rate-limited', retryAfterMs: classified.retryAfterMs };
		case 'server':
		case 'network':
			return { cause: 'temporarily-unavailable' };
		case 'auth':
			return { cause: 'credential-invalid' };
		case 'permission':
			return { cause: 'configuration-invalid' };
		default:
			return undefined;
	}
}

/**
 * Aliyun's SignatureDoesNotMatch message ends with "server string to sign is:" and the whole string
 * to sign, which carries the STS SecurityToken (percent-encoded, so no `=` to match on); it is only
 * useful to compare with our own, which the user cannot see, so it is dropped.
 */
const STRING_TO_SIGN_ECHO = /(server string to sign is:).*/is;

/** Drops anything that looks like a signature, token or authorization value n8n may echo. */
function redactSecrets(text: string): string {
	return text
		.replace(STRING_TO_SIGN_ECHO, '$1 [omitted]')
		.replace(/(Signature|SecurityToken|AccessKeySecret)=[^&\s"']+/gi, '$1=[redacted]')
		.replace(
			/(Authorization|X-Security-Token|X-Auth-Token)(["']?\s*[:=]\s*["']?)[^"',\n]+/gi,
			'$1$2[redacted]',
		);
}

function errorMessage(classified: ClassifiedError, original: unknown): string {
	const providerMessage =
		classified.message ?? (original instanceof Error ? original.message : undefined);
	const label = classified.code ?? classified.networkCode;
	const text = [label, providerMessage]
		.filter((part) => part !== undefined && part !== '')
		.join(': ');
	return redactSecrets(text || `${CLOUD_NAMES[classified.provider]} request failed`);
}

function errorDescription(classified: ClassifiedError, action: string | undefined): string {
	const facts = [
		classified.code && `Error code: ${classified.code}.`,
		classified.requestId && `Request ID: ${classified.requestId}.`,
		classified.httpStatus !== undefined && `HTTP status: ${classified.httpStatus}.`,
		action && `Action: ${action}.`,
	].filter((fact): fact is string => typeof fact === 'string');
	return [hintFor(classified, action), ...facts].filter((part) => part !== undefined).join(' ');
}

/** Only the classified facts: n8n's own error carries the signed URL and headers, which must not leak. */
function safeErrorResponse(classified: ClassifiedError, message: string): JsonObject {
	const response: JsonObject = { provider: classified.provider, kind: classified.kind, message };
	if (classified.code !== undefined) response.code = classified.code;
	if (classified.requestId !== undefined) response.requestId = classified.requestId;
	if (classified.httpStatus !== undefined) response.httpStatus = classified.httpStatus;
	if (classified.networkCode !== undefined) response.networkCode = classified.networkCode;
	return response;
}

/**
 * Builds the error the user sees: "<Code>: <provider message>", a hint for the common causes,
 * the provider code, request id and HTTP status. `original` is read for its message only.
 */
export function toNodeApiError(
	node: INode,
	classified: ClassifiedError,
	original: unknown,
	itemIndex?: number,
	action?: string,
): NodeApiError {
	const message = errorMessage(classified, original);
	return new NodeApiError(node, safeErrorResponse(classified, message), {
		message,
		description: redactSecrets(errorDescription(classified, action)),
		httpCode: classified.httpStatus === undefined ? undefined : String(classified.httpStatus),
		itemIndex,
		failure: failureFor(classified),
	});
}
