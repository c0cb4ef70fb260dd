import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { pollAndComplete, readCursor } from '../../../../nodes/shared/trigger';
import type { CursorPolicy, PolledEvent } from '../../../../nodes/shared/trigger';

const MINUTE = 60_000;
const ACTIVATED = 1_700_000_000_000;
const POLICY: CursorPolicy = { lookbackMs: 0, maxIds: 100 };

function task(id: string, endedAt: number): PolledEvent<string> {
	return { id, time: endedAt, data: id };
}

/** Completion that fails for the ids in `broken` (until the test removes them) and records its calls. */
function enricher(broken: Set<string>) {
	const calls: string[] = [];
	return {
		calls,
		complete: async (event: PolledEvent<string>) => {
			calls.push(event.id);
			if (broken.has(event.id)) throw new Error(`details of ${event.id} unavailable`);
			return await Promise.resolve(`${event.id}+urls`);
		},
	};
}

async function poll(
	staticData: IDataObject,
	listed: Array<PolledEvent<string>>,
	nowMs: number,
	complete: (event: PolledEvent<string>) => Promise<string>,
	manual = false,
): Promise<string[]> {
	return await pollAndComplete(
		staticData,
		{
			nowMs,
			manual,
			policy: POLICY,
			fetchPage: async (since) =>
				await Promise.resolve(listed.filter((event) => since === undefined || event.time >= since)),
		},
		complete,
	);
}

describe('polling cursor with a completion step', () => {
	it('keeps an event whose completion fails for the next poll, and moves past the ones completed before it', async () => {
		const staticData: IDataObject = {};
		const broken = new Set(['b']);
		const { calls, complete } = enricher(broken);
		await poll(staticData, [], ACTIVATED, complete);
		// Lookback 0: only the cursor keeps b from being skipped.
		const listed = [
			task('a', ACTIVATED + MINUTE),
			task('b', ACTIVATED + 2 * MINUTE),
			task('c', ACTIVATED + 3 * MINUTE),
		];

		expect(await poll(staticData, listed, ACTIVATED + 4 * MINUTE, complete)).toEqual(['a+urls']);
		expect(readCursor(staticData, 0).time).toBe(ACTIVATED + MINUTE);
		// c is not tried after b failed: the cursor would have to pass b to keep it.
		expect(calls).toEqual(['a', 'b']);

		broken.clear();
		expect(await poll(staticData, listed, ACTIVATED + 5 * MINUTE, complete)).toEqual([
			'b+urls',
			'c+urls',
		]);
		expect(await poll(staticData, listed, ACTIVATED + 6 * MINUTE, complete)).toEqual([]);
		expect(calls).toEqual(['a', 'b', 'b', 'c']);
	});

	it('throws when the oldest new event cannot be completed, and saves no move', async () => {
		const staticData: IDataObject = {};
		const broken = new Set(['a']);
		const { complete } = enricher(broken);
		await poll(staticData, [], ACTIVATED, complete);
		const before = JSON.stringify(staticData);
		const listed = [task('a', ACTIVATED + MINUTE), task('b', ACTIVATED + 2 * MINUTE)];

		await expect(poll(staticData, listed, ACTIVATED + 3 * MINUTE, complete)).rejects.toThrow(
			'details of a unavailable',
		);
		expect(JSON.stringify(staticData)).toBe(before);

		broken.clear();
		expect(await poll(staticData, listed, ACTIVATED + 4 * MINUTE, complete)).toEqual([
			'a+urls',
			'b+urls',
		]);
	});

	it('completes each event once across polls that list it again, in any completion order', async () => {
		const staticData: IDataObject = {};
		const { calls, complete } = enricher(new Set());
		await poll(staticData, [], ACTIVATED, complete);
		// "early" was created first but ends last; "late" was created later and ends first.
		const late = task('late', ACTIVATED + MINUTE);
		const early = task('early', ACTIVATED + 3 * MINUTE);

		expect(await poll(staticData, [late], ACTIVATED + 2 * MINUTE, complete)).toEqual(['late+urls']);
		expect(await poll(staticData, [early, late], ACTIVATED + 4 * MINUTE, complete)).toEqual([
			'early+urls',
		]);
		expect(await poll(staticData, [early, late], ACTIVATED + 5 * MINUTE, complete)).toEqual([]);
		expect(calls).toEqual(['late', 'early']);
	});

	it('emits no history on the first activation and completes nothing for it', async () => {
		const staticData: IDataObject = {};
		const { calls, complete } = enricher(new Set());

		expect(
			await poll(staticData, [task('old', ACTIVATED - MINUTE)], ACTIVATED, complete),
		).toEqual([]);
		expect(calls).toEqual([]);
		expect(readCursor(staticData, 0)).toEqual({ time: ACTIVATED, since: ACTIVATED, seen: [] });
	});

	it('completes the newest event in manual mode and saves nothing', async () => {
		const staticData: IDataObject = {};
		const { complete } = enricher(new Set());
		const listed = [task('older', ACTIVATED - 2 * MINUTE), task('newest', ACTIVATED - MINUTE)];

		expect(await poll(staticData, listed, ACTIVATED, complete, true)).toEqual(['newest+urls']);
		expect(staticData).toEqual({});
	});
});
