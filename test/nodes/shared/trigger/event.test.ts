import { describe, expect, it } from 'vitest';

import { canonicalJson, parseEventBody } from '../../../../nodes/shared/trigger';

describe('canonicalJson', () => {
	it('sorts keys at every level and keeps array order', () => {
		expect(canonicalJson({ b: [{ z: 1, a: 2 }], a: 'x' })).toBe('{"a":"x","b":[{"a":2,"z":1}]}');
	});
});

describe('parseEventBody', () => {
	it('reads the raw body as UTF-8 JSON', () => {
		expect(parseEventBody(Buffer.from('{"Extend":"测试"}', 'utf8'), undefined)).toEqual({
			Extend: '测试',
		});
	});

	it('falls back to the parsed body when n8n kept no raw body', () => {
		expect(parseEventBody(undefined, { EventType: 'SnapshotComplete' })).toEqual({
			EventType: 'SnapshotComplete',
		});
	});

	it.each(['not json', '[1,2]', '"text"', 'null'])('rejects %s', (body) => {
		expect(parseEventBody(Buffer.from(body), undefined)).toBeUndefined();
	});
});
