import { describe, expect, it } from 'vitest';

import { utcSeconds } from '../../../nodes/shared/time';

describe('utcSeconds', () => {
	it.each([
		['2020-01-02T03:04:05.678Z', '2020-01-02T03:04:05Z'],
		['2100-01-01T00:00:00+08:00', '2099-12-31T16:00:00Z'],
		['2026-12-06', '2026-12-06T00:00:00Z'],
	])('gives %s as %s', (text, expected) => {
		expect(utcSeconds(text)).toBe(expected);
	});

	it.each(['', 'soon', '2026-13-45T99:00:00Z'])('gives undefined for %j', (text) => {
		expect(utcSeconds(text)).toBeUndefined();
	});
});
