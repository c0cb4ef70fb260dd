/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { MAX_SHARED_PACERS, Pacer, paceAccount, pacerFor } from '../../../nodes/shared/pacing';
import { DeadlineReached, type Clock } from '../../../nodes/shared/clock';
import type { PaceKey } from '../../../nodes/shared/pacing';

/** A clock that only moves when something sleeps. */
function fakeClock(start = 1_000_000): Clock & { sends: number[] } {
	let now = start;
	const sends: number[] = [];
	return {
		sends,
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
	};
}

async function sendThrough(
	pacer: Pacer,
	clock: ReturnType<typeof fakeClock>,
	count: number,
	requestsPerSecond: number,
): Promise<void> {
	for (let i = 0; i < count; i++) {
		await pacer.acquire(requestsPerSecond);
		clock.sends.push(clock.now());
	}
}

function gaps(times: number[]): number[] {
	return times.slice(1).map((time, i) => time - times[i]);
}

/**
 * Virtual time for concurrent callers: a sleep wakes at its end plus `lateMs(n)` for the n-th sleep,
 * in order of wake time; `runAll` moves time from wake to wake until the work is done.
 */
function virtualClock(lateMs: (wake: number) => number) {
	let now = 0;
	let wakesAsked = 0;
	const timers: Array<{ at: number; wake: () => void }> = [];
	const sends: number[] = [];
	const clock: Clock = {
		now: () => now,
		sleep: async (ms: number) =>
			await new Promise<void>((wake) => {
				timers.push({ at: now + ms + lateMs(wakesAsked++), wake });
			}),
	};
	async function runAll(work: () => Promise<void>): Promise<void> {
		let done = false;
		const running = work().finally(() => {
			done = true;
		});
		while (!done) {
			await new Promise((resolve) => setImmediate(resolve));
			timers.sort((a, b) => a.at - b.at);
			const next = timers.shift();
			if (!next) continue;
			now = Math.max(now, next.at);
			next.wake();
		}
		await running;
	}
	return { clock, sends, runAll };
}

async function sendAt(pacer: Pacer, clock: Clock, sends: number[], rps: number): Promise<void> {
	await pacer.acquire(rps);
	sends.push(clock.now());
}

/** The most sends any window [send, send + 1000) holds. */
function busiestSecond(sends: number[]): number {
	return Math.max(
		...sends.map((start) => sends.filter((t) => t >= start && t < start + 1000).length),
	);
}

const key: PaceKey = {
	credentialType: 'aliyunApi',
	account: paceAccount('aliyunApi', { accessKeyId: 'LTAI-pacing-test' }),
	service: 'vod',
	action: 'SubmitSnapshotJob',
};

