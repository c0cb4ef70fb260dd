import { describe, expect, it } from 'vitest';

import { eventOutput, vodEventOf } from '../../../../nodes/HuaweiCloudVod/trigger/event';

describe('MFS event reading', () => {
	it('unwraps the envelope whose message is the event JSON, and keeps a bare event as it is', () => {
		const event = { event_type: 'createComplete', create_info: { asset_id: 'a' } };
		expect(vodEventOf({ message: JSON.stringify(event) })).toEqual(event);
		expect(vodEventOf(event)).toEqual(event);
		// a message that is no JSON object leaves the body as it is
		expect(vodEventOf({ message: '[1,2]' })).toEqual({ message: '[1,2]' });
	});

	it('flattens snapshot lists (sample, dots, quantity) and cover_urls into snapshots', () => {
		expect(
			eventOutput({
				event_type: 'thumbnailComplete',
				thumbnail_info: {
					sample: [{ offset: 0, url: 'https://cdn/s0.jpg' }],
					dots: [{ offset: 7, url: 'https://cdn/d7.jpg' }],
					quantity: [{ offset: 30, url: 'https://cdn/q30.jpg' }, { broken: true }],
				},
			}).snapshots,
		).toEqual([
			{ offset: 0, url: 'https://cdn/s0.jpg' },
			{ offset: 7, url: 'https://cdn/d7.jpg' },
			{ offset: 30, url: 'https://cdn/q30.jpg' },
		]);
		expect(
			eventOutput({
				event_type: 'coverComplete',
				cover_info: { cover_urls: [{ offset: 1, url: 'https://cdn/c.jpg' }] },
			}).snapshots,
		).toEqual([{ offset: 1, url: 'https://cdn/c.jpg' }]);
		expect(eventOutput({ event_type: 'reviewComplete', review_info: {} }).snapshots).toEqual([]);
	});
});
