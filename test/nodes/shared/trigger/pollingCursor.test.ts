import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	advanceCursor,
	pollWithCursor,
	readCursor,
	selectNew,
	windowStart,
	writeCursor,
} from '../../../../nodes/shared/trigger';
import type { CursorPolicy, PolledEvent } from '../../../../nodes/shared/trigger';

const MINUTE = 60_000;
const ACTIVATED = 1_700_000_000_000;
const POLICY: CursorPolicy = { lookbackMs: 5 * MINUTE, maxIds: 100 };

/** A job as a cloud lists it: created at one time, final (finished) at a later one. */
function job(id: string, finishedAt: number): PolledEvent<{ JobId: string }> {
	return { id, time: finishedAt, data: { JobId: id } };
}

/** A cloud whose job list the test changes between polls; it filters by finish time like an API would. */
function cloud(jobs: Array<PolledEvent<{ JobId: string }>>) {
	const sinceAsked: Array<number | undefined> = [];
	return {
		sinceAsked,
		fetchPage: async (since: number | undefined) => {
			sinceAsked.push(since);
			return jobs.filter((listed) => since === undefined || listed.time >= since);
		},
	};
}

async function poll(
	staticData: IDataObject,
	jobs: Array<PolledEvent<{ JobId: string }>>,
	nowMs: number,
	manual = false,
): Promise<string[]> {
	const emitted = await pollWithCursor(staticData, {
		nowMs,
		manual,
		policy: POLICY,
		fetchPage: cloud(jobs).fetchPage,
	});
	return emitted.map((event) => event.id);
}