describe('Pacer', () => {
	it('spaces 10 sequential sends at least 1000/30 ms apart', async () => {
		const clock = fakeClock();
		await sendThrough(new Pacer(clock), clock, 10, 30);
		for (const gap of gaps(clock.sends)) expect(gap).toBeGreaterThanOrEqual(1000 / 30);
		// evenly spaced: 9 intervals of ⌈1000/30 × 1.05⌉ = 35 ms (5% headroom for arrival jitter)
		expect(gaps(clock.sends)).toEqual(Array(9).fill(35));
	});

	it('sends no more than the limit in any one-second window', async () => {
		const clock = fakeClock();
		await sendThrough(new Pacer(clock), clock, 120, 50);
		for (let i = 0; i + 50 < clock.sends.length; i++) {
			expect(clock.sends[i + 50] - clock.sends[i]).toBeGreaterThanOrEqual(1000);
		}
	});

	/** A clock whose every sleep ends `lateMs(sendIndex)` ms late. */
	function lateClock(lateMs: (send: number) => number): Clock & { sends: number[] } {
		let now = 0;
		const sends: number[] = [];
		return {
			sends,
			now: () => now,
			sleep: async (ms: number) => {
				now += ms + lateMs(sends.length);
			},
		};
	}

	async function pacedSends(clock: Clock & { sends: number[] }, count: number, rps: number) {
		const pacer = new Pacer(clock);
		for (let i = 0; i < count; i++) {
			await pacer.acquire(rps);
			clock.sends.push(clock.now());
		}
		return clock.sends;
	}

	it('keeps the spacing between actual sends when a caller wakes late beyond the tolerance', async () => {
		// 30 per second: slots 35 ms apart, a wake up to 7.5 ms late ((35 × 29 - 1000) / 2) keeps the plan.
		const sends = await pacedSends(
			lateClock((send) => (send === 3 ? 20 : 0)),
			8,
			30,
		);
		for (const gap of gaps(sends)) expect(gap).toBeGreaterThanOrEqual(35 - 7.5);
		expect(gaps(sends).slice(3)).toEqual([35 - 7.5, 35, 35, 35]);
	});

	it('does not let timer lateness add up: 100 sends at 50 per second, each wake 1 ms late', async () => {
		const sends = await pacedSends(
			lateClock(() => 1),
			100,
			50,
		);
		// ⌈1000/50 × 1.05⌉ = 21 ms apart as planned; pushed back by every late wake, it was 22.
		expect(sends.at(-1)! - sends[0]).toBe(99 * 21 + 1);
	});

	it.each([5, 20, 30, 50, 100])(
		'never puts more sends in a second than a plan without lateness, at %i per second',
		async (rps) => {
			const interval = Math.ceil(1050 / rps);
			const perSecond = Math.ceil(1000 / interval);
			// The worst case for a tolerance: a send late by half a slot opens a second that the
			// following on-time sends fill; and an irregular 0 to 40 ms.
			const adversarial = (send: number) => (send % (perSecond + 1) === 0 ? interval / 2 - 0.5 : 0);
			const irregular = (send: number) => (send * 7919) % 41;
			for (const lateness of [adversarial, irregular]) {
				const sends = await pacedSends(lateClock(lateness), 4 * rps, rps);
				expect(busiestSecond(sends)).toBeLessThanOrEqual(perSecond);
			}
			expect(perSecond).toBeLessThanOrEqual(rps);
		},
	);

	it('lets the first request through without waiting', async () => {
		const clock = fakeClock(5000);
		await sendThrough(new Pacer(clock), clock, 1, 20);
		expect(clock.sends).toEqual([5000]);
	});

	it('queues concurrent callers into distinct slots', async () => {
		const waits: number[] = [];
		const clock: Clock = { now: () => 0, sleep: async (ms) => void waits.push(ms) };
		const pacer = new Pacer(clock);
		await Promise.all([pacer.acquire(20), pacer.acquire(20), pacer.acquire(20), pacer.acquire(20)]);
		// ⌈1000/20 × 1.05⌉ = 53 ms apart
		expect(waits).toEqual([53, 106, 159]);
	});

	it('does not wait when the caller is already slower than the limit', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new Pacer({ now: () => now, sleep: async (ms) => void waits.push(ms) });
		await pacer.acquire(10);
		now += 250;
		await pacer.acquire(10);
		expect(waits).toEqual([]);
	});

	it('does not wait for a slot past the deadline, and leaves that slot to the next caller', async () => {
		const waits: number[] = [];
		const clock: Clock = { now: () => 0, sleep: async (ms) => void waits.push(ms) };
		const pacer = new Pacer(clock);
		await pacer.acquire(1);
		// The next slot at 1 rps is 1050 ms away, past a deadline 1000 ms away.
		await expect(pacer.acquire(1, undefined, 1000)).rejects.toEqual(new DeadlineReached(1000));
		expect(waits).toEqual([]);
		await pacer.acquire(1, undefined, 1050);
		expect(waits).toEqual([1050]);
	});

	it('sends at once past the deadline when no wait is needed (the last check at the deadline)', async () => {
		const waits: number[] = [];
		const pacer = new Pacer({ now: () => 1003, sleep: async (ms) => void waits.push(ms) });
		await expect(pacer.acquire(1, undefined, 1000)).resolves.toBeUndefined();
		expect(waits).toEqual([]);
	});

	it('rejects a non-positive limit', async () => {
		await expect(new Pacer().acquire(0)).rejects.toThrow('requestsPerSecond must be positive');
	});
});

