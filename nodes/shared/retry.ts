import { DeadlineReached, endsByDeadline, systemClock, type SleepFn } from './clock';

export interface RetryOptions {
	/** Total attempts including the first one. */
	maxAttempts: number;
	baseDelayMs: number;
	/** Cap of the backoff between attempts. */
	maxDelayMs: number;
	/**
	 * The longest wait the server may ask for (Retry-After) that is honoured in full, even beyond
	 * `maxDelayMs`. A longer one ends the retries: sending before the server asked would only be refused.
	 */
	maxServerWaitMs: number;
	/** Returns [0, 1); injectable for tests. */
	random?: () => number;
	sleep?: SleepFn;
	/** Reads the clock `deadlineMs` is on; injectable for tests. */
	now?: () => number;
	/**
	 * When the caller's wait ends (Max Wait Time): no retry is started whose wait would end past it.
	 * Without one, only the other bounds apply.
	 */
	deadlineMs?: number;
	/** The execution cancel signal: once aborted, no further attempt is made. */
	signal?: AbortSignal;
	shouldRetry: (error: unknown, attempt: number) => boolean;
	/** A minimum wait the server asked for (Retry-After), if any. */
	retryAfterMs?: (error: unknown) => number | undefined;
}

/** Equal-jitter exponential backoff: half the capped exponential delay plus a random half. */
export function backoffDelayMs(
	retryNumber: number,
	baseDelayMs: number,
	maxDelayMs: number,
	random: () => number,
): number {
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retryNumber - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The backoff, or longer if the server asked for longer; undefined when it asked past the bound. */
function waitBeforeRetry(
	options: RetryOptions,
	error: unknown,
	retryNumber: number,
): number | undefined {
	const jittered = backoffDelayMs(
		retryNumber,
		options.baseDelayMs,
		options.maxDelayMs,
		options.random ?? Math.random,
	);
	const asked = options.retryAfterMs?.(error) ?? 0;
	return asked > options.maxServerWaitMs ? undefined : Math.max(jittered, asked);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Turns a rejection into a value, so the caller decides what to throw outside a catch clause. */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}

/** The wait before the next attempt; undefined when there is to be none. */
function nextWaitMs(
	options: RetryOptions,
	error: unknown,
	attemptNumber: number,
	nowMs: number,
): number | undefined {
	const mayRetry =
		attemptNumber < options.maxAttempts &&
		options.signal?.aborted !== true &&
		options.shouldRetry(error, attemptNumber);
	const waitMs = mayRetry ? waitBeforeRetry(options, error, attemptNumber) : undefined;
	return waitMs !== undefined && endsByDeadline(nowMs, waitMs, options.deadlineMs)
		? waitMs
		: undefined;
}

/**
 * Runs `attempt` until it succeeds, `shouldRetry` says no, attempts run out, the server asks for a
 * wait past `maxServerWaitMs`, the next wait would end past `deadlineMs` or the signal aborts; then
 * throws the last error. An attempt that could not be sent before the deadline (`DeadlineReached`)
 * throws the failure before it, if any. n8n's `sleep` takes the abort signal, so a cancel ends the
 * wait at once instead of after the next slice.
 */
export async function withRetry<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	options: RetryOptions,
): Promise<T> {
	const sleep = options.sleep ?? systemClock.sleep;
	const now = options.now ?? systemClock.now;
	let earlier: { error: unknown } | undefined;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await settle(attempt(attemptNumber));
		if (outcome.ok) return outcome.value;
		if (outcome.error instanceof DeadlineReached) throw (earlier ?? outcome).error;
		earlier = outcome;
		const waitMs = nextWaitMs(options, outcome.error, attemptNumber, now());
		if (waitMs === undefined) throw outcome.error;
		const slept = await settle(sleep(waitMs, options.signal));
		if (options.signal?.aborted === true) throw outcome.error;
		if (!slept.ok) throw slept.error;
	}
}
