import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile } from '../../huaweiStandIn';
import type { HuaweiStandIn, HuaweiWireCall } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

const ASSET_ID = 'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7';
const IMAGES = [
	{ offset: 0, url: 'https://cdn.example.invalid/a/0.jpg' },
	{ offset: 30, url: 'https://cdn.example.invalid/a/30.jpg' },
];

const createAndWait = {
	resource: 'snapshot',
	operation: 'create',
	assetId: ASSET_ID,
	snapshotType: 'quantity',
	quantity: 2,
	waitForCompletion: true,
	options: { pollInterval: 0.5, maxWaitTime: 10, maxRequestsPerSecond: 100 },
};

/** thumbnail_info as asset/details answers it: the status, and the image lists. */
interface AssetState {
	thumbnail_status: string;
	exec_desc?: string;
	[list: string]: unknown;
}

const STATUS_OF_STATE: Record<string, string> = {
	THUMBNAILING: 'PROCESSING',
	THUMBNAIL_SUCCEED: 'SUCCEED',
	THUMBNAIL_FAILED: 'FAILED',
};

const vodTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An earlier snapshot run of the asset, as VOD dates it. */
const EARLIER = vodTime(Date.now() - 3_600_000);

/**
 * asset/tasks before Create: the asset's earlier finished task. asset/process without
 * thumbnail_task_id; then, at each asset/tasks poll, the next of `states`: the task this Create
 * started (listed without task_id) in the matching status, and asset/details answering that
 * thumbnail_info.
 */
function assetAnswers(states: AssetState[]) {
	let polls = 0;
	let created = false;
	const state = () => states[Math.max(0, Math.min(polls, states.length) - 1)];
	return (call: HuaweiWireCall) => {
		if (call.method === 'POST') {
			created = true;
			return { asset_id: ASSET_ID };
		}
		if (call.path.endsWith('/asset/tasks') && !created) {
			const earlier = { type: 'THUMBNAIL', asset_id: ASSET_ID, status: 'SUCCEED' };
			return { results: [{ ...earlier, create_time: EARLIER }], count: 1 };
		}
		if (call.path.endsWith('/asset/tasks')) {
			polls++;
			const task = {
				type: 'THUMBNAIL',
				asset_id: ASSET_ID,
				status: STATUS_OF_STATE[state().thumbnail_status],
				create_time: vodTime(Date.now()),
				description: state().exec_desc ?? '',
			};
			return { results: [task], count: 1 };
		}
		return { asset_id: ASSET_ID, thumbnail_info: state() };
	};
}

describe('Snapshot → Create, waiting on the asset when VOD returns no task id', () => {
	it('polls asset/tasks for the task Create started until SUCCEED, then outputs the images of the mode from asset/details (thumbnail_info)', async () => {
		vod.answer(
			assetAnswers([
				{ thumbnail_status: 'THUMBNAILING' },
				{ thumbnail_status: 'THUMBNAIL_SUCCEED', sample: [], dots: [], quantity: IMAGES },
			]),
		);
		const run = await runHuaweiVod(createAndWait, against(vod.url));
		expect(nodeOutput(run, HW_NODE).map((item) => item.json)).toEqual(
			IMAGES.map((image) => ({ asset_id: ASSET_ID, ...image })),
		);
		const [baseline, create, ...polls] = vod.calls();
		expect(baseline).toEqual({
			method: 'GET',
			path: `/v1/${huaweiProjectId}/asset/tasks`,
			query: [
				['asset_id', ASSET_ID],
				['limit', '100'],
				['type', 'THUMBNAIL'],
			],
			body: undefined,
			signed: true,
		});
		expect(create.method).toBe('POST');
		expect(polls.map((call) => call.path.replace(`/${huaweiProjectId}`, ''))).toEqual([
			'/v1/asset/tasks',
			'/v1/asset/tasks',
			'/v1.0/asset/details',
		]);
		// Since the newest task before Create, in VOD's time, not the n8n host's.
		expect(polls[0].query).toEqual([
			['asset_id', ASSET_ID],
			['create_time_after', EARLIER],
			['limit', '100'],
			['type', 'THUMBNAIL'],
		]);
		expect(polls[2]).toEqual({
			method: 'GET',
			path: `/v1.0/${huaweiProjectId}/asset/details`,
			query: [
				['asset_id', ASSET_ID],
				['categories', 'thumbnail_info'],
			],
			body: undefined,
			signed: true,
		});
	});

	it('reads the images from any list when the one of the mode is empty', async () => {
		vod.answer(assetAnswers([{ thumbnail_status: 'THUMBNAIL_SUCCEED', sample: IMAGES }]));
		const run = await runHuaweiVod(createAndWait, against(vod.url));
		expect(nodeOutput(run, HW_NODE).map((item) => item.json.offset)).toEqual([0, 30]);
	});

	it("fails with VOD's exec_desc when the asset's snapshots end THUMBNAIL_FAILED", async () => {
		vod.answer(
			assetAnswers([{ thumbnail_status: 'THUMBNAIL_FAILED', exec_desc: 'source file broken' }]),
		);
		const run = await runHuaweiVod(
			createAndWait,
			against(vod.url, { onError: 'continueRegularOutput' }),
		);
		const [item] = nodeOutput(run, HW_NODE);
		expect(item.json.error).toBe(
			`VOD reports the snapshots of asset ${ASSET_ID} FAILED: source file broken`,
		);
		expect(item.json.details).toMatchObject({
			jobId: ASSET_ID,
			description: expect.stringContaining(
				`use Asset → Get (Thumbnail Info) with Asset ID ${ASSET_ID}`,
			),
		});
		expect(hwErrorMessage(run)).toBeUndefined();
	});

	it("does not output the asset's previous snapshots while its state is still the last task's THUMBNAIL_SUCCEED", async () => {
		const previous = [{ offset: 5, url: 'https://cdn.example.invalid/a/previous-5.jpg' }];
		const earlier = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		let taskPolls = 0;
		vod.answer((call) => {
			if (call.method === 'POST') return { asset_id: ASSET_ID };
			if (call.path.endsWith('/asset/tasks')) {
				taskPolls++;
				const since = call.query.find(([name]) => name === 'create_time_after')?.[1] ?? '';
				const all = [
					{ asset_id: ASSET_ID, status: 'SUCCEED', create_time: earlier },
					...(taskPolls < 2
						? []
						: [
								{
									asset_id: ASSET_ID,
									status: taskPolls < 3 ? 'PROCESSING' : 'SUCCEED',
									create_time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
								},
							]),
				];
				return { results: all.filter((task) => task.create_time >= since) };
			}
			// The asset keeps its previous snapshots until the new task has ended.
			const done = taskPolls >= 3;
			return {
				asset_id: ASSET_ID,
				thumbnail_info: {
					thumbnail_status: 'THUMBNAIL_SUCCEED',
					quantity: done ? IMAGES : previous,
				},
			};
		});
		const run = await runHuaweiVod(createAndWait, against(vod.url));
		expect(nodeOutput(run, HW_NODE).map((item) => item.json)).toEqual(
			IMAGES.map((image) => ({ asset_id: ASSET_ID, ...image })),
		);
		expect(taskPolls).toBe(3);
	});
});
