import type { INodeParameters } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { DOCUMENTED_QPS } from '../../../../../nodes/AliyunVod/transport';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEndpoint, runVod, VOD_NODE, vodErrorMessage } from '../../harness';
import type { VodRun } from '../../harness';
import { ProviderError, vodStandInPerFile } from '../../vodStandIn';
import type { VodStandIn } from '../../vodStandIn';
import { submitParameters } from './submitParameters';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

async function run(parameters: INodeParameters, options: VodRun = {}) {
	return await runVod(parameters, againstEndpoint(vod.url, options));
}

/** SubmitSnapshotJob as it goes on the wire: a signed POST to / with the parameters in the query. */
function submitCall(params: Record<string, string>) {
	return {
		method: 'POST',
		path: '/',
		action: 'SubmitSnapshotJob',
		version: '2017-03-21',
		params,
		body: '',
		signed: true,
	};
}

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';
const submitted = {
	RequestId: '25818875-5F78-4A13-BEF6-D7393642CA58',
	SnapshotJob: { JobId: 'ad90a501b1b94ba6afb72374ad005046' },
};

function submit(extra: Record<string, unknown> = {}) {
	return submitParameters(VIDEO_ID, extra);
}

beforeEach(() => vod.answer(() => submitted));

describe('Snapshot → Submit', () => {
	it('sends SubmitSnapshotJob once, signed, and outputs JobId and RequestId', async () => {
		const result = await run(submit());
		expect(vod.calls()).toEqual([submitCall({ VideoId: VIDEO_ID, Count: '3' })]);
		expect(nodeOutput(result, VOD_NODE)).toEqual([
			{
				json: {
					JobId: 'ad90a501b1b94ba6afb72374ad005046',
					RequestId: '25818875-5F78-4A13-BEF6-D7393642CA58',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('paces SubmitSnapshotJob at the documented 30 QPS', () => {
		// VOD's QPS limits page; the transport paces each action at this rate unless overridden
		expect(DOCUMENTED_QPS.SubmitSnapshotJob).toBe(30);
	});

	it('does not re-send a Submit whose answer was a 500: its outcome is unknown (not idempotent)', async () => {
		vod.answer(() => {
			throw new ProviderError(
				'InternalError',
				'The request processing has failed.',
				500,
				'REQ-500',
			);
		});
		const result = await run(submit());
		expect(vodErrorMessage(result)).toBe(
			'InternalError: The request processing has failed. The outcome of SubmitSnapshotJob is unknown: the snapshot job may have been created. Check with Snapshot → Get Many for this video before running again.',
		);
		expect(vod.calls()).toHaveLength(1);
	});

	it('paces Submits to the Max Requests per Second option', async () => {
		await run(submit({ videoId: '={{ $json.id }}', options: { maxRequestsPerSecond: 5 } }), {
			items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
		});
		expect(vod.calls().map((call) => call.params.VideoId)).toEqual(['a', 'b', 'c', 'd']);
		// 5 per second: slots 210 ms apart, 630 ms from first to last. One arrival can lag its send
		// by tens of ms on a loaded machine (seen: 2 sends arriving 128 ms apart), so the bound is
		// on the span of four, not one gap.
		const arrivals = vod.arrivals();
		expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThanOrEqual(520);
	});

	it('builds SpriteSnapshotConfig and UserData JSON from the sections', async () => {
		await run(
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
		expect(vod.calls()).toHaveLength(1);
		const [{ params, signed }] = vod.calls();
		expect(signed).toBe(true);
		expect(params).toMatchObject({
			VideoId: VIDEO_ID,
			Count: '20',
			Interval: '0',
			SpecifiedOffsetTime: '1500',
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

	it('sends no Count, Width, Height or cell size for fields added and left empty', async () => {
		await run(
			submit({
				snapshotSettings: { count: '', interval: 5, width: '', height: '' },
				sprite: true,
				spriteSnapshotConfig: { cellWidth: '', cellHeight: '' },
			}),
		);
		const [{ params }] = vod.calls();
		expect(params).toMatchObject({ VideoId: VIDEO_ID, Interval: '5' });
		expect(params).not.toHaveProperty('Width');
		expect(params).not.toHaveProperty('Height');
		expect(params).not.toHaveProperty('Count');
		const sprite = JSON.parse(String(params.SpriteSnapshotConfig)) as Record<string, string>;
		expect(sprite).not.toHaveProperty('CellWidth');
		expect(sprite).not.toHaveProperty('CellHeight');
	});

	it('sends only the template for a template submit', async () => {
		await run(
			submit({ snapshotSettings: {}, snapshotTemplateId: 'f5b228fe693bf55bd87b789ae0a1b9b4' }),
		);
		expect(vod.calls()[0].params).toEqual({
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
		const result = await run(submit(extra));
		expect(vodErrorMessage(result)).toContain(message);
		expect(vod.calls()).toHaveLength(0);
	});

	it('turns a provider error into an error item per failing input item with continue-on-fail', async () => {
		vod.answer((call) => {
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
		const result = await run(submit({ videoId: '={{ $json.id }}' }), {
			items: [{ id: VIDEO_ID }, { id: 'missing' }, { id: 'other' }],
			onError: 'continueRegularOutput',
		});
		const output = nodeOutput(result, VOD_NODE);
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
		vod.answer(() => {
			throw new ProviderError(
				'Forbidden.IllegalStatus',
				'Status of the video is illegal.',
				400,
				'REQ-400',
			);
		});
		const result = await run(submit(), { items: [{ id: 'x' }], onError: 'continueErrorOutput' });
		expect(nodeOutput(result, VOD_NODE, 0)).toEqual([]);
		const [failed] = nodeOutput(result, VOD_NODE, 1);
		expect(failed.json).toMatchObject({
			id: 'x',
			error: 'Forbidden.IllegalStatus: Status of the video is illegal.',
		});
		expect(failed.pairedItem).toEqual({ item: 0 });
	});

	it('fails the node with the provider error and item index without continue-on-fail', async () => {
		vod.answer(() => {
			throw new ProviderError('InvalidVideo.NotFound', 'The video does not exist.', 404, 'REQ-404');
		});
		const result = await run(submit(), { items: [{}, {}] });
		expect(vodErrorMessage(result)).toBe('InvalidVideo.NotFound: The video does not exist.');
		expect(vod.calls()).toHaveLength(1);
	});
});
