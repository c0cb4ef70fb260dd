import { NodeApiError } from 'n8n-workflow';

import type { ClassifiedError } from './classify';
import type { ErrorKind } from './kinds';

/** Network failures that prove the request never reached the server. */
const NOT_SENT_NETWORK_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

/** Failures that may pass by themselves: the same request sent later can succeed. */
const TRANSIENT_KINDS: readonly ErrorKind[] = [
	'throttled',
	'nonce',
	'server',
	'network',
	'timeout',
];

function isTransientKind(kind: unknown): boolean {
	return TRANSIENT_KINDS.some((transient) => transient === kind);
}

/**
 * Whether the request may have been processed although it failed: a 5xx, a reset or a timeout after
 * sending. A connection that was refused or never resolved proves it was not. Every attempt is
 * signed with a fresh nonce, so a "nonce already used" answer means a copy of this very request
 * reached the gateway first, and that copy may have been processed.
 */
export function isOutcomeUnknown(classified: ClassifiedError): boolean {
	if (classified.kind === 'network')
		return !NOT_SENT_NETWORK_CODES.includes(classified.networkCode ?? '');
	return (
		classified.kind === 'server' || classified.kind === 'timeout' || classified.kind === 'nonce'
	);
}

/**
 * Whether a failed call may be sent again.
 *
 * Idempotent calls are retried on throttling, nonce rejections, 5xx, network failures and timeouts.
 * A non-idempotent call (a job submit) is retried only when the failure proves the request was not
 * processed: a throttling rejection, or a connection that was never made (refused, DNS).
 * A 5xx, a reset, a timeout after sending or a nonce rejection leaves the outcome unknown, and
 * sending the submit again could create a second job, so it is reported instead.
 */
export function isRetryable(classified: ClassifiedError, idempotent: boolean): boolean {
	if (classified.kind === 'throttled') return true;
	if (classified.kind === 'network' && !isOutcomeUnknown(classified)) return true;
	return idempotent && isOutcomeUnknown(classified);
}

/**
 * Whether an error the shared transport threw (after its own retries) is transient: throttling,
 * 5xx, a connection failure or a time-out. A poll that meets one may simply check again later.
 */
export function isTransientError(error: unknown): boolean {
	return error instanceof NodeApiError && isTransientKind(error.errorResponse?.kind);
}

/**
 * The message ("<code>: <provider message>") of an error the shared transport threw that asking
 * again will not change (a client or permission error about one resource); undefined for anything
 * else, such as a transient failure or a refused credential, which concerns every request.
 */
export function lastingRequestProblem(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const kind = error.errorResponse?.kind;
	return kind === 'client' || kind === 'permission' ? error.message : undefined;
}
