/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The Huawei Cloud VOD Polling Trigger active in a real `n8n start` (2.41.1) against the emulator. n8n
 * refuses a sub-minute cron, so the poll times are six fixed-second crons: a poll every 10 seconds.
 * Snapshot tasks created one after another end in the reverse order, across several polls: each
 * starts exactly one execution with one item, and none starts again on the polls that follow.
 */
import type { INode } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { taskIdOf, vodApi } from '../emulator/clients/huaweiVod';
import { startEmulator, type Emulator } from '../emulator/server';
import { getExecutionRun, listExecutions, waitUntil } from '../demo/examples';
import { huaweiAkSkCredential } from './fixtures/clouds';
import {
	credentialRef,
	N8nInstance,
	nodeJson,
	packageNodeType,
	type RunningN8n,
	type WorkflowJson,
} from './harness';

const WORKFLOW_ID = 'E2eHwPolling0001';
const TRIGGER = 'Huawei Cloud VOD Polling Trigger';
const POLL_SECONDS = [0, 10, 20, 30, 40, 50];
/**
 * Created in this order, they end in the reverse one (the first created ends last), 20 s apart: two
 * poll periods, so even a late poll on a busy machine finds one task, and each task starts an
 * execution of its own (a poll that finds several ended tasks starts one execution, an item each).
 */
const TASK_DURATIONS_MS = [60_500, 40_500, 20_500, 500];
/** One poll period and a margin: time for a duplicate execution to show. */
const QUIET_PERIOD_MS = 13_000;

let emulator: Emulator;
let n8n: N8nInstance;
let server: RunningN8n;

function pollingWorkflow(credentialJson: ReturnType<typeof huaweiAkSkCredential>): WorkflowJson {
	const trigger: INode = {
		id: `${WORKFLOW_ID}-0`,
		name: TRIGGER,
		type: packageNodeType('huaweiCloudVodPollingTrigger'),
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			pollTimes: {
				item: POLL_SECONDS.map((second) => ({
					mode: 'custom',
					cronExpression: `${second} * * * * *`,
				})),
			},
			statuses: ['SUCCEED', 'FAILED'],
		},
		credentials: credentialRef(credentialJson),
	};
	return {
		id: WORKFLOW_ID,
		name: 'Huawei VOD polling e2e',
		active: false,
		nodes: [trigger],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function taskListings(): number {
	return emulator.requests().filter((request) => request.rawUrl.includes('/asset/tasks')).length;
}

beforeAll(async () => {
	emulator = await startEmulator();
	n8n = await N8nInstance.create({ label: 'huawei-polling' });
	const credentialJson = huaweiAkSkCredential('E2eHwPollKey01', emulator.url);
	await n8n.importCredentials([credentialJson]);
	await n8n.importWorkflows([pollingWorkflow(credentialJson)]);
	await n8n.publishWorkflow(WORKFLOW_ID);
	server = await n8n.start();
	await server.ensureOwnerSession();
	// The activation polls once: the cursor starts there.
	await waitUntil(async () => (taskListings() > 0 ? true : undefined), 60_000, 'the first poll');
});

afterAll(async () => {
	await n8n?.dispose();
	await emulator?.close();
});

describe('Huawei Cloud VOD Polling Trigger in real n8n', () => {
	it('starts exactly one execution per ended task, tasks ending out of creation order', async () => {
		const api = vodApi(emulator.url);
		const taskIds: string[] = [];
		for (const duration of TASK_DURATIONS_MS) {
			emulator.huawei.setTaskDuration(duration);
			taskIds.push(taskIdOf(await api.process({ type: 'quantity', quantity: 2 })));
		}
		await emulator.huawei.idle();
		const endOrder = [...emulator.huawei.tasks()]
			.sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0))
			.map((task) => task.taskId);
		expect(endOrder).toEqual([...taskIds].reverse());

		await waitUntil(
			async () =>
				(await listExecutions(server, WORKFLOW_ID)).length >= taskIds.length ? true : undefined,
			90_000,
			`${taskIds.length} executions`,
		);

		const pollsBefore = taskListings();
		await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
		expect(taskListings()).toBeGreaterThan(pollsBefore);

		const executions = await listExecutions(server, WORKFLOW_ID);
		expect(executions).toHaveLength(taskIds.length);
		expect(executions.every((execution) => execution.mode === 'trigger')).toBe(true);
		const emitted: string[] = [];
		for (const execution of executions) {
			const run = await getExecutionRun(server, n8n.installation, execution.id);
			const events = nodeJson(run, TRIGGER);
			expect(events).toHaveLength(1);
			for (const event of events) {
				const info = event.thumbnail_info as { task_id: string; status: string };
				expect(info.status).toBe('SUCCEED');
				expect(event.snapshots).toEqual(
					emulator.huawei.tasks().find((task) => task.taskId === info.task_id)?.images,
				);
				expect(event.eventId).toMatch(/^[0-9a-f]{64}$/);
				emitted.push(info.task_id);
			}
		}
		expect([...emitted].sort()).toEqual([...taskIds].sort());
	});
});
