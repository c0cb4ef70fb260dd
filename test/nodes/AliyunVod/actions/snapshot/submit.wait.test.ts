/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startImageServer } from '../../../../support/imageServer';
import type { ImageServer } from '../../../../support/imageServer';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { JOB_ID, listSnapshotsPage } from '../../fakeSnapshots';
import { againstEndpoint, runVod, startVod, VOD_NODE, vodErrorMessage } from '../../harness';
import type { VodRun } from '../../harness';
import { vodStandInPerFile } from '../../vodStandIn';
import type { VodHandler, VodStandIn } from '../../vodStandIn';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

async function run(parameters: INodeParameters, options: VodRun = {}) {
	return await runVod(parameters, againstEndpoint(vod.url, options));
}

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';
const OLD_JOB = '00000000000000000000000000000old';

function submitAndWait(extra: Record<string, unknown> = {}) {
	return {
		resource: 'snapshot',
		operation: 'submit',
		videoId: VIDEO_ID,
		snapshotSettings: { count: 3 },
		waitForCompletion: true,
		options: { pollInterval: 0.5, maxWaitTime: 30 },
		...extra,
	};
}

/** The new job shows up in ListSnapshots of `type` from the `readyAfter`-th check on. */
function vodWithJob(
	total: number,
	readyAfter: number,
	type = 'NormalSnapshot',
	urlOf?: (index: number) => string,
): VodHandler {
	let checks = 0;
	return (call) => {
		if (call.action === 'SubmitSnapshotJob')
			return { RequestId: 'REQ-SUBMIT', SnapshotJob: { JobId: JOB_ID } };
		if (call.params.PageSize === '1' && call.params.SnapshotType === type) checks++;
		const ready = call.params.SnapshotType === type && checks >= readyAfter;
		return listSnapshotsPage(call, ready ? total : 1, urlOf, ready ? JOB_ID : OLD_JOB);
	};
}

function listCalls(): Array<[string, number, number]> {
	return vod
		.calls()
		.filter((call) => call.action === 'ListSnapshots')
		.map((call) => [
			call.params.SnapshotType,
			Number(call.params.PageNo),
			Number(call.params.PageSize),
		]);
}

describe('Snapshot → Submit with Wait for Completion', () => {
	it('polls ListSnapshots until the new JobId appears, then outputs all its snapshots', async () => {
		vod.answer(vodWithJob(101, 2));
		const result = await run(submitAndWait());
		expect(listCalls()).toEqual([
			['NormalSnapshot', 1, 1],
			['NormalSnapshot', 1, 1],
			['NormalSnapshot', 1, 100],
			['NormalSnapshot', 2, 100],
		]);
		expect(vod.calls().map((call) => call.action)).toEqual([
			'SubmitSnapshotJob',
			...Array.from({ length: 4 }, () => 'ListSnapshots'),
		]);
		expect(vod.calls().every((call) => call.signed)).toBe(true);
		const output = nodeOutput(result, VOD_NODE);
		expect(output).toHaveLength(101);
		expect(output[0]).toEqual({
			json: expect.objectContaining({ JobId: JOB_ID, Index: 1, Total: 101 }),
			pairedItem: { item: 0 },
		});
	});

	it('waits on SpriteSnapshot for a sprite job', async () => {
		vod.answer(vodWithJob(2, 1, 'SpriteSnapshot'));
		const result = await run(submitAndWait({ sprite: true }));
		expect(listCalls()).toEqual([
			['SpriteSnapshot', 1, 1],
			['SpriteSnapshot', 1, 100],
		]);
		expect(nodeOutput(result, VOD_NODE)).toHaveLength(2);
	});

	it('checks both normal and sprite snapshots for a template job', async () => {
		vod.answer(vodWithJob(1, 1, 'SpriteSnapshot'));
		await run(submitAndWait({ snapshotSettings: {}, snapshotTemplateId: 'tpl-1' }));
		expect(listCalls()).toEqual([
			['NormalSnapshot', 1, 1],
			['SpriteSnapshot', 1, 1],
			['SpriteSnapshot', 1, 100],
		]);
	});

	it('outputs the snapshots of a job the last check, at the Max Wait deadline, finds finished', async () => {
		// Checks at 0 s, 0.5 s and at the 1 s deadline; the job shows up in the third. Listing its
		// snapshots is paced after that check, past the deadline: fetching a finished job's result
		// is not bounded by the wait.
		vod.answer(vodWithJob(3, 3));
		const result = await run(submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 1 } }));
		expect(vodErrorMessage(result)).toBeUndefined();
		expect(nodeOutput(result, VOD_NODE)).toHaveLength(3);
		expect(listCalls()).toEqual([
			['NormalSnapshot', 1, 1],
			['NormalSnapshot', 1, 1],
			['NormalSnapshot', 1, 1],
			['NormalSnapshot', 1, 100],
		]);
	});

	it('fails with the JobId when the job does not show up within Max Wait Time', async () => {
		vod.answer(vodWithJob(1, Number.POSITIVE_INFINITY));
		const result = await run(submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 1 } }));
		expect(vodErrorMessage(result)).toBe(
			`Snapshot job ${JOB_ID} did not complete within 1 seconds`,
		);
		// checks at 0 s, 0.5 s and at the 1 s deadline
		expect(listCalls()).toHaveLength(3);
	});

	it('outputs a time-out error item naming the JobId with continue-on-fail', async () => {
		vod.answer(vodWithJob(1, Number.POSITIVE_INFINITY));
		const result = await run(submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 1 } }), {
			onError: 'continueRegularOutput',
		});
		expect(nodeOutput(result, VOD_NODE)).toEqual([
			{
				json: {
					error: `Snapshot job ${JOB_ID} did not complete within 1 seconds`,
					details: expect.objectContaining({
						description: expect.stringContaining(`Video ID ${VIDEO_ID}`),
					}),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('stops polling when the execution is cancelled', async () => {
		vod.answer(vodWithJob(1, Number.POSITIVE_INFINITY));
		const running = await startVod(
			submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 60 } }),
			againstEndpoint(vod.url),
		);
		await new Promise((resolve) => setTimeout(resolve, 1200));
		running.cancel();
		await new Promise((resolve) => setTimeout(resolve, 600));
		const callsAfterCancel = listCalls().length;
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(callsAfterCancel).toBeGreaterThanOrEqual(2);
		expect(listCalls()).toHaveLength(callsAfterCancel);
	});
});

describe('Snapshot → Submit with Wait and Download Images', () => {
	let images: ImageServer;
	beforeAll(async () => {
		images = await startImageServer();
	});
	afterAll(async () => await images.close());

	it('downloads the finished sprite sheets as binary items paired to the input item', async () => {
		vod.answer(
			vodWithJob(
				2,
				1,
				'SpriteSnapshot',
				(index) => `${images.url}/img/sprite-0000${index}.jpg?size=64`,
			),
		);
		const result = await run(submitAndWait({ sprite: true, downloadImages: true }), {
			items: [{ a: 1 }],
		});
		const output = nodeOutput(result, VOD_NODE);
		expect(output.map((item) => item.binary?.data?.fileName)).toEqual([
			'sprite-00001.jpg',
			'sprite-00002.jpg',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(images.requests).toEqual(['/img/sprite-00001.jpg', '/img/sprite-00002.jpg']);
	});
});