/** Static data as n8n stores it between executions: through JSON. */
function reloaded(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

describe('polling cursor', () => {
	it('starts at the first activation, so history does not flood the workflow', async () => {
		const staticData: IDataObject = {};
		const history = [job('old-1', ACTIVATED - 10 * MINUTE), job('old-2', ACTIVATED - 1)];

		expect(await poll(staticData, history, ACTIVATED)).toEqual([]);
		expect(readCursor(staticData, 0)).toEqual({ time: ACTIVATED, since: ACTIVATED, seen: [] });
		// Even inside the lookback window, events before the activation stay history.
		expect(
			await poll(staticData, [...history, job('new', ACTIVATED + MINUTE)], ACTIVATED + 2 * MINUTE),
		).toEqual(['new']);
	});

	it('emits a job created earlier but finished later exactly once', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, [], ACTIVATED);
		// Job A is created first and finishes last; job B is created later and finishes first.
		const b = job('B', ACTIVATED + 1 * MINUTE);
		const a = job('A', ACTIVATED + 3 * MINUTE);

		expect(await poll(staticData, [b], ACTIVATED + 2 * MINUTE)).toEqual(['B']);
		expect(await poll(staticData, [b, a], ACTIVATED + 4 * MINUTE)).toEqual(['A']);
		expect(await poll(staticData, [b, a], ACTIVATED + 5 * MINUTE)).toEqual([]);
	});

	it('emits a job listed only after a later one once, when it is inside the lookback window', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, [], ACTIVATED);
		const later = job('later', ACTIVATED + 4 * MINUTE);
		const lateVisible = job('late-visible', ACTIVATED + 2 * MINUTE);

		expect(await poll(staticData, [later], ACTIVATED + 5 * MINUTE)).toEqual(['later']);
		// The cloud lists the job that finished at minute 2 only now.
		expect(await poll(staticData, [later, lateVisible], ACTIVATED + 6 * MINUTE)).toEqual([
			'late-visible',
		]);
		expect(await poll(staticData, [later, lateVisible], ACTIVATED + 7 * MINUTE)).toEqual([]);
	});

	it('does not emit twice the jobs that share the cursor time', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, [], ACTIVATED);
		const at = ACTIVATED + MINUTE;

		expect(await poll(staticData, [job('x', at)], at)).toEqual(['x']);
		expect(await poll(staticData, [job('x', at), job('y', at)], at + 1)).toEqual(['y']);
	});

	it('emits in time order, and an id listed twice in one page once', async () => {
		const cursor = { time: ACTIVATED, since: ACTIVATED, seen: [] };
		const page = [
			job('c', ACTIVATED + 3),
			job('a', ACTIVATED + 1),
			job('c', ACTIVATED + 3),
			job('b', ACTIVATED + 2),
		];

		expect(selectNew(page, cursor, POLICY).map((event) => event.id)).toEqual(['a', 'b', 'c']);
	});

	it('survives a round trip of the static data through JSON (a restart)', async () => {
		let staticData: IDataObject = {};
		await poll(staticData, [], ACTIVATED);
		const first = job('first', ACTIVATED + MINUTE);
		expect(await poll(staticData, [first], ACTIVATED + 2 * MINUTE)).toEqual(['first']);

		staticData = reloaded(staticData);

		expect(
			await poll(
				staticData,
				[first, job('second', ACTIVATED + 3 * MINUTE)],
				ACTIVATED + 4 * MINUTE,
			),
		).toEqual(['second']);
		expect(reloaded(staticData)).toEqual(staticData);
	});

	it('does not move in manual mode, which returns the newest event as one sample', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, [], ACTIVATED);
		const before = reloaded(staticData);
		const jobs = [
			job('old', ACTIVATED - MINUTE),
			job('newest', ACTIVATED + MINUTE),
			job('mid', ACTIVATED),
		];

		expect(await poll(staticData, jobs, ACTIVATED + 2 * MINUTE, true)).toEqual(['newest']);
		expect(staticData).toEqual(before);
		expect(await poll(staticData, jobs, ACTIVATED + 2 * MINUTE)).toEqual(['mid', 'newest']);
	});

	it('does not move when the fetch fails', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, [], ACTIVATED);
		const before = reloaded(staticData);

		await expect(
			pollWithCursor(staticData, {
				nowMs: ACTIVATED + MINUTE,
				manual: false,
				policy: POLICY,
				fetchPage: async () => {
					throw new Error('throttled');
				},
			}),
		).rejects.toThrow('throttled');
		expect(staticData).toEqual(before);
	});

	it('keeps the activation time when the very first fetch fails, so later events are not lost', async () => {
		const staticData: IDataObject = {};
		await expect(
			pollWithCursor(staticData, {
				nowMs: ACTIVATED,
				manual: false,
				policy: POLICY,
				fetchPage: async () => {
					throw new Error('throttled');
				},
			}),
		).rejects.toThrow('throttled');

		expect(
			await poll(
				staticData,
				[job('finished-during-outage', ACTIVATED + MINUTE)],
				ACTIVATED + 2 * MINUTE,
			),
		).toEqual(['finished-during-outage']);
	});

	it('asks the cloud from the cursor time minus the lookback, never before the activation', async () => {
		const staticData: IDataObject = {};
		const api = cloud([job('j', ACTIVATED + 10 * MINUTE)]);
		const run = (nowMs: number) =>
			pollWithCursor(staticData, {
				nowMs,
				manual: false,
				policy: POLICY,
				fetchPage: api.fetchPage,
			});

		await run(ACTIVATED);
		await run(ACTIVATED + 11 * MINUTE);

		// First poll: from the activation (not 5 minutes before it); it sees the job at minute 10.
		expect(api.sinceAsked).toEqual([ACTIVATED, ACTIVATED + 5 * MINUTE]);
		expect(windowStart(readCursor(staticData, 0), POLICY)).toBe(ACTIVATED + 5 * MINUTE);
	});

	it('forgets ids older than the lookback window and keeps at most maxIds', () => {
		const start = { time: ACTIVATED, since: ACTIVATED, seen: [] };
		const emitted = Array.from({ length: 5 }, (_, index) => ({
			id: `e${index}`,
			time: ACTIVATED + index * MINUTE,
		}));

		const windowed = advanceCursor(start, emitted, POLICY);
		expect(windowed.time).toBe(ACTIVATED + 4 * MINUTE);
		expect(windowed.seen.map((event) => event.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);

		const later = advanceCursor(windowed, [{ id: 'e9', time: ACTIVATED + 9 * MINUTE }], POLICY);
		expect(later.seen.map((event) => event.id)).toEqual(['e4', 'e9']);

		const bounded = advanceCursor(start, emitted, { lookbackMs: 10 * MINUTE, maxIds: 2 });
		expect(bounded.seen.map((event) => event.id)).toEqual(['e3', 'e4']);
	});

	it('starts afresh from static data of an unexpected shape', () => {
		const staticData: IDataObject = { pollingCursor: { time: 'yesterday', seen: 'x' } };

		expect(readCursor(staticData, ACTIVATED)).toEqual({
			time: ACTIVATED,
			since: ACTIVATED,
			seen: [],
		});
		writeCursor(staticData, { time: 1, since: 1, seen: [{ id: 'a', time: 1 }] });
		expect(readCursor(reloaded(staticData), ACTIVATED)).toEqual({
			time: 1,
			since: 1,
			seen: [{ id: 'a', time: 1 }],
		});
	});
});
