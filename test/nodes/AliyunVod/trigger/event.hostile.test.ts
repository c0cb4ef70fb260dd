/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import {
	expandSnapshotInfos,
	expandSnapshotUrls,
	MAX_EVENT_URL_CHARS,
	MAX_EVENT_URLS,
} from '../../../../nodes/AliyunVod/trigger/event';

const RULE = 'http://h/s-{SnapshotCount}.jpg';

function info(count: unknown, regular: unknown = RULE) {
	return { SnapshotType: 'NormalSnapshot', SnapshotCount: count, SnapshotRegular: regular };
}

function expandOne(count: unknown, regular: unknown = RULE) {
	const event = expandSnapshotInfos({ SnapshotInfos: [info(count, regular)] });
	return (event.SnapshotInfos as Array<Record<string, unknown>>)[0];
}

describe('SnapshotCount from a hostile callback', () => {
	it.each([
		{ name: '5,000,000', count: 5_000_000 },
		{ name: '2^31 - 1 (signed 32-bit max)', count: 2 ** 31 - 1 },
		{ name: '2^31', count: 2 ** 31 },
		{ name: '2^32 (unsigned 32-bit wrap)', count: 2 ** 32 },
		{ name: '2^32 as a string', count: '4294967296' },
		{ name: '2^53 - 1 (largest safe integer)', count: Number.MAX_SAFE_INTEGER },
		{ name: '2^63 - 1 as a string (signed 64-bit max)', count: '9223372036854775807' },
		{ name: '2^64 - 1 as a string (unsigned 64-bit max)', count: '18446744073709551615' },
	])('lists at most the cap and counts the rest for $name', ({ count }) => {
		const total = Number(count);
		const expanded = expandOne(count);
		const urls = expanded.Urls as string[];

		if (Number.isSafeInteger(total)) {
			expect(urls).toHaveLength(MAX_EVENT_URLS);
			expect(urls[MAX_EVENT_URLS - 1]).toBe('http://h/s-10000.jpg');
			expect(expanded.UrlsOmitted).toBe(total - MAX_EVENT_URLS);
		} else {
			expect(urls).toEqual([]);
		}
	});

	it.each([
		{ name: '-1', count: -1 },
		{ name: '-2^31 (signed 32-bit min)', count: -(2 ** 31) },
		{ name: '-2^63 as a string', count: '-9223372036854775808' },
		{ name: '-0', count: -0 },
		{ name: 'Infinity', count: Infinity },
		{ name: 'NaN', count: Number.NaN },
		{ name: '1e308', count: 1e308 },
		{ name: 'a hexadecimal string', count: '0x10' },
		{ name: 'an exponent string', count: '1e9' },
		{ name: 'true', count: true },
		{ name: 'an array', count: [3] },
	])('lists no URL for $name', ({ count }) => {
		expect(expandSnapshotUrls(RULE, count)).toEqual([]);
		expect(expandOne(count).UrlsOmitted).toBeUndefined();
	});

	it('shares the cap among all SnapshotInfos of one event', () => {
		const event = expandSnapshotInfos({
			SnapshotInfos: [info(MAX_EVENT_URLS - 5), info(2 ** 32), info(7)],
		});
		const infos = event.SnapshotInfos as Array<Record<string, unknown>>;

		expect(infos.map((entry) => (entry.Urls as string[]).length)).toEqual([
			MAX_EVENT_URLS - 5,
			5,
			0,
		]);
		expect(infos.map((entry) => entry.UrlsOmitted)).toEqual([undefined, 2 ** 32 - 5, 7]);
	});

	it('caps the characters of the URLs built from a very long rule', () => {
		const longRule = `http://h/${'a'.repeat(100_000)}-{SnapshotCount}.jpg`;

		const expanded = expandOne(1000, longRule);
		const urls = expanded.Urls as string[];

		expect(urls.length).toBeLessThanOrEqual(MAX_EVENT_URL_CHARS / 100_000);
		expect(urls.length + Number(expanded.UrlsOmitted)).toBe(1000);
	});

	it('expands 2^32 within a few megabytes and milliseconds', () => {
		const before = process.memoryUsage().heapUsed;
		const started = performance.now();

		expandOne(2 ** 32);

		expect(performance.now() - started).toBeLessThan(1000);
		expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
	});
});
