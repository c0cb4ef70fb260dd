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

/** asset/process without thumbnail_task_id, then the asset's thumbnail_info as `states` says. */
function assetAnswers(states: object[]) {
	let polls = 0;
	return (call: HuaweiWireCall) => {
		if (call.method === 'POST') return { asset_id: ASSET_ID };
		const state = states[Math.min(polls, states.length - 1)];
		polls++;
		return { asset_id: ASSET_ID, thumbnail_info: state };
	};
}

describe('Snapshot → Create, waiting on the asset when VOD returns no task id', () => {
	it('polls asset/details (thumbnail_info) until THUMBNAIL_SUCCEED and outputs the images of the mode', async () => {
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
		const polls = vod.calls().slice(1);
		expect(polls).toHaveLength(2);
		expect(polls[0]).toEqual({
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
});
