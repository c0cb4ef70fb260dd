import { beforeEach, describe, expect, it, vi } from 'vitest';

import { nodeOutput } from '../../../../support/inProcessN8n';
import { fakeVod, ProviderError, vodCalls } from '../../fakeTransport';
import { runVod, VOD_NODE, vodErrorMessage } from '../../harness';

vi.mock(
	'../../../../../nodes/shared/transport/aliyunRpc',
	async () => await import('../../fakeTransport'),
);

const VIDEO_ID = '93ab850b4f6f4a6a8be07d5a6f5a****';
const video = {
	VideoId: VIDEO_ID,
	Title: 'Demo',
	Status: 'Normal',
	Duration: 135.6,
	CoverURL: 'http://example.aliyundoc.com/snapshot/sample00001.jpg',
	Snapshots: { Snapshot: ['http://example.aliyundoc.com/snapshot/sample00002.jpg'] },
};

beforeEach(() => fakeVod(() => ({ RequestId: 'REQ-GET', Video: video })));

describe('Video → Get (GetVideoInfo)', () => {
	it('sends GetVideoInfo for the Video ID at the documented 100 QPS and outputs the Video with RequestId', async () => {
		const run = await runVod({ resource: 'video', operation: 'get', videoId: VIDEO_ID });
		expect(vodCalls).toEqual([
			{
				product: 'vod',
				action: 'GetVideoInfo',
				params: { VideoId: VIDEO_ID },
				idempotent: true,
				itemIndex: 0,
				maxRequestsPerSecond: 100,
				required: ['Video.VideoId'],
			},
		]);
		expect(nodeOutput(run, VOD_NODE)).toEqual([
			{ json: { ...video, RequestId: 'REQ-GET' }, pairedItem: { item: 0 } },
		]);
	});

	it('gets one video per input item', async () => {
		const run = await runVod(
			{ resource: 'video', operation: 'get', videoId: '={{ $json.id }}' },
			{ items: [{ id: 'a' }, { id: 'b' }] },
		);
		expect(vodCalls.map((call) => [call.params.VideoId, call.itemIndex])).toEqual([
			['a', 0],
			['b', 1],
		]);
		expect(nodeOutput(run, VOD_NODE).map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['Video ID of blanks', { videoId: '={{ " " }}' }, 'Video ID is required'],
		[
			'Max Requests per Second 0',
			{ videoId: VIDEO_ID, options: { maxRequestsPerSecond: 0 } },
			'Max Requests per Second must be at least 0.1 (got 0)',
		],
	])('rejects %s before any request', async (_name, extra, message) => {
		const run = await runVod({ resource: 'video', operation: 'get', ...extra });
		expect(vodErrorMessage(run)).toContain(message);
		expect(vodCalls).toHaveLength(0);
	});

	it('outputs the provider error as an error item with continue-on-fail', async () => {
		fakeVod(() => {
			throw new ProviderError('InvalidVideo.NotFound', 'The video does not exist.', 404, 'REQ-NF');
		});
		const run = await runVod(
			{ resource: 'video', operation: 'get', videoId: 'nope' },
			{ onError: 'continueRegularOutput' },
		);
		expect(nodeOutput(run, VOD_NODE)).toEqual([
			{
				json: {
					error: 'InvalidVideo.NotFound: The video does not exist.',
					details: expect.objectContaining({
						code: 'InvalidVideo.NotFound',
						requestId: 'REQ-NF',
						httpStatus: 404,
					}),
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
