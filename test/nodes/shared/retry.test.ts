/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { isRetryable } from '../../../nodes/shared/errors';
import type { ClassifiedError, ErrorKind } from '../../../nodes/shared/errors';
import { DeadlineReached } from '../../../nodes/shared/clock';
import { backoffDelayMs, withRetry } from '../../../nodes/shared/retry';

function classified(kind: ErrorKind, networkCode?: string): ClassifiedError {
	return { provider: 'aliyun', kind, networkCode };
}

/** Records requested waits instead of waiting. */
function fakeSleep() {
	const waits: number[] = [];
	const sleep = async (ms: number) => {
		waits.push(ms);
	};
	return { waits, sleep };
}

/** Fails with the given errors in order, then returns 'ok'. */
function failingThen(errors: unknown[]) {
	const calls: number[] = [];
	const attempt = async (n: number) => {
		calls.push(n);
		if (n <= errors.length) throw errors[n - 1];
		return 'ok';
	};
	return { calls, attempt };
}

describe('backoffDelayMs', () => {
	// ceiling = min(max, base·2^(n-1)); delay = ceiling/2 + random·ceiling/2
	it.each([
		[1, 0, 250],
		[1, 0.5, 375],
		[2, 0, 500],
		[3, 0.999, 1999],
		[4, 0.5, 3000],
		[5, 0, 2000],
		[9, 1, 4000],
	])('retry %i with random %f waits %i ms (base 500, cap 4000)', (retry, random, expected) => {
		expect(backoffDelayMs(retry, 500, 4000, () => random)).toBe(expected);
	});
});

describe('withRetry', () => {
	const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300, maxServerWaitMs: 20_000 };

	it('backs off exponentially with jitter, capped, and returns the eventual result', async () => {
		const { waits, sleep } = fakeSleep();
		const randoms = [0, 0.5, 1];
		const { calls, attempt } = failingThen(['e1', 'e2', 'e3']);
		const result = await withRetry(attempt, {
			...policy,
			sleep,
			random: () => randoms.shift() ?? 0,
			shouldRetry: () => true,
		});
		expect(result).toBe('ok');
		expect(calls).toEqual([1, 2, 3, 4]);
		// ceilings 100, 200, min(300, 400)=300 → 50+0, 100+50, 150+150
		expect(waits).toEqual([50, 150, 300]);
	});

	it('gives up after maxAttempts and throws the last error', async () => {
		const { waits, sleep } = fakeSleep();
		const { calls, attempt } = failingThen(['e1', 'e2', 'e3', 'e4', 'e5']);
		await expect(
			withRetry(attempt, { ...policy, sleep, random: () => 0, shouldRetry: () => true }),
		).rejects.toBe('e4');
		expect(calls).toHaveLength(4);
		expect(waits).toHaveLength(3);
	});

	it('does not retry what shouldRetry rejects', async () => {
		const { waits, sleep } = fakeSleep();
		const { calls, attempt } = failingThen(['retry me', 'fatal', 'never']);
		await expect(
			withRetry(attempt, { ...policy, sleep, shouldRetry: (error) => error === 'retry me' }),
		).rejects.toBe('fatal');
		expect(calls).toEqual([1, 2]);
		expect(waits).toHaveLength(1);
	});

	it('never re-sends a non-idempotent call after a 5xx or a timeout', async () => {
		for (const failure of [
			classified('server'),
			classified('timeout', 'ETIMEDOUT'),
			classified('network', 'ECONNRESET'),
		]) {
			const { sleep } = fakeSleep();
			const { calls, attempt } = failingThen([failure]);
			await expect(
				withRetry(attempt, {
					...policy,
					sleep,
					shouldRetry: (error) => isRetryable(error as ClassifiedError, false),
				}),
			).rejects.toBe(failure);
			expect(calls).toEqual([1]);
		}
	});

	it('waits at least what Retry-After asked for, beyond the backoff cap up to maxServerWaitMs', async () => {
		const { waits, sleep } = fakeSleep();
		const { attempt } = failingThen(['a', 'b', 'c']);
		const asked = [250, 5000, 20_000];
		await withRetry(attempt, {
			...policy,
			sleep,
			random: () => 0,
			shouldRetry: () => true,
			retryAfterMs: () => asked.shift(),
		});
		expect(waits).toEqual([250, 5000, 20_000]);
	});

	it('gives up at once when Retry-After asks for longer than maxServerWaitMs', async () => {
		const { waits, sleep } = fakeSleep();
		const { calls, attempt } = failingThen(['asked 20.001 s', 'never']);
		await expect(
			withRetry(attempt, {
				...policy,
				sleep,
				shouldRetry: () => true,
				retryAfterMs: () => 20_001,
			}),
		).rejects.toBe('asked 20.001 s');
		expect(calls).toEqual([1]);
		expect(waits).toEqual([]);
	});

	it('stops retrying once the execution is cancelled', async () => {
		const controller = new AbortController();
		const { waits, sleep } = fakeSleep();
		const { calls, attempt } = failingThen(['first', 'second', 'third']);
		const cancellingSleep = async (ms: number, signal?: AbortSignal) => {
			await sleep(ms);
			controller.abort();
			expect(signal).toBe(controller.signal);
		};
		await expect(
			withRetry(attempt, {
				...policy,
				sleep: cancellingSleep,
				signal: controller.signal,
				shouldRetry: () => true,
			}),
		).rejects.toBe('first');
		expect(calls).toEqual([1]);
		expect(waits).toHaveLength(1);
	});

	it('makes no attempt after a failure when the signal is already aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		const { waits, sleep } = fakeSleep();
		const { calls, attempt } = failingThen(['first']);
		await expect(
			withRetry(attempt, { ...policy, sleep, signal: controller.signal, shouldRetry: () => true }),
		).rejects.toBe('first');
		expect(calls).toEqual([1]);
		expect(waits).toEqual([]);
	});

	it('ends a real n8n sleep as soon as the signal aborts', async () => {
		const controller = new AbortController();
		const { attempt } = failingThen(['first', 'second']);
		const started = Date.now();
		const running = withRetry(attempt, {
			maxAttempts: 2,
			baseDelayMs: 10_000,
			maxDelayMs: 10_000,
			maxServerWaitMs: 10_000,
			signal: controller.signal,
			shouldRetry: () => true,
		});
		setTimeout(() => controller.abort(), 50);
		await expect(running).rejects.toBe('first');
		expect(Date.now() - started).toBeLessThan(1000);
	});
});

