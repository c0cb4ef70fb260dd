import { UserError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	chosenValues,
	coerceFields,
	coerceText,
	httpUrlProblem,
} from '../../../../nodes/shared/actions';
import { coerceBoolean, coerceNumber } from '../../../../nodes/shared/actions/parameters';

describe('coerceText', () => {
	it.each([
		['text', 'abc', 'abc'],
		['an integer', 123, '123'],
		['a fraction', 1.5, '1.5'],
	])('gives %s as text', (_name, value, expected) => {
		expect(coerceText('Video ID', value)).toBe(expected);
	});

	it.each([
		[true, 'boolean'],
		[{ a: 1 }, 'object'],
		[[1], 'a list'],
		[Number.NaN, 'number'],
		[null, 'object'],
	])('refuses %j (%s) naming the field', (value, got) => {
		expect(() => coerceText('Video ID', value)).toThrow(
			new UserError(`Video ID must be text (got ${got})`),
		);
	});
});

describe('coerceNumber', () => {
	it.each([
		[50, 50],
		['50', 50],
		[' 2.5 ', 2.5],
		['-3', -3],
		['1e3', 1000],
	])('gives %j as %s', (value, expected) => {
		expect(coerceNumber('Limit', value)).toBe(expected);
	});

	it.each(['', 'ten', '0x10', '5 items', true, {}])('refuses %j naming the field', (value) => {
		expect(() => coerceNumber('Limit', value)).toThrow(/^Limit must be a number \(got /);
	});
});

describe('coerceBoolean', () => {
	it.each([
		[true, true],
		[false, false],
		['true', true],
		['false', false],
		[' FALSE ', false],
		['True', true],
	])('gives %j as %s', (value, expected) => {
		expect(coerceBoolean('Return All', value)).toBe(expected);
	});

	it.each([
		['', '""'],
		['yes', '"yes"'],
		[1, 'number'],
		[null, 'object'],
	])('refuses %j naming the field', (value, got) => {
		expect(() => coerceBoolean('Return All', value)).toThrow(
			new UserError(`Return All must be true or false (got ${got})`),
		);
	});
});

describe('coerceFields', () => {
	it('coerces only the named fields that are set', () => {
		expect(
			coerceFields(
				{ count: '3', width: 640, color: 7, other: '9' },
				{ numbers: { count: 'Count', height: 'Height' }, texts: { color: 'Color' } },
			),
		).toEqual({ count: 3, width: 640, color: '7', other: '9' });
	});

	it('reads an empty number field (its default is empty) as not set, and keeps empty text', () => {
		expect(
			coerceFields(
				{ count: '', width: ' ', height: 360, color: '' },
				{
					numbers: { count: 'Count', width: 'Width', height: 'Height' },
					texts: { color: 'Color' },
				},
			),
		).toEqual({ height: 360, color: '' });
	});
});

describe('httpUrlProblem', () => {
	it.each(['http://example.com', 'HTTPS://example.com/a?b=c', 'hTtP://127.0.0.1:8080/x'])(
		'accepts %s',
		(url) => {
			expect(httpUrlProblem('Callback URL', url, 256)).toBeUndefined();
		},
	);

	it.each(['http:///', 'http://', 'https:///x', 'ftp://example.com', 'example.com', 'http://a b'])(
		'refuses %s',
		(url) => {
			expect(httpUrlProblem('Callback URL', url, 256)).toBe(
				`Callback URL must be an http:// or https:// URL with a host (got "${url}")`,
			);
		},
	);

	it('counts UTF-8 bytes against the cap', () => {
		const url = `https://example.com/${'é'.repeat(5)}`;

		expect(httpUrlProblem('Callback URL', url, 25)).toBe(
			'Callback URL must be at most 25 bytes (got 30)',
		);
	});
});

describe('chosenValues', () => {
	const allowed = ['SUCCEED', 'FAILED'] as const;

	it('keeps the known values in the order given', () => {
		expect(chosenValues(['FAILED', 'SUCCEED'], allowed)).toEqual(['FAILED', 'SUCCEED']);
	});

	it('drops what the node does not know (an expression can yield anything)', () => {
		expect(chosenValues(['PROCESSING', 'FAILED', 3, null], allowed)).toEqual(['FAILED']);
	});

	it('reads anything but a list as no choice', () => {
		expect(chosenValues('SUCCEED', allowed)).toEqual([]);
		expect(chosenValues(undefined, allowed)).toEqual([]);
	});
});
