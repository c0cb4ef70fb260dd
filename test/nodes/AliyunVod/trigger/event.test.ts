import { describe, expect, it } from 'vitest';

import { expandSnapshotInfos, expandSnapshotUrls } from '../../../../nodes/AliyunVod/trigger/event';

describe('expandSnapshotUrls', () => {
	it('numbers the documented cover sample 00001 and 00002', () => {
		const regular = 'http://sample/covers/990f3820db2948b5b4a13d65d9a4****-{SnapshotCount}.jpg';

		expect(expandSnapshotUrls(regular, 2)).toEqual([
			'http://sample/covers/990f3820db2948b5b4a13d65d9a4****-00001.jpg',
			'http://sample/covers/990f3820db2948b5b4a13d65d9a4****-00002.jpg',
		]);
	});

	it('pads to five digits and stops at SnapshotCount', () => {
		const urls = expandSnapshotUrls('http://h/s-{SnapshotCount}.jpg', 12);

		expect(urls).toHaveLength(12);
		expect(urls[9]).toBe('http://h/s-00010.jpg');
		expect(urls[11]).toBe('http://h/s-00012.jpg');
	});

	it('replaces every occurrence of the placeholder', () => {
		expect(expandSnapshotUrls('http://h/{SnapshotCount}/s-{SnapshotCount}.jpg', 1)).toEqual([
			'http://h/00001/s-00001.jpg',
		]);
	});

	it('accepts SnapshotCount sent as a numeric string', () => {
		expect(expandSnapshotUrls('http://h/s-{SnapshotCount}.jpg', '2')).toEqual([
			'http://h/s-00001.jpg',
			'http://h/s-00002.jpg',
		]);
	});

	it.each([
		{ name: 'a failed job (count 0)', regular: 'http://h/s-{SnapshotCount}.jpg', count: 0 },
		{ name: 'a missing count', regular: 'http://h/s-{SnapshotCount}.jpg', count: undefined },
		{ name: 'a fractional count', regular: 'http://h/s-{SnapshotCount}.jpg', count: 1.5 },
		{ name: 'no rule', regular: undefined, count: 3 },
	])('gives no URLs for $name', ({ regular, count }) => {
		expect(expandSnapshotUrls(regular, count)).toEqual([]);
	});

	it('keeps a rule without placeholder as its single URL', () => {
		expect(expandSnapshotUrls('http://h/cover.jpg', 1)).toEqual(['http://h/cover.jpg']);
	});
});

describe('expandSnapshotInfos', () => {
	it('adds Urls to every info and keeps the other fields as VOD sent them', () => {
		const event = {
			EventType: 'SnapshotComplete',
			SnapshotInfos: [
				{
					SnapshotType: 'SpriteSnapshot',
					SnapshotCount: 1,
					SnapshotRegular: 'http://h/sp-{SnapshotCount}.jpg',
				},
				{
					SnapshotType: 'NormalSnapshot',
					SnapshotCount: 2,
					SnapshotRegular: 'http://h/n-{SnapshotCount}.jpg',
				},
			],
		};

		expect(expandSnapshotInfos(event)).toEqual({
			EventType: 'SnapshotComplete',
			SnapshotInfos: [
				{ ...event.SnapshotInfos[0], Urls: ['http://h/sp-00001.jpg'] },
				{ ...event.SnapshotInfos[1], Urls: ['http://h/n-00001.jpg', 'http://h/n-00002.jpg'] },
			],
		});
	});

	it('leaves an event without SnapshotInfos unchanged', () => {
		const event = { EventType: 'TranscodeComplete', VideoId: 'v' };

		expect(expandSnapshotInfos(event)).toEqual(event);
	});
});