async function settled<T>(promise: Promise<T>) {
	return await promise.then(
		(resolved) => ({ resolved }),
		(rejected: unknown) => ({ rejected }),
	);
}

/** A clock that only moves when the retry sleeps, recording each wait. */
function movingClock(start: number) {
	let now = start;
	const waits: number[] = [];
	return {
		waits,
		now: () => now,
		sleep: async (ms: number) => {
			waits.push(ms);
			now += ms;
		},
	};
}

describe('withRetry with a deadline (Max Wait Time)', () => {
	// The transport's policy: 4 attempts, waits of 250, 500 and 1000 ms with random 0.
	const transportPolicy = {
		maxAttempts: 4,
		baseDelayMs: 500,
		maxDelayMs: 8000,
		maxServerWaitMs: 60_000,
		random: () => 0,
		shouldRetry: () => true,
	};

	it('starts no retry whose backoff would end past the deadline and throws the last failure', async () => {
		const clock = movingClock(10_000);
		const { calls, attempt } = failingThen([
			'Throttling 1',
			'Throttling 2',
			'Throttling 3',
			'never',
		]);
		await expect(
			withRetry(attempt, { ...transportPolicy, ...clock, deadlineMs: 11_000 }),
		).rejects.toBe('Throttling 3');
		// 10 000 + 250 + 500 = 10 750; a wait of 1000 ms more would end at 11 750, past 11 000
		expect(calls).toEqual([1, 2, 3]);
		expect(clock.waits).toEqual([250, 500]);
		expect(clock.now()).toBeLessThanOrEqual(11_000);
	});

	it('retries up to the deadline exactly, not beyond it', async () => {
		const clock = movingClock(0);
		const { calls, attempt } = failingThen(['e1', 'e2', 'e3']);
		await expect(
			withRetry(attempt, { ...transportPolicy, ...clock, deadlineMs: 1750 }),
		).resolves.toBe('ok');
		expect(calls).toEqual([1, 2, 3, 4]);
		expect(clock.now()).toBe(1750);
	});

	/** One throttled attempt asking for 120 s (allowed up to 300 s here), then success. */
	async function retryAfter120s(deadlineMs?: number) {
		const clock = movingClock(1_000_000);
		const { calls, attempt } = failingThen(['Throttling, retry after 120 s']);
		const outcome = await settled(
			withRetry(attempt, {
				...transportPolicy,
				...clock,
				maxServerWaitMs: 300_000,
				retryAfterMs: () => 120_000,
				deadlineMs,
			}),
		);
		return { outcome, calls, waits: clock.waits };
	}

	it('does not sleep a Retry-After of 120 s that lands past the deadline', async () => {
		const { outcome, calls, waits } = await retryAfter120s(1_000_000 + 5000);
		expect(outcome).toEqual({ rejected: 'Throttling, retry after 120 s' });
		expect(calls).toEqual([1]);
		expect(waits).toEqual([]);
	});

	it('sleeps the same Retry-After when the call has no deadline', async () => {
		const { outcome, calls, waits } = await retryAfter120s();
		expect(outcome).toEqual({ resolved: 'ok' });
		expect(calls).toEqual([1, 2]);
		expect(waits).toEqual([120_000]);
	});

	it('retries as before without a deadline, however late it is', async () => {
		const clock = movingClock(10_000);
		const { calls, attempt } = failingThen(['e1', 'e2', 'e3', 'e4']);
		await expect(withRetry(attempt, { ...transportPolicy, ...clock })).rejects.toBe('e4');
		expect(calls).toEqual([1, 2, 3, 4]);
		expect(clock.waits).toEqual([250, 500, 1000]);
	});

	it('reports the failure before an attempt the pacer could not send by the deadline', async () => {
		const clock = movingClock(0);
		const refused = new DeadlineReached(1000);
		const { calls, attempt } = failingThen(['Throttling', refused]);
		await expect(
			withRetry(attempt, { ...transportPolicy, ...clock, deadlineMs: 1000 }),
		).rejects.toBe('Throttling');
		expect(calls).toEqual([1, 2]);
	});

	it('throws DeadlineReached itself when the first attempt could not be sent', async () => {
		const clock = movingClock(0);
		const refused = new DeadlineReached(1000);
		const { calls, attempt } = failingThen([refused]);
		await expect(
			withRetry(attempt, { ...transportPolicy, ...clock, deadlineMs: 1000 }),
		).rejects.toBe(refused);
		expect(calls).toEqual([1]);
	});
});
