import { describe, expect, it } from 'vitest';

import { distinctIds } from '../../../../nodes/shared/trigger/pollingCursor';

describe('distinctIds (the ids of tasks the polling trigger reads without task_id)', () => {
	it('keeps distinct keys as they are', () => {
		expect(distinctIds(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
	});

	it('numbers repeats of one key, so equal events each get an id of their own', () => {
		expect(distinctIds(['a', 'b', 'a', 'a', 'b'])).toEqual(['a', 'b', 'a#1', 'a#2', 'b#1']);
	});

	it('gives the same ids to the same events listed again, and one new id to one more equal event', () => {
		const first = distinctIds(['a', 'a']);
		expect(distinctIds(['a', 'a'])).toEqual(first);
		const next = distinctIds(['a', 'a', 'a']);
		expect(next.filter((id) => !first.includes(id))).toEqual(['a#2']);
	});
});
