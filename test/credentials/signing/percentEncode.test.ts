import { describe, expect, it } from 'vitest';

import {
	encodeQuery,
	encodeSortedQuery,
	percentEncode,
} from '../../../credentials/signing/percentEncode';

describe('percentEncode', () => {
	// Table from aliyun.md section a (RFC 3986, upper-case hex, UTF-8 bytes).
	it.each([
		['AZaz09-_.~', 'AZaz09-_.~'],
		[' ', '%20'],
		['*', '%2A'],
		['+', '%2B'],
		['/', '%2F'],
		['=', '%3D'],
		['&', '%26'],
		[',', '%2C'],
		['!', '%21'],
		["'", '%27'],
		['(', '%28'],
		[')', '%29'],
		[':', '%3A'],
		['截', '%E6%88%AA'],
		['🎬', '%F0%9F%8E%AC'],
	])('encodes %j as %s', (text, encoded) => {
		expect(percentEncode(text)).toBe(encoded);
	});
});

describe('encodeSortedQuery', () => {
	it('sorts by name in byte order, upper case before lower case', () => {
		expect(
			encodeSortedQuery([
				['b', '1'],
				['B', '2'],
				['a', '3'],
			]),
		).toBe('B=2&a=3&b=1');
	});

	it('keeps repeated names in the order given and writes empty values as name=', () => {
		expect(
			encodeSortedQuery([
				['k', 'z'],
				['e', ''],
				['k', 'a'],
			]),
		).toBe('e=&k=z&k=a');
	});

	it('encodes names and values', () => {
		expect(encodeSortedQuery([['a b', 'c&d']])).toBe('a%20b=c%26d');
	});
});

describe('encodeQuery', () => {
	it('keeps the order given', () => {
		expect(
			encodeQuery([
				['b', '1 2'],
				['a', '*'],
			]),
		).toBe('b=1%202&a=%2A');
	});
});
