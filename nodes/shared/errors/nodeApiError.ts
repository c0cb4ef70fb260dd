import { NodeApiError } from 'n8n-workflow';
import type { Failure, INode, JsonObject } from 'n8n-workflow';

import type { ClassifiedError } from './classify';
import { hintFor } from './hints';
import { providerErrors } from './providers';
import { redactSecrets } from './redact';
import { isOutcomeUnknown } from './retryable';

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

function errorMessage(classified: ClassifiedError, original: unknown): string {
	const providerMessage =
		classified.message ?? (original instanceof Error ? original.message : undefined);
	const label = classified.code ?? classified.networkCode;
	const text = [label, providerMessage]
		.filter((part) => part !== undefined && part !== '')
		.join(': ');
	return redactSecrets(text || `${providerErrors(classified.provider).cloudName} request failed`);
}

function unknownOutcomeMessage(message: string, action: string | undefined, check: string): string {
	return `${message.replace(/[.\s]+$/, '')}. The outcome of ${action ?? 'the request'} is unknown: ${check}`;
}

function errorDescription(
	classified: ClassifiedError,
	action: string | undefined,
	outcomeCheck: string | undefined,
): string {
	const facts = [
		classified.code && `Error code: ${classified.code}.`,
		classified.requestId && `Request ID: ${classified.requestId}.`,
		classified.httpStatus !== undefined && `HTTP status: ${classified.httpStatus}.`,
		action && `Action: ${action}.`,
		classified.retryAfterMs !== undefined &&
			`The server asked to wait ${classified.retryAfterMs / 1000} s.`,
	].filter((fact): fact is string => typeof fact === 'string');
	const hint = outcomeCheck ?? hintFor(classified, action);
	return [hint, ...facts].filter((part) => part !== undefined).join(' ');
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
 * `ifOutcomeUnknown` (non-idempotent calls only) says how to check whether the call took effect;
 * after a 5xx, a reset or a timeout it replaces the hint and the message says the outcome is unknown.
 */
export function toNodeApiError(
	node: INode,
	classified: ClassifiedError,
	original: unknown,
	itemIndex?: number,
	action?: string,
	ifOutcomeUnknown?: string,
): NodeApiError {
	const outcomeCheck = isOutcomeUnknown(classified) ? ifOutcomeUnknown : undefined;
	const providerMessage = errorMessage(classified, original);
	const message =
		outcomeCheck === undefined
			? providerMessage
			: unknownOutcomeMessage(providerMessage, action, outcomeCheck);
	const error = new NodeApiError(node, safeErrorResponse(classified, message), {
		message,
		description: redactSecrets(errorDescription(classified, action, outcomeCheck)),
		httpCode: classified.httpStatus === undefined ? undefined : String(classified.httpStatus),
		itemIndex,
		failure: failureFor(classified),
	});
	// n8n swaps a message naming ECONNRESET, ETIMEDOUT… for its generic "retry" text.
	error.message = message;
	return error;
}
