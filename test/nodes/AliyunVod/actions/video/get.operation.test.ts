import type { INodeParameters } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { DOCUMENTED_QPS } from '../../../../../nodes/AliyunVod/transport';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEndpoint, runVod, VOD_NODE, vodErrorMessage } from '../../harness';
import type { VodRun } from '../../harness';
import { ProviderError, vodStandInPerFile } from '../../vodStandIn';
import type { VodStandIn } from '../../vodStandIn';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

async function run(parameters: INodeParameters, options: VodRun = {}) {
	return await runVod(parameters, againstEndpoint(vod.url, options));
}

const VIDEO_ID = '93ab850b4f6f4a6a8be07d5a6f5a****';
const video = {
	VideoId: VIDEO_ID,
	Title: 'Demo',
	Status: 'Normal',
	Duration: 135.6,
	CoverURL: 'http://example.aliyundoc.com/snapshot/sample00001.jpg',
	Snapshots: { Snapshot: ['http://example.aliyundoc.com/snapshot/sample00002.jpg'] },
};

beforeEach(() => vod.answer(() => ({ RequestId: 'REQ-GET', Video: video })));

describe('Video → Get (GetVideoInfo)', () => {
	it('sends GetVideoInfo for the Video ID at the documented 100 QPS and outputs the Video with RequestId', async () => {
		const result = await run({ resource: 'video', operation: 'get', videoId: VIDEO_ID });
		expect(vod.calls()).toEqual([
			{
				method: 'POST',
				path: '/',
				action: 'GetVideoInfo',
				version: '2017-03-21',
				params: { VideoId: VIDEO_ID },
				body: '',
				signed: true,
			},
		]);
		expect(DOCUMENTED_QPS.GetVideoInfo).toBe(100);
		expect(nodeOutput(result, VOD_NODE)).toEqual([
			{ json: { ...video, RequestId: 'REQ-GET' }, pairedItem: { item: 0 } },
		]);
	});

	it('gets one video per input item', async () => {
		const result = await run(
			{ resource: 'video', operation: 'get', videoId: '={{ $json.id }}' },
			{ items: [{ id: 'a' }, { id: 'b' }] },
		);
		expect(vod.calls().map((call) => call.params.VideoId)).toEqual(['a', 'b']);
		expect(nodeOutput(result, VOD_NODE).map((item) => item.pairedItem)).toEqual([
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
		const result = await run({ resource: 'video', operation: 'get', ...extra });
		expect(vodErrorMessage(result)).toContain(message);
		expect(vod.calls()).toHaveLength(0);
	});

	it('outputs the provider error as an error item with continue-on-fail', async () => {
		vod.answer(() => {
			throw new ProviderError('InvalidVideo.NotFound', 'The video does not exist.', 404, 'REQ-NF');
		});
		const result = await run(
			{ resource: 'video', operation: 'get', videoId: 'nope' },
			{ onError: 'continueRegularOutput' },
		);
		expect(nodeOutput(result, VOD_NODE)).toEqual([
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
