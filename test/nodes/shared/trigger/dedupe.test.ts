import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	MAX_REMEMBERED_SCOPES,
	MAX_SEEN_EVENTS,
	rememberEvent,
} from '../../../../nodes/shared/trigger';

/** Each test its own trigger node, so the process memory of one test does not reach another. */
function newScope(): string {
	return `workflow-${randomUUID()}/node`;
}

/** What n8n hands a delivery: the stored static data, read afresh from the database. */
function loadedFrom(stored: IDataObject): IDataObject {
	return structuredClone(stored);
}

describe('rememberEvent', () => {
	it('is true the first time and false for a repeat', () => {
		const staticData: IDataObject = {};
		const scope = newScope();

		expect(rememberEvent(staticData, 'a', scope)).toBe(true);
		expect(rememberEvent(staticData, 'a', scope)).toBe(false);
		expect(rememberEvent(staticData, 'b', scope)).toBe(true);
	});

	it(`keeps only the last ${MAX_SEEN_EVENTS} ids, forgetting the oldest`, () => {
		const staticData: IDataObject = {};
		const scope = newScope();
		for (let index = 0; index <= MAX_SEEN_EVENTS; index++) {
			rememberEvent(staticData, `id-${index}`, scope);
		}

		expect(staticData.seenEventIds).toHaveLength(MAX_SEEN_EVENTS);
		expect(rememberEvent(staticData, `id-${MAX_SEEN_EVENTS}`, scope)).toBe(false);
		expect(rememberEvent(staticData, 'id-0', scope)).toBe(true);
	});

	it('assigns a new array so n8n notices the change', () => {
		const staticData: IDataObject = {};
		const scope = newScope();
		rememberEvent(staticData, 'a', scope);
		const before = staticData.seenEventIds;

		rememberEvent(staticData, 'b', scope);

		expect(staticData.seenEventIds).not.toBe(before);
	});

	it('leaves static data untouched for a repeat it already lists', () => {
		const scope = newScope();
		const stored: IDataObject = {};
		rememberEvent(stored, 'a', scope);
		const staticData = loadedFrom(stored);
		const before = staticData.seenEventIds;

		expect(rememberEvent(staticData, 'a', scope)).toBe(false);
		expect(staticData.seenEventIds).toBe(before);
	});

	it('recovers from static data of an unexpected shape', () => {
		const staticData: IDataObject = { seenEventIds: 'corrupt' };

		expect(rememberEvent(staticData, 'a', newScope())).toBe(true);
		expect(staticData.seenEventIds).toEqual(['a']);
	});

	it('sees a repeat delivered while the first delivery of the event is not saved yet', () => {
		const scope = newScope();
		const stored: IDataObject = {};
		const first = loadedFrom(stored);
		const second = loadedFrom(stored);

		expect(rememberEvent(first, 'a', scope)).toBe(true);
		expect(rememberEvent(second, 'a', scope)).toBe(false);
	});

	it('writes the ids the process knows into stale static data, so the database catches up', () => {
		const scope = newScope();
		const stored: IDataObject = {};
		const first = loadedFrom(stored);
		const second = loadedFrom(stored);
		rememberEvent(first, 'a', scope);

		expect(rememberEvent(second, 'b', scope)).toBe(true);
		expect(second.seenEventIds).toEqual(['a', 'b']);

		const repeat = loadedFrom(stored);
		expect(rememberEvent(repeat, 'a', scope)).toBe(false);
		expect(repeat.seenEventIds).toEqual(['a', 'b']);
	});

	it('keeps trigger nodes apart', () => {
		expect(rememberEvent({}, 'a', newScope())).toBe(true);
		expect(rememberEvent({}, 'a', newScope())).toBe(true);
	});

	it(`remembers at most ${MAX_REMEMBERED_SCOPES} trigger nodes, forgetting the least recently used`, () => {
		const scopes = Array.from({ length: MAX_REMEMBERED_SCOPES + 1 }, newScope);
		const [oldest, kept] = scopes;
		rememberEvent({}, 'a', oldest);
		rememberEvent({}, 'a', kept);
		for (const scope of scopes.slice(2)) rememberEvent({}, 'other', scope);
		rememberEvent({}, 'a', kept);

		expect(rememberEvent({}, 'a', oldest)).toBe(true);
	});
});
