import { digitsValue } from '../http';
import { readHttpFailure } from './causeChain';
import type { HttpFailure } from './causeChain';
import { parseErrorBody, type ProviderFields } from './errorBody';
import type { ErrorKind } from './kinds';
import { providerErrors } from './providers';
import type { ErrorProvider } from './providers';

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

const TIMEOUT_CODES = ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'];

function kindFromStatus(status: number | undefined): ErrorKind {
	if (status === undefined) return 'client';
	if (status === 429) return 'throttled';
	if (status >= 500) return 'server';
	if (status === 401) return 'auth';
	if (status === 403) return 'permission';
	return 'client';
}

function kindFromNetworkFailure(failure: HttpFailure): ErrorKind | undefined {
	const code = failure.networkCode;
	const text = failure.messages.join('\n').toLowerCase();
	if ((code && TIMEOUT_CODES.includes(code)) || text.includes('timeout')) return 'timeout';
	// Any other transport code (EPROTO, ERR_STREAM_PREMATURE_CLOSE…) is a broken exchange too; our own
	// errors carry no code. Whether the request was sent is judged by isOutcomeUnknown.
	if (code !== undefined || text.includes('socket hang up')) return 'network';
	return undefined;
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
	const seconds = digitsValue(headers['retry-after']);
	return seconds === undefined ? undefined : seconds * 1000;
}

function requestIdFromHeaders(
	provider: ErrorProvider,
	headers: Record<string, string>,
): string | undefined {
	return providerErrors(provider)
		.requestIdHeaders.map((name) => headers[name])
		.find((value) => value !== undefined);
}

/** The body's provider fields; a provider may read an answer without them (a HEAD) from its headers. */
function providerFields(provider: ErrorProvider, failure: HttpFailure): ProviderFields {
	const fields = parseErrorBody(failure.body);
	const fromHeaders = providerErrors(provider).headerFields;
	if (fields.code !== undefined || failure.status === undefined || !fromHeaders) return fields;
	return fromHeaders(failure.status, failure.headers);
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
	const fields = providerFields(provider, failure);
	const codeKind =
		fields.code === undefined ? undefined : providerErrors(provider).kindOfCode(fields.code);
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