describe('pacerFor', () => {
	it('shares one pacer per account and action across callers, and separates accounts and actions', () => {
		const first = pacerFor(key);
		expect(pacerFor({ ...key })).toBe(first);
		expect(pacerFor({ ...key, action: 'GetVideoInfo' })).not.toBe(first);
		expect(
			pacerFor({ ...key, account: paceAccount('aliyunApi', { accessKeyId: 'LTAI-other' }) }),
		).not.toBe(first);
	});

	it('forgets the least recently used pacer past MAX_SHARED_PACERS', () => {
		const oldest = pacerFor({ ...key, action: 'bounded-0' });
		const kept = pacerFor({ ...key, action: 'bounded-1' });
		for (let i = 2; i <= MAX_SHARED_PACERS; i++) pacerFor({ ...key, action: `bounded-${i}` });
		expect(pacerFor({ ...key, action: 'bounded-1' })).toBe(kept);
		expect(pacerFor({ ...key, action: 'bounded-0' })).not.toBe(oldest);
	});
});

describe('Pacer shared by callers with different limits', () => {
	it("spaces each send by its own caller's interval after the previous send", async () => {
		const waits: number[] = [];
		const pacer = new Pacer({ now: () => 0, sleep: async (ms) => void waits.push(ms) });
		await Promise.all([pacer.acquire(20), pacer.acquire(10), pacer.acquire(20)]);
		// 0, then 105 ms (10/s), then 105 + 53 ms (20/s)
		expect(waits).toEqual([105, 158]);
	});

	it("holds a fast caller to its own limit after a slow caller's late send", async () => {
		// 1.9/s: slots 553 ms apart. Its second send wakes 106 ms late, which a tolerance taken from
		// the slow caller's interval (553 × 2 - 1000) would let stand for the fast one.
		const { clock, sends, runAll } = virtualClock((wake) => (wake === 0 ? 106 : 0));
		const pacer = new Pacer(clock);
		await runAll(async () => {
			for (let i = 0; i < 2; i++) await sendAt(pacer, clock, sends, 1.9);
			for (let i = 0; i < 12; i++) await sendAt(pacer, clock, sends, 10);
		});
		// 10/s: slots 105 ms apart; no second may hold more than ⌈1000/105⌉ = 10 sends.
		expect(busiestSecond(sends)).toBeLessThanOrEqual(10);
	});
});

describe('Pacer with concurrent callers waking late', () => {
	it('checks its slot again on waking, so a late send never bunches with the next', async () => {
		// Six callers at once, 20/s (slots 53 ms apart, tolerance 3.5 ms); the first to sleep wakes
		// 100 ms late, after the slots of the next two.
		const { clock, sends, runAll } = virtualClock((wake) => (wake === 0 ? 100 : 0));
		const pacer = new Pacer(clock);
		await runAll(async () => {
			await Promise.all(Array.from({ length: 6 }, () => sendAt(pacer, clock, sends, 20)));
		});
		expect(sends).toHaveLength(6);
		for (const gap of gaps(sends)) expect(gap).toBeGreaterThanOrEqual(53 - 3.5);
	});
});

describe('paceAccount', () => {
	const secret = 'SECRET-never-in-a-key';

	it('names the account by its key id, never by the secret or the token', () => {
		const account = paceAccount('aliyunApi', {
			accessKeyId: 'LTAI-a',
			accessKeySecret: secret,
			securityToken: secret,
		});
		expect(account).toMatch(/^[0-9a-f]{16}$/);
		expect(account).not.toContain('LTAI');
		expect(account).toBe(paceAccount('aliyunApi', { accessKeyId: 'LTAI-a', accessKeySecret: 'x' }));
		expect(account).not.toBe(paceAccount('aliyunApi', { accessKeyId: 'LTAI-b' }));
		expect(account).not.toBe(paceAccount('huaweiCloudApi', { accessKeyId: 'LTAI-a' }));
	});

	it('names a Huawei password credential by its IAM domain and user, not its password', () => {
		const user = { authType: 'password', domainName: 'd', userName: 'u' };
		expect(paceAccount('huaweiCloudApi', { ...user, password: secret })).toBe(
			paceAccount('huaweiCloudApi', { ...user, password: 'other', accessKeyId: 'stale' }),
		);
		expect(paceAccount('huaweiCloudApi', user)).not.toBe(
			paceAccount('huaweiCloudApi', { ...user, userName: 'v' }),
		);
	});
});
