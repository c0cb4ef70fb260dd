import { describe, expect, it } from 'vitest';

import { normalizedVideo } from '../../../../nodes/AliyunVod/helpers/videoInfo';

const url1 = 'http://example.aliyundoc.com/snapshot/sample00001.jpg';
const url2 = 'http://example.aliyundoc.com/snapshot/sample00002.jpg';

describe('normalizedVideo', () => {
	it.each<[string, unknown, unknown]>([
		// The 2021 GetVideoInfo sample: a string that holds a JSON array
		['a JSON-array string', `["${url1}","${url2}"]`, [url1, url2]],
		// The SDK model: an array
		['an array', [url1], [url1]],
		['a string that is not JSON', 'not json', 'not json'],
		['a JSON string that is not an array', '{"a":1}', '{"a":1}'],
	])('keeps Snapshots.Snapshot as a list when VOD sends %s', (_name, snapshot, expected) => {
		const video = { VideoId: 'v1', Title: 'T', Snapshots: { Snapshot: snapshot } };
		expect(normalizedVideo(video)).toEqual({
			VideoId: 'v1',
			Title: 'T',
			Snapshots: { Snapshot: expected },
		});
	});

	it('leaves a video without snapshots unchanged', () => {
		expect(normalizedVideo({ VideoId: 'v1', Status: 'Normal' })).toEqual({
			VideoId: 'v1',
			Status: 'Normal',
		});
	});
});
