import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { classifyError, isRetryable, toNodeApiError } from '../errors';
import type { ClassifiedError, ErrorProvider } from '../errors';
import { DeadlineReached } from '../clock';
import { DEFAULT_QPS, paceAccount, pacerFor } from '../pacing';
import { settle, withRetry } from '../retry';

/** The n8n contexts that can send authenticated requests. */
export type RequestContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IHookFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IWebhookFunctions
	| ITriggerFunctions;

export interface SendPolicy {
	provider: ErrorProvider;
	credentialType: string;
	/** The credential `credentialEndpoint` read: its key id, hashed, names the shared pace. */
	credentials: ICredentialDataDecryptedObject;
	service: string;
	/** API action or method + path; names the pacer and appears in error hints. */
	action: string;
	idempotent: boolean;
	itemIndex?: number;
	maxRequestsPerSecond?: number;
	/**
	 * When the caller's wait ends (ms since the epoch): neither the pace nor a retry waits past it.
	 * A send the pacer cannot fit before it rejects with `DeadlineReached`, not a NodeApiError.
	 */
	deadlineMs?: number;
	/**
	 * Statuses on which n8n refreshes the credential (preAuthentication) and re-sends once. n8n
	 * defaults to 401 for every credential; we opt in only where a token can expire, because a
	 * re-sent AK/SK failure counts towards Huawei's lockout and a re-sent submit may run twice.
	 */
	refreshCredentialOnStatus?: number[];
	/**
	 * An error answer that means the call reached its goal (MNS: no message after a long poll, a
	 * repeated delete of a message already gone). `attemptNumber` starts at 1, so a policy can accept
	 * an answer only on a re-send whose earlier attempt may have succeeded. An accepted answer resolves
	 * as an `AcceptedFailure` instead of being retried or thrown.
	 */
	acceptFailure?: (classified: ClassifiedError, attemptNumber: number) => boolean;
	/** Non-idempotent calls: how to check whether the call took effect (see toNodeApiError). */
	ifOutcomeUnknown?: string;
}

/** What `sendAuthenticated` resolves with when the policy's `acceptFailure` took an error answer. */
export class AcceptedFailure {
	constructor(readonly classified: ClassifiedError) {}
}

/**
 * 4 attempts; waits of 0.25–0.5, 0.5–1 and 1–2 s (equal jitter, cap 8 s): at most ~3.5 s of waiting,
 * unless the server asks for longer (Retry-After): that is honoured up to 60 s, and a longer ask ends
 * the retries with the error, which tells the user how long the server asked to wait.
 */
const RETRY_POLICY = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 8000,
	maxServerWaitMs: 60_000,
};

/** n8n sets no timeout; without one a stalled connection would hold the execution until cancelled. */
const REQUEST_TIMEOUT_MS = 60_000;

/** huawei.md §1.7: after APIGW.0308 (a per-minute policy) retry after 2–5 s. */
const HUAWEI_THROTTLE_WAIT_MS = 2000;

/** The least a retry waits: what the server asked for, else a provider's documented pause. */
function minimumRetryWaitMs(classified: ClassifiedError): number | undefined {
	if (classified.retryAfterMs !== undefined) return classified.retryAfterMs;
	if (classified.provider === 'huawei' && classified.kind === 'throttled')
		return HUAWEI_THROTTLE_WAIT_MS;
	return undefined;
}

function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

export interface ResolvedCredential {
	credentials: ICredentialDataDecryptedObject;
	endpoint: string;
}

/** Reads the credential and resolves the endpoint; a bad region or override names its field. */
export async function credentialEndpoint(
	this: RequestContext,
	credentialType: string,
	resolve: (credentials: ICredentialDataDecryptedObject) => string,
	itemIndex?: number,
): Promise<ResolvedCredential> {
	const credentials = await this.getCredentials(credentialType, itemIndex);
	try {
		return { credentials, endpoint: resolve(credentials) };
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			error instanceof Error ? error.message : String(error),
			{
				itemIndex,
			},
		);
	}
}

/**
 * Paces, sends through the credential's `authenticate`, retries what is safe to retry and turns the
 * final failure into a NodeApiError without secrets.
 */
export async function sendAuthenticated(
	this: RequestContext,
	options: IHttpRequestOptions,
	policy: SendPolicy,
): Promise<unknown> {
	const signal = cancelSignalOf(this);
	const pacer = pacerFor({
		credentialType: policy.credentialType,
		account: paceAccount(policy.credentialType, policy.credentials),
		service: policy.service,
		action: policy.action,
	});
	const requestsPerSecond = policy.maxRequestsPerSecond ?? DEFAULT_QPS;
	const send = async (): Promise<unknown> => {
		await pacer.acquire(requestsPerSecond, signal, policy.deadlineMs);
		// A fresh copy per attempt: authenticate signs (new nonce, new date) what it receives.
		return await this.helpers.httpRequestWithAuthentication.call(
			this,
			policy.credentialType,
			{
				timeout: REQUEST_TIMEOUT_MS,
				...options,
				qs: options.qs === undefined ? undefined : { ...options.qs },
			},
			{ preAuthenticationRetryStatusCode: policy.refreshCredentialOnStatus ?? [] },
		);
	};
	const { acceptFailure } = policy;
	const attempt =
		acceptFailure === undefined
			? send
			: async (attemptNumber: number): Promise<unknown> =>
					await send().catch((error: unknown) => {
						const classified = classifyError(policy.provider, error);
						if (acceptFailure(classified, attemptNumber)) return new AcceptedFailure(classified);
						throw error;
					});
	const outcome = await settle(
		withRetry(attempt, {
			...RETRY_POLICY,
			signal,
			deadlineMs: policy.deadlineMs,
			shouldRetry: (error) => isRetryable(classifyError(policy.provider, error), policy.idempotent),
			retryAfterMs: (error) => minimumRetryWaitMs(classifyError(policy.provider, error)),
		}),
	);
	if (outcome.ok) return outcome.value;
	// Not an answer of the API: the caller's wait reads it as its time being up.
	if (outcome.error instanceof DeadlineReached) throw outcome.error;
	throw toNodeApiError(
		this.getNode(),
		classifyError(policy.provider, outcome.error),
		outcome.error,
		policy.itemIndex,
		policy.action,
		policy.ifOutcomeUnknown,
	);
}
