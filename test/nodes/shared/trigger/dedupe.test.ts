import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { MAX_SEEN_EVENTS, rememberEvent } from '../../../../nodes/shared/trigger';

describe('rememberEvent', () => {
	it('is true the first time and false for a repeat', () => {
		const staticData: IDataObject = {};

		expect(rememberEvent(staticData, 'a')).toBe(true);
		expect(rememberEvent(staticData, 'a')).toBe(false);
		expect(rememberEvent(staticData, 'b')).toBe(true);
	});

	it(`keeps only the last ${MAX_SEEN_EVENTS} ids, forgetting the oldest`, () => {
		const staticData: IDataObject = {};
		for (let index = 0; index <= MAX_SEEN_EVENTS; index++) rememberEvent(staticData, `id-${index}`);

		expect(staticData.seenEventIds).toHaveLength(MAX_SEEN_EVENTS);
		expect(rememberEvent(staticData, `id-${MAX_SEEN_EVENTS}`)).toBe(false);
		expect(rememberEvent(staticData, 'id-0')).toBe(true);
	});

	it('assigns a new array so n8n notices the change', () => {
		const staticData: IDataObject = {};
		rememberEvent(staticData, 'a');
		const before = staticData.seenEventIds;

		rememberEvent(staticData, 'b');

		expect(staticData.seenEventIds).not.toBe(before);
	});

	it('recovers from static data of an unexpected shape', () => {
		const staticData: IDataObject = { seenEventIds: 'corrupt' };

		expect(rememberEvent(staticData, 'a')).toBe(true);
		expect(staticData.seenEventIds).toEqual(['a']);
	});
});
