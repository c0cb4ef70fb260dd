import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, receivedActions, runVod, VOD_NODE } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(50) });

async function finishedJob(count: number): Promise<string> {
	const run = await runVod(
		{
			resource: 'snapshot',
			operation: 'submit',
			videoId: seedVideoIds.normal,
			snapshotSettings: { count, interval: 0 },
			waitForCompletion: true,
			options: { pollInterval: 0.5, maxWaitTime: 10 },
		},
		againstEmulator(emulator),
	);
	return String(nodeOutput(run, VOD_NODE)[0].json.JobId);
}

describe('Snapshot → Get Many against the emulator', () => {
	it('returns all 250 snapshots of the latest job in ceil(250/100) = 3 requests', async () => {
		const jobId = await finishedJob(250);
		emulator.clearRequests();
		const run = await runVod(
			{
				resource: 'snapshot',
				operation: 'getAll',
				videoId: seedVideoIds.normal,
				snapshotType: 'NormalSnapshot',
				returnAll: true,
			},
			againstEmulator(emulator),
		);
		expect(receivedActions(emulator)).toEqual(['ListSnapshots', 'ListSnapshots', 'ListSnapshots']);
		const output = nodeOutput(run, VOD_NODE);
		expect(output).toHaveLength(250);
		expect(output.map((item) => item.json.Index)).toEqual(
			Array.from({ length: 250 }, (_, index) => index + 1),
		);
		expect(output.every((item) => item.json.JobId === jobId && item.json.Total === 250)).toBe(true);
	});

	it('returns nothing for a video without snapshots of that type', async () => {
		const run = await runVod(
			{
				resource: 'snapshot',
				operation: 'getAll',
				videoId: seedVideoIds.normal,
				snapshotType: 'SpriteSnapshot',
				returnAll: true,
			},
			againstEmulator(emulator),
		);
		expect(nodeOutput(run, VOD_NODE)).toEqual([]);
	});

	it('downloads the images of a limited list', async () => {
		await finishedJob(5);
		const run = await runVod(
			{
				resource: 'snapshot',
				operation: 'getAll',
				videoId: seedVideoIds.normal,
				snapshotType: 'NormalSnapshot',
				limit: 2,
				downloadImages: true,
			},
			againstEmulator(emulator),
		);
		const output = nodeOutput(run, VOD_NODE);
		expect(output.map((item) => item.json.Index)).toEqual([1, 2]);
		expect(output.map((item) => item.binary?.data?.mimeType)).toEqual(['image/jpeg', 'image/jpeg']);
	});
});
