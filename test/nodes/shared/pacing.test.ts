import { describe, expect, it } from 'vitest';

import {
	DEFAULT_QPS,
	Pacer,
	defaultRequestsPerSecond,
	pacerFor,
} from '../../../nodes/shared/pacing';
import type { PaceKey, PacerClock } from '../../../nodes/shared/pacing';

/** A clock that only moves when something sleeps. */
function fakeClock(start = 1_000_000): PacerClock & { sends: number[] } {
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
): Promise<void> {
	for (let i = 0; i < count; i++) {
		await pacer.acquire();
		clock.sends.push(clock.now());
	}
}

function gaps(times: number[]): number[] {
	return times.slice(1).map((time, i) => time - times[i]);
}

const key: PaceKey = {
	credentialType: 'aliyunApi',
	credentialId: 'c1',
	service: 'vod',
	action: 'SubmitSnapshotJob',
};

describe('defaultRequestsPerSecond', () => {
	it.each([
		['vod', 'SubmitSnapshotJob', 30],
		['vod', 'GetVideoInfo', 100],
		['vod', 'ListSnapshots', DEFAULT_QPS],
		['mts', 'SubmitSnapshotJob', 50],
		['mts', 'QuerySnapshotJobList', 100],
		['huaweiVod', 'GET /v1/{project_id}/asset/thumbnails', DEFAULT_QPS],
	] as const)('%s %s → %i', (service, action, qps) => {
		expect(defaultRequestsPerSecond(service, action)).toBe(qps);
	});
});

describe('Pacer', () => {
	it('spaces 10 sequential sends at least 1000/30 ms apart', async () => {
		const clock = fakeClock();
		await sendThrough(new Pacer(30, clock), clock, 10);
		for (const gap of gaps(clock.sends)) expect(gap).toBeGreaterThanOrEqual(1000 / 30);
		// evenly spaced: 9 intervals of ⌈1000/30 × 1.05⌉ = 35 ms (5% headroom for arrival jitter)
		expect(gaps(clock.sends)).toEqual(Array(9).fill(35));
	});

	it('sends no more than the limit in any one-second window', async () => {
		const clock = fakeClock();
		await sendThrough(new Pacer(50, clock), clock, 120);
		for (let i = 0; i + 50 < clock.sends.length; i++) {
			expect(clock.sends[i + 50] - clock.sends[i]).toBeGreaterThanOrEqual(1000);
		}
	});

	it('keeps the spacing between actual sends when a caller wakes late', async () => {
		let now = 0;
		const sends: number[] = [];
		const lateClock: PacerClock = {
			now: () => now,
			sleep: async (ms: number) => {
				now += ms + (sends.length === 3 ? 20 : 0); // the fourth wake-up is 20 ms late
			},
		};
		const pacer = new Pacer(30, lateClock);
		for (let i = 0; i < 8; i++) {
			await pacer.acquire();
			sends.push(now);
		}
		for (const gap of gaps(sends)) expect(gap).toBeGreaterThanOrEqual(35);
	});

	it('lets the first request through without waiting', async () => {
		const clock = fakeClock(5000);
		await sendThrough(new Pacer(20, clock), clock, 1);
		expect(clock.sends).toEqual([5000]);
	});

	it('queues concurrent callers into distinct slots', async () => {
		const waits: number[] = [];
		const clock: PacerClock = { now: () => 0, sleep: async (ms) => void waits.push(ms) };
		const pacer = new Pacer(20, clock);
		await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire(), pacer.acquire()]);
		// ⌈1000/20 × 1.05⌉ = 53 ms apart
		expect(waits).toEqual([53, 106, 159]);
	});

	it('does not wait when the caller is already slower than the limit', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new Pacer(10, { now: () => now, sleep: async (ms) => void waits.push(ms) });
		await pacer.acquire();
		now += 250;
		await pacer.acquire();
		expect(waits).toEqual([]);
	});

	it('rejects a non-positive limit', () => {
		expect(() => new Pacer(0)).toThrow('requestsPerSecond must be positive');
	});
});

describe('pacerFor', () => {
	it('shares a pacer within one context and key, and separates contexts and actions', () => {
		const contextA = {};
		const contextB = {};
		const first = pacerFor(contextA, key, 30);
		expect(pacerFor(contextA, { ...key }, 30)).toBe(first);
		expect(pacerFor(contextB, key, 30)).not.toBe(first);
		expect(pacerFor(contextA, { ...key, action: 'GetVideoInfo' }, 30)).not.toBe(first);
		expect(pacerFor(contextA, { ...key, credentialId: 'c2' }, 30)).not.toBe(first);
	});
});
