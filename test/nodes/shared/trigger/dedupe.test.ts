import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	DEDUPE_WINDOW_MS,
	MAX_REMEMBERED_SCOPES,
	MAX_SEEN_EVENTS,
	rememberEvent,
} from '../../../../nodes/shared/trigger';

const NOW = Date.parse('2026-12-06T12:00:00Z');

/** Each test its own trigger node, so the process memory of one test does not reach another. */
function newScope(): string {
	return `workflow-${randomUUID()}/node`;
}

/** What n8n hands a delivery: the stored static data, read afresh from the database. */
function loadedFrom(stored: IDataObject): IDataObject {
	return structuredClone(stored);
}

function seenIds(staticData: IDataObject): unknown[] {
	const value = staticData.seenEvents;
	return Array.isArray(value) ? value.map((event) => (event as IDataObject).id) : [];
}

describe('rememberEvent', () => {
	it('is true the first time and false for a repeat', () => {
		const staticData: IDataObject = {};
		const scope = newScope();

		expect(rememberEvent(staticData, 'a', scope, NOW)).toBe(true);
		expect(rememberEvent(staticData, 'a', scope, NOW + 1000)).toBe(false);
		expect(rememberEvent(staticData, 'b', scope, NOW + 2000)).toBe(true);
	});

	it(`keeps only the last ${MAX_SEEN_EVENTS} ids, forgetting the oldest`, () => {
		const staticData: IDataObject = {};
		const scope = newScope();
		for (let index = 0; index <= MAX_SEEN_EVENTS; index++) {
			rememberEvent(staticData, `id-${index}`, scope, NOW + index);
		}

		expect(staticData.seenEvents).toHaveLength(MAX_SEEN_EVENTS);
		expect(rememberEvent(staticData, `id-${MAX_SEEN_EVENTS}`, scope, NOW + 500)).toBe(false);
		expect(rememberEvent(staticData, 'id-0', scope, NOW + 500)).toBe(true);
	});

	it(`takes an equal event as new once ${DEDUPE_WINDOW_MS / 60_000} minutes passed since the first`, () => {
		const staticData: IDataObject = {};
		const scope = newScope();
		rememberEvent(staticData, 'a', scope, NOW);

		expect(rememberEvent(staticData, 'a', scope, NOW + DEDUPE_WINDOW_MS - 1)).toBe(false);
		expect(rememberEvent(staticData, 'a', scope, NOW + DEDUPE_WINDOW_MS)).toBe(true);
	});

	it('forgets expired ids in the static data it writes', () => {
		const staticData: IDataObject = {};
		const scope = newScope();
		rememberEvent(staticData, 'old', scope, NOW);

		rememberEvent(staticData, 'new', scope, NOW + DEDUPE_WINDOW_MS);

		expect(seenIds(staticData)).toEqual(['new']);
	});

	it('assigns a new array so n8n notices the change', () => {
		const staticData: IDataObject = {};
		const scope = newScope();
		rememberEvent(staticData, 'a', scope, NOW);
		const before = staticData.seenEvents;

		rememberEvent(staticData, 'b', scope, NOW + 1);

		expect(staticData.seenEvents).not.toBe(before);
	});

	it('leaves static data untouched for a repeat it already lists', () => {
		const scope = newScope();
		const stored: IDataObject = {};
		rememberEvent(stored, 'a', scope, NOW);
		const staticData = loadedFrom(stored);
		const before = staticData.seenEvents;

		expect(rememberEvent(staticData, 'a', scope, NOW + 1)).toBe(false);
		expect(staticData.seenEvents).toBe(before);
	});

	it('recovers from static data of an unexpected shape', () => {
		const staticData: IDataObject = { seenEvents: 'corrupt' };

		expect(rememberEvent(staticData, 'a', newScope(), NOW)).toBe(true);
		expect(staticData.seenEvents).toEqual([{ id: 'a', at: NOW }]);
	});

	it('sees a repeat delivered while the first delivery of the event is not saved yet', () => {
		const scope = newScope();
		const stored: IDataObject = {};
		const first = loadedFrom(stored);
		const second = loadedFrom(stored);

		expect(rememberEvent(first, 'a', scope, NOW)).toBe(true);
		expect(rememberEvent(second, 'a', scope, NOW + 1)).toBe(false);
	});

	it('writes the ids the process knows into stale static data, so the database catches up', () => {
		const scope = newScope();
		const stored: IDataObject = {};
		const first = loadedFrom(stored);
		const second = loadedFrom(stored);
		rememberEvent(first, 'a', scope, NOW);

		expect(rememberEvent(second, 'b', scope, NOW + 1)).toBe(true);
		expect(seenIds(second)).toEqual(['a', 'b']);

		const repeat = loadedFrom(stored);
		expect(rememberEvent(repeat, 'a', scope, NOW + 2)).toBe(false);
		expect(seenIds(repeat)).toEqual(['a', 'b']);
	});

	it('keeps the newest ids when another process stored newer ones', () => {
		const scope = newScope();
		const local: IDataObject = {};
		for (let index = 0; index < MAX_SEEN_EVENTS; index++) {
			rememberEvent(local, `local-${index}`, scope, NOW + index);
		}
		const fromOtherProcess: IDataObject = {
			seenEvents: [{ id: 'remote', at: NOW + MAX_SEEN_EVENTS + 10 }],
		};

		rememberEvent(fromOtherProcess, 'next', scope, NOW + MAX_SEEN_EVENTS + 20);

		expect(seenIds(fromOtherProcess)).toContain('remote');
		expect(seenIds(fromOtherProcess)).not.toContain('local-0');
		expect(seenIds(fromOtherProcess).at(-1)).toBe('next');
	});

	it('keeps trigger nodes apart', () => {
		expect(rememberEvent({}, 'a', newScope(), NOW)).toBe(true);
		expect(rememberEvent({}, 'a', newScope(), NOW)).toBe(true);
	});

	it(`remembers at most ${MAX_REMEMBERED_SCOPES} trigger nodes, forgetting the least recently used`, () => {
		const scopes = Array.from({ length: MAX_REMEMBERED_SCOPES + 1 }, newScope);
		const [oldest, kept] = scopes;
		rememberEvent({}, 'a', oldest, NOW);
		rememberEvent({}, 'a', kept, NOW);
		for (const scope of scopes.slice(2)) rememberEvent({}, 'other', scope, NOW);
		rememberEvent({}, 'a', kept, NOW);

		expect(rememberEvent({}, 'a', oldest, NOW)).toBe(true);
	});
});
