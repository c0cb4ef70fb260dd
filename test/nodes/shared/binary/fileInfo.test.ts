import { describe, expect, it } from 'vitest';

import { fileNameFromUrl, mimeTypeFromHeaders } from '../../../../nodes/shared/binary';

describe('fileNameFromUrl', () => {
	it.each([
		['http://image.com/snapshot/sample00001.jpg', 'sample00001.jpg'],
		['https://cdn.example.com/a/b/cover-00002.jpg?auth_key=1-0-0-abc', 'cover-00002.jpg'],
		['https://cdn.example.com/a/%E5%9B%BE%201.jpg', '图 1.jpg'],
		['https://cdn.example.com/', 'snapshot-7.jpg'],
		['not a url', 'snapshot-7.jpg'],
	])('%s → %s', (url, expected) => {
		expect(fileNameFromUrl(url, 'snapshot-7.jpg')).toBe(expected);
	});
});

describe('mimeTypeFromHeaders', () => {
	it.each<[Record<string, string | string[] | undefined>, string]>([
		[{ 'content-type': 'image/png' }, 'image/png'],
		[{ 'content-type': 'image/jpeg; charset=binary' }, 'image/jpeg'],
		[{ 'content-type': ['image/webp'] }, 'image/webp'],
		[{}, 'image/jpeg'],
		[{ 'content-type': '' }, 'image/jpeg'],
	])('%o → %s', (headers, expected) => {
		expect(mimeTypeFromHeaders(headers)).toBe(expected);
	});
});
