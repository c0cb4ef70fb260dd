import { beforeEach, describe, expect, it, vi } from 'vitest';

import { nodeOutput } from '../../../../support/inProcessN8n';
import { fakeVod, ProviderError, vodCalls } from '../../fakeTransport';
import { runVod, VOD_NODE, vodErrorMessage } from '../../harness';
import { submitParameters } from './submitParameters';

vi.mock(
	'../../../../../nodes/shared/transport/aliyunRpc',
	async () => await import('../../fakeTransport'),
);

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';
const submitted = {
	RequestId: '25818875-5F78-4A13-BEF6-D7393642CA58',
	SnapshotJob: { JobId: 'ad90a501b1b94ba6afb72374ad005046' },
};

function submit(extra: Record<string, unknown> = {}) {
	return submitParameters(VIDEO_ID, extra);
}

beforeEach(() => fakeVod(() => submitted));

describe('Snapshot → Submit', () => {
	it('sends SubmitSnapshotJob once, not idempotent, at the documented 30 QPS, and outputs JobId and RequestId', async () => {
		const run = await runVod(submit());
		expect(vodCalls).toEqual([
			{
				product: 'vod',
				action: 'SubmitSnapshotJob',
				params: { VideoId: VIDEO_ID, Count: 3 },
				idempotent: false,
				itemIndex: 0,
				maxRequestsPerSecond: 30,
				required: ['SnapshotJob.JobId'],
				ifOutcomeUnknown: expect.stringContaining('Snapshot → Get Many'),
			},
		]);
		expect(nodeOutput(run, VOD_NODE)).toEqual([
			{
				json: {
					JobId: 'ad90a501b1b94ba6afb72374ad005046',
					RequestId: '25818875-5F78-4A13-BEF6-D7393642CA58',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('builds SpriteSnapshotConfig and UserData JSON from the sections', async () => {
		await runVod(
			submit({
				snapshotSettings: {
					count: 20,
					interval: 0,
					specifiedOffsetTime: 1500,
					width: 320,
					height: 180,
				},
				sprite: true,
				spriteSnapshotConfig: { columns: 5, lines: 4, keepCellPic: 'delete', color: 'White' },
				userData: { callbackUrl: 'https://hooks.example.com/vod', extend: '{"batch":"nightly"}' },
				options: { maxRequestsPerSecond: 5 },
			}),
		);
		expect(vodCalls).toHaveLength(1);
		const { params, maxRequestsPerSecond } = vodCalls[0];
		expect(maxRequestsPerSecond).toBe(5);
		expect(params).toMatchObject({
			VideoId: VIDEO_ID,
			Count: 20,
			Interval: 0,
			SpecifiedOffsetTime: 1500,
			Width: '320',
			Height: '180',
		});
		expect(JSON.parse(String(params.SpriteSnapshotConfig))).toEqual({
			Columns: '5',
			Lines: '4',
			KeepCellPic: 'delete',
			Color: 'White',
			Padding: '0',
			Margin: '0',
		});
		expect(JSON.parse(String(params.UserData))).toEqual({
			MessageCallback: { CallbackURL: 'https://hooks.example.com/vod' },
			Extend: { batch: 'nightly' },
		});
	});

	it('sends only the template for a template submit', async () => {
		await runVod(
			submit({ snapshotSettings: {}, snapshotTemplateId: 'f5b228fe693bf55bd87b789ae0a1b9b4' }),
		);
		expect(vodCalls[0].params).toEqual({
			VideoId: VIDEO_ID,
			SnapshotTemplateId: 'f5b228fe693bf55bd87b789ae0a1b9b4',
		});
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'width out of range',
			{ snapshotSettings: { count: 1, width: 5000 } },
			'Width must be a whole number from 8 to 4096 (got 5000)',
		],
		['no Count or Interval', { snapshotSettings: {} }, 'Set at least one of Count and Interval'],
		[
			'template with Count',
			{ snapshotTemplateId: 'tpl', snapshotSettings: { count: 2 } },
			'Snapshot Template ID cannot be combined with Count',
		],
		[
			'sprite lines 0',
			{ sprite: true, spriteSnapshotConfig: { lines: 0 } },
			'Sprite Lines must be a whole number from 1 to 10000 (got 0)',
		],
		['Extend not JSON', { userData: { extend: '{oops' } }, 'Extend is not a JSON object'],
		['Extend an array', { userData: { extend: '[1]' } }, 'Extend is not a JSON object'],
		[
			'wait interval above max wait',
			{ waitForCompletion: true, options: { maxWaitTime: 5, pollInterval: 10 } },
			'Poll Interval must be from 0.5 seconds to the Max Wait Time (got 10)',
		],
	])('rejects %s before any request', async (_name, extra, message) => {
		const run = await runVod(submit(extra));
		expect(vodErrorMessage(run)).toContain(message);
		expect(vodCalls).toHaveLength(0);
	});

	it('turns a provider error into an error item per failing input item with continue-on-fail', async () => {
		fakeVod((call) => {
			if (call.params.VideoId === 'missing') {
				throw new ProviderError(
					'InvalidVideo.NotFound',
					'The video does not exist.',
					404,
					'REQ-404',
				);
			}
			return submitted;
		});
		const run = await runVod(submit({ videoId: '={{ $json.id }}' }), {
			items: [{ id: VIDEO_ID }, { id: 'missing' }, { id: 'other' }],
			onError: 'continueRegularOutput',
		});
		const output = nodeOutput(run, VOD_NODE);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			error: 'InvalidVideo.NotFound: The video does not exist.',
			details: expect.objectContaining({
				code: 'InvalidVideo.NotFound',
				requestId: 'REQ-404',
				httpStatus: 404,
			}),
		});
		expect(output[2].json.JobId).toBe('ad90a501b1b94ba6afb72374ad005046');
	});

	it('routes the failed item to the error output, merged with its input item', async () => {
		fakeVod(() => {
			throw new ProviderError(
				'Forbidden.IllegalStatus',
				'Status of the video is illegal.',
				400,
				'REQ-400',
			);
		});
		const run = await runVod(submit(), { items: [{ id: 'x' }], onError: 'continueErrorOutput' });
		expect(nodeOutput(run, VOD_NODE, 0)).toEqual([]);
		const [failed] = nodeOutput(run, VOD_NODE, 1);
		expect(failed.json).toMatchObject({
			id: 'x',
			error: 'Forbidden.IllegalStatus: Status of the video is illegal.',
		});
		expect(failed.pairedItem).toEqual({ item: 0 });
	});

	it('fails the node with the provider error and item index without continue-on-fail', async () => {
		fakeVod(() => {
			throw new ProviderError('InvalidVideo.NotFound', 'The video does not exist.', 404, 'REQ-404');
		});
		const run = await runVod(submit(), { items: [{}, {}] });
		expect(vodErrorMessage(run)).toBe('InvalidVideo.NotFound: The video does not exist.');
		expect(vodCalls).toHaveLength(1);
	});
});
