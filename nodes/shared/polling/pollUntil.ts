import type { Clock } from '../clock';

export type PollOutcome<T> =
	| { status: 'done'; value: T }
	| { status: 'timedOut' }
	| { status: 'cancelled' };

/** Short sleeps so a cancelled execution stops waiting within half a second. */
export const SLEEP_SLICE_MS = 500;

/**
 * Calls check until it returns a value, the deadline passes (after one last check at the
 * deadline) or the signal aborts. Each check is given the deadline (ms on `clock`), so that its
 * requests do not wait past it.
 */
export async function pollUntil<T>(
	check: (deadlineMs: number) => Promise<T | undefined>,
	options: { intervalMs: number; maxWaitMs: number; signal?: AbortSignal; clock: Clock },
): Promise<PollOutcome<T>> {
	const { intervalMs, maxWaitMs, signal, clock } = options;
	const deadline = clock.now() + maxWaitMs;
	for (;;) {
		if (signal?.aborted) return { status: 'cancelled' };
		const value = await check(deadline);
		if (value !== undefined) return { status: 'done', value };
		const remaining = deadline - clock.now();
		if (remaining <= 0) return { status: 'timedOut' };
		const wakeAt = clock.now() + Math.min(intervalMs, remaining);
		while (clock.now() < wakeAt) {
			if (signal?.aborted) return { status: 'cancelled' };
			await clock.sleep(Math.min(SLEEP_SLICE_MS, wakeAt - clock.now()));
		}
	}
}
