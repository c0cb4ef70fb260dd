import { describe, expect, it } from 'vitest';

import { pollUntil, SLEEP_SLICE_MS } from '../../../../nodes/shared/polling';
import type { Clock } from '../../../../nodes/shared/clock';

/** A clock that only moves when the poller sleeps, so a test runs in no real time. */
function fakeClock(onSleep: (now: number) => void = () => undefined) {
	let now = 0;
	const sleeps: number[] = [];
	const clock: Clock = {
		now: () => now,
		sleep: async (ms) => {
			sleeps.push(ms);
			now += ms;
			onSleep(now);
		},
	};
	return { clock, sleeps };
}

describe('pollUntil', () => {
	it('returns the value as soon as the check finds it, without sleeping after it', async () => {
		const { clock, sleeps } = fakeClock();
		let checks = 0;
		const outcome = await pollUntil(async () => (++checks === 3 ? 'JOB-1' : undefined), {
			intervalMs: 2000,
			maxWaitMs: 60_000,
			clock,
		});
		expect(outcome).toEqual({ status: 'done', value: 'JOB-1' });
		expect(checks).toBe(3);
		// Two waits of 2000 ms, each cut into 500 ms slices.
		expect(sleeps).toEqual(Array(8).fill(SLEEP_SLICE_MS));
	});

	it.each([
		// maxWait, interval, expected checks: at 0, every interval, and once more at the deadline
		[10_000, 2000, 6],
		[5000, 2000, 4],
		[1000, 5000, 2],
	])(
		'times out after %i ms polling every %i ms with %i checks',
		async (maxWaitMs, intervalMs, expected) => {
			const { clock } = fakeClock();
			let checks = 0;
			const outcome = await pollUntil(
				async () => {
					checks++;
					return undefined;
				},
				{ intervalMs, maxWaitMs, clock },
			);
			expect(outcome).toEqual({ status: 'timedOut' });
			expect(checks).toBe(expected);
			expect(clock.now()).toBe(maxWaitMs);
		},
	);

	it('stops within one sleep slice when the signal aborts', async () => {
		const controller = new AbortController();
		const { clock } = fakeClock((now) => {
			if (now === 1500) controller.abort();
		});
		let checks = 0;
		const outcome = await pollUntil(
			async () => {
				checks++;
				return undefined;
			},
			{ intervalMs: 10_000, maxWaitMs: 60_000, signal: controller.signal, clock },
		);
		expect(outcome).toEqual({ status: 'cancelled' });
		expect(checks).toBe(1);
		expect(clock.now()).toBe(1500);
	});

	it('does not check at all when already cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		const { clock } = fakeClock();
		let checks = 0;
		const outcome = await pollUntil(
			async () => {
				checks++;
				return 'x';
			},
			{ intervalMs: 1000, maxWaitMs: 5000, signal: controller.signal, clock },
		);
		expect(outcome).toEqual({ status: 'cancelled' });
		expect(checks).toBe(0);
	});
});
