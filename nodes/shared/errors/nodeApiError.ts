import { NodeApiError } from 'n8n-workflow';
import type { Failure, INode, JsonObject } from 'n8n-workflow';

import type { ClassifiedError } from './classify';
import { hintFor } from './hints';
import { providerErrors } from './providers';
import { redactSecrets } from './redact';

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
