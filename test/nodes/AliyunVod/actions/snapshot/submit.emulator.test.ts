/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import {
	againstEmulator,
	receivedActions,
	runVod,
	startVod,
	VOD_NODE,
	vodErrorMessage,
} from '../../harness';
import type { VodRun } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.setJobDuration(300),
});

function against(run: VodRun = {}): VodRun {
	return againstEmulator(emulator, run);
}

function submitAndWait(extra: Record<string, unknown> = {}) {
	return {
		resource: 'snapshot',
		operation: 'submit',
		videoId: seedVideoIds.normal,
		snapshotSettings: { count: 3, interval: 0 },
		waitForCompletion: true,
		options: { pollInterval: 0.5, maxWaitTime: 10 },
		...extra,
	};
}

function actions(): string[] {
	return receivedActions(emulator);
}

describe('Submit with Wait for Completion against the emulator', () => {
	it('outputs the snapshots of the finished job', async () => {
		const run = await runVod(submitAndWait(), against());
		const output = nodeOutput(run, VOD_NODE);
		expect(output).toHaveLength(3);
		const jobId = String(output[0].json.JobId);
		expect(emulator.vodJob(jobId)?.state).toBe('Success');
		expect(output.map((item) => item.json.Index)).toEqual([1, 2, 3]);
		expect(output.every((item) => item.json.Total === 3 && item.json.JobId === jobId)).toBe(true);
		expect(actions().filter((action) => action === 'SubmitSnapshotJob')).toHaveLength(1);
	});

	it('downloads the sprite sheets of a sprite job as binary items', async () => {
		// 20 snapshots in sheets of 2 x 2 cells = 5 sheets
		const run = await runVod(
			submitAndWait({
				snapshotSettings: { count: 20, interval: 0 },
				sprite: true,
				spriteSnapshotConfig: { columns: 2, lines: 2 },
				downloadImages: true,
			}),
			against(),
		);
		const output = nodeOutput(run, VOD_NODE);
		expect(output).toHaveLength(5);
		for (const item of output) {
			expect(item.binary?.data?.mimeType).toBe('image/jpeg');
			expect(item.binary?.data?.fileName).toMatch(/\.jpg$/);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('fails with the JobId when the job outlasts Max Wait Time, and the job stays in VOD', async () => {
		emulator.setJobDuration(5000);
		const run = await runVod(
			submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 1 } }),
			against(),
		);
		const message = vodErrorMessage(run) ?? '';
		const jobId = /^Snapshot job (\w+) did not complete within 1 seconds$/.exec(message)?.[1];
		expect(jobId).toBeDefined();
		expect(emulator.vodJob(jobId ?? '')?.state).not.toBe('Success');
	});

	it('gives a time-out error item with continue-on-fail and goes on with the next item', async () => {
		emulator.setJobDuration(5000);
		const run = await runVod(
			submitAndWait({ videoId: '={{ $json.id }}', options: { pollInterval: 0.5, maxWaitTime: 1 } }),
			against({
				items: [{ id: seedVideoIds.normal }, { id: seedVideoIds.unicode }],
				onError: 'continueRegularOutput',
			}),
		);
		const output = nodeOutput(run, VOD_NODE);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Snapshot job \w+ did not complete within 1 seconds$/),
			expect.stringMatching(/^Snapshot job \w+ did not complete within 1 seconds$/),
		]);
	});

	it('stops polling when the execution is cancelled', async () => {
		emulator.setJobDuration(60_000);
		const running = await startVod(
			submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 60 } }),
			against(),
		);
		await new Promise((resolve) => setTimeout(resolve, 1200));
		running.cancel();
		await new Promise((resolve) => setTimeout(resolve, 700));
		const polls = actions().filter((action) => action === 'ListSnapshots').length;
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(polls).toBeGreaterThanOrEqual(2);
		expect(actions().filter((action) => action === 'ListSnapshots')).toHaveLength(polls);
	});

	it('reports a download that fails as an error item with continue-on-fail, keeping the other images', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 500,
			match: { path: '/__emulator/media/' },
			count: 1,
		});
		const run = await runVod(
			submitAndWait({ downloadImages: true }),
			against({ onError: 'continueRegularOutput' }),
		);
		const output = nodeOutput(run, VOD_NODE);
		expect(output).toHaveLength(3);
		expect(output[0].json.error).toMatch(/^Could not download snapshot .+\.jpg$/);
		expect(output[0].json.details).toMatchObject({ Index: 1 });
		expect(output.slice(1).map((item) => item.binary?.data?.mimeType)).toEqual([
			'image/jpeg',
			'image/jpeg',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});
});
