/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { SEEDED_ASSET_IDS } from '../../../../emulator/huawei';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, huaweiEmulatorPerFile, vodCalls } from '../../emulatorRuns';
import {
	HW_NODE,
	hwErrorMessage,
	passwordCredentials,
	runHuaweiVod,
	startHuaweiVod,
} from '../../harness';

let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

const ASSET_ID = SEEDED_ASSET_IDS[0];

function createAndWait(extra: Record<string, unknown> = {}) {
	return {
		resource: 'snapshot',
		operation: 'create',
		assetId: ASSET_ID,
		snapshotType: 'quantity',
		quantity: 3,
		waitForCompletion: true,
		options: { pollInterval: 0.5, maxWaitTime: 10, maxRequestsPerSecond: 100 },
		...extra,
	};
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('Snapshot → Create with Wait for Completion, against the emulator', () => {
	it('polls the task by its id, then outputs its snapshots (offset, URL) from asset/thumbnail/details', async () => {
		const run = await runHuaweiVod(createAndWait(), againstEmulator(emulator));
		const taskId = emulator.huawei.tasks()[0].taskId;
		const output = nodeOutput(run, HW_NODE).map((item) => item.json);
		// quantity 3 over the 60-second seeded video: 0, 20, 40
		expect(output.map((json) => json.offset)).toEqual([0, 20, 40]);
		expect(output[0]).toEqual({
			asset_id: ASSET_ID,
			thumbnail_task_id: taskId,
			offset: 0,
			url: expect.stringMatching(
				new RegExp(`^${emulator.url}/__emulator/huawei-media/${ASSET_ID}/\\d+\\.jpg$`),
			),
		});
		const calls = vodCalls(emulator);
		// The asset's tasks before Create, for the case VOD answers without a task id.
		expect(calls.slice(0, 2)).toEqual(['GET /asset/tasks', 'POST /asset/process']);
		expect(calls.at(-1)).toBe('GET /asset/thumbnail/details');
		expect(calls.slice(2, -1).every((call) => call === 'GET /asset/tasks')).toBe(true);
	});

	it('downloads each snapshot as binary data with Download Images', async () => {
		const run = await runHuaweiVod(
			createAndWait({ downloadImages: true }),
			againstEmulator(emulator),
		);
		const output = nodeOutput(run, HW_NODE);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.binary?.data?.mimeType)).toEqual([
			'image/jpeg',
			'image/jpeg',
			'image/jpeg',
		]);
		expect(output.map((item) => item.json.offset)).toEqual([0, 20, 40]);
	});

	it('reports a download that fails as an error item with continue-on-fail, keeping the other images', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 500,
			match: { path: '/__emulator/huawei-media/' },
			count: 1,
		});
		const run = await runHuaweiVod(
			createAndWait({ downloadImages: true }),
			againstEmulator(emulator, { onError: 'continueRegularOutput' }),
		);
		const output = nodeOutput(run, HW_NODE);
		const taskId = emulator.huawei.tasks()[0].taskId;
		expect(output).toHaveLength(3);
		expect(output[0].json.error).toMatch(/^Could not download snapshot .+\.jpg/);
		expect(output[0].json.details).toMatchObject({ offset: 0, jobId: taskId });
		expect(output.slice(1).map((item) => item.binary?.data?.mimeType)).toEqual([
			'image/jpeg',
			'image/jpeg',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it("fails with VOD's reason when the task ends FAILED, naming the task", async () => {
		emulator.huawei.failNextTask({ error_code: 'VOD.10051', error_msg: 'Internal system error.' });
		const run = await runHuaweiVod(createAndWait(), againstEmulator(emulator));
		const taskId = emulator.huawei.tasks()[0].taskId;
		expect(hwErrorMessage(run)).toBe(
			`VOD reports snapshot task ${taskId} FAILED: Internal system error.`,
		);
	});

	it('fails with the task id and how to resume when the task outlasts Max Wait Time', async () => {
		emulator.huawei.setTaskDuration(60_000);
		const run = await runHuaweiVod(
			createAndWait({ options: { pollInterval: 0.5, maxWaitTime: 1, maxRequestsPerSecond: 100 } }),
			againstEmulator(emulator, { onError: 'continueRegularOutput' }),
		);
		const taskId = emulator.huawei.tasks()[0].taskId;
		const [item] = nodeOutput(run, HW_NODE);
		expect(item.json.error).toBe(`Snapshot task ${taskId} did not complete within 1 seconds`);
		expect(item.json.details).toMatchObject({
			jobId: taskId,
			description: expect.stringContaining(
				`use Snapshot → Get Images with Task ID ${taskId} to get its snapshots later`,
			),
		});
		expect(emulator.huawei.tasks()[0].status).not.toBe('SUCCEED');
	});

	it('stops polling when the execution is cancelled', async () => {
		emulator.huawei.setTaskDuration(60_000);
		const running = await startHuaweiVod(
			createAndWait({ options: { pollInterval: 0.5, maxWaitTime: 60, maxRequestsPerSecond: 100 } }),
			againstEmulator(emulator),
		);
		await sleep(1200);
		running.cancel();
		await sleep(700);
		const polls = vodCalls(emulator).filter((call) => call === 'GET /asset/tasks').length;
		await sleep(1500);
		expect(polls).toBeGreaterThanOrEqual(2);
		expect(vodCalls(emulator).filter((call) => call === 'GET /asset/tasks')).toHaveLength(polls);
	});

	it('works in IAM token mode, signing in again when the token expires while waiting', async () => {
		// Tokens that live 1.5 s: the wait outlasts the first one.
		emulator.huawei.setTokenLifetime(1500);
		emulator.huawei.setTaskDuration(2500);
		const run = await runHuaweiVod(createAndWait(), {
			credentials: passwordCredentials(emulator.url),
		});
		expect(hwErrorMessage(run)).toBeUndefined();
		expect(nodeOutput(run, HW_NODE).map((item) => item.json.offset)).toEqual([0, 20, 40]);
		const refused = emulator.requests().filter((request) => request.outcome.status === 401);
		const signIns = emulator
			.requests()
			.filter(
				(request) => request.method === 'POST' && request.rawUrl.startsWith('/v3/auth/tokens'),
			);
		expect(signIns.length).toBeGreaterThanOrEqual(2);
		expect(refused.length).toBeGreaterThanOrEqual(1);
	});
});
