import { describe, expect, it } from 'vitest';

import { digitsValue, headerValue } from '../../../nodes/shared/http';

describe('headerValue', () => {
	it('gives the first value of a repeated header, the value of a single one', () => {
		expect(headerValue({ a: ['1', '2'], b: '3' }, 'a')).toBe('1');
		expect(headerValue({ a: ['1', '2'], b: '3' }, 'b')).toBe('3');
		expect(headerValue({}, 'c')).toBeUndefined();
	});
});

describe('digitsValue', () => {
	it.each([
		['120', 120],
		[' 7 ', 7],
		['-1', undefined],
		['1.5', undefined],
		['', undefined],
		[undefined, undefined],
	])('reads %j as %j', (value, expected) => {
		expect(digitsValue(value)).toBe(expected);
	});
});
