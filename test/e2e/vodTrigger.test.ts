/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The example trigger workflow (examples/snapshot-complete-trigger.json) published in a real `n8n start`;
 * the emulator's VOD callback points at its production webhook URL. A signed SnapshotComplete starts
 * exactly one execution; a forged one gets 401 and starts nothing; a repeated delivery starts nothing new,
 * for every event and across a restart. One `n8n start`, restarted once (plus the imports and the publish).
 */
import { createHash, randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedVideoIds } from '../emulator/aliyun/vod/videos';
import type { CallbackDelivery } from '../emulator/aliyun/vod/callbackDelivery';
import { startEmulator, type Emulator } from '../emulator/server';
import { callRpc } from '../emulator/clients/aliyunRpc';
import {
	emulatorCallbackCredential,
	firstDeliveryAnswered,
	getExecutionRun,
	listExecutions,
	loadExample,
	pointVodCallbackAt,
	prepareExample,
	productionWebhookUrl,
	submitOneSnapshot,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
	waitForWebhook,
	waitUntil,
	type ExecutionSummary,
} from '../demo/examples';
import { N8nInstance, nodeJson, type RunningN8n, type WorkflowJson } from './harness';

const WORKFLOW_ID = 'E2eVodTrigger0001';
const SNAPSHOT_COUNT = 3;
/** How long "starts nothing" is watched for: n8n saves a webhook execution well within this. */
const QUIET_PERIOD_MS = 3_000;

let emulator: Emulator;
let n8n: N8nInstance;
let server: RunningN8n;
let workflow: WorkflowJson;
let webhookUrl: string;
let jobId: string;

async function executions(): Promise<ExecutionSummary[]> {
	return await listExecutions(server, WORKFLOW_ID);
}

/** Sends a job's event again and returns that one attempt. */
async function redeliver(id: string): Promise<CallbackDelivery> {
	const attempts = deliveriesOf(id).length;
	expect(await emulator.redeliverCallback(id)).toBe(true);
	const [repeated] = deliveriesOf(id).slice(attempts);
	return repeated;
}

async function executionCountReaches(count: number): Promise<void> {
	await waitUntil(
		async () => ((await executions()).length >= count ? true : undefined),
		30_000,
		`${count} executions`,
	);
}

/** Stops n8n and starts it again on the same port, so the URL VOD signs stays the same. */
async function restartN8n(): Promise<void> {
	const port = server.port;
	await server.stop();
	server = await n8n.start({ env: { N8N_PORT: String(port) } });
	await server.ensureOwnerSession();
	await waitForWebhook(webhookUrl);
}

async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
}

function deliveriesOf(id: string): CallbackDelivery[] {
	return emulator.callbackDeliveries().filter((delivery) => delivery.jobId === id);
}

function forgedSignature(url: string, timestamp: string): string {
	return createHash('md5').update(`${url}|${timestamp}|NotTheAuthKey123`).digest('hex');
}

beforeAll(async () => {
	emulator = await startEmulator({ jobDurationMs: 200 });
	emulator.setCallbackRetryDelay(200);
	n8n = await N8nInstance.create({ label: 'vod-trigger' });
	const callbackKey = emulatorCallbackCredential('E2eVodCbKey0001');
	workflow = prepareExample(loadExample(TRIGGER_EXAMPLE), {
		id: WORKFLOW_ID,
		credentials: [callbackKey],
		webhookId: randomUUID(),
	});
	await n8n.importCredentials([callbackKey]);
	await n8n.importWorkflows([workflow]);
	await n8n.publishWorkflow(WORKFLOW_ID);
	server = await n8n.start();
	await server.ensureOwnerSession();
	webhookUrl = productionWebhookUrl(server, workflow, TRIGGER_NODES.trigger);
	await waitForWebhook(webhookUrl);
	await pointVodCallbackAt(emulator, webhookUrl);
});

afterAll(async () => {
	await n8n?.dispose();
	await emulator?.close();
});

describe('example VOD trigger workflow in real n8n', () => {
	it('starts exactly one execution for a signed SnapshotComplete callback, with the expanded URLs', async () => {
		const submitted = await callRpc<{ SnapshotJob: { JobId: string } }>(
			emulator,
			'SubmitSnapshotJob',
			{
				VideoId: seedVideoIds.normal,
				Count: SNAPSHOT_COUNT,
				Interval: 0,
			},
		);
		jobId = submitted.SnapshotJob.JobId;
		const delivery = await waitUntil(
			async () => deliveriesOf(jobId).find((candidate) => candidate.status === 200),
			30_000,
			'a VOD callback answered 200',
		);
		expect(deliveriesOf(jobId).map((attempt) => attempt.status)).toEqual([200]);
		expect(delivery.status).toBe(200);
		expect(delivery.target).toBe(webhookUrl);
		expect(delivery.headers['x-vod-signature']).toMatch(/^[0-9a-f]{32}$/);

		const [execution] = await waitUntil(
			async () => {
				const list = await executions();
				return list.length > 0 && list.every((item) => item.status === 'success')
					? list
					: undefined;
			},
			30_000,
			'the trigger execution',
		);
		await settle();
		expect(await executions()).toHaveLength(1);
		expect(execution.mode).toBe('webhook');

		const run = await getExecutionRun(server, n8n.installation, execution.id);
		const [event] = nodeJson(run, TRIGGER_NODES.trigger);
		const job = emulator.vodJob(jobId);
		const base = `${emulator.url}/__emulator/media/${jobId}/normal-`;
		const expectedUrls = Array.from(
			{ length: SNAPSHOT_COUNT },
			(_, index) => `${base}${String(index + 1).padStart(5, '0')}.jpg`,
		);
		expect(job?.state).toBe('Success');
		expect(event).toMatchObject({
			EventType: 'SnapshotComplete',
			VideoId: seedVideoIds.normal,
			Status: 'success',
			eventId: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(event.SnapshotInfos).toEqual([
			expect.objectContaining({
				JobId: jobId,
				SnapshotType: 'NormalSnapshot',
				SnapshotCount: SNAPSHOT_COUNT,
				Urls: expectedUrls,
			}),
		]);
		expect(JSON.stringify(event.headers ?? {})).not.toMatch(/x-vod-signature/i);
		expect(nodeJson(run, TRIGGER_NODES.summary)).toEqual([
			expect.objectContaining({
				videoId: seedVideoIds.normal,
				status: 'success',
				jobIds: [jobId],
				imageUrls: expectedUrls,
				imageCount: SNAPSHOT_COUNT,
			}),
		]);
	});

	it('answers a forged callback (wrong signature, or none) with 401 and starts nothing', async () => {
		const before = (await executions()).length;
		const [delivered] = deliveriesOf(jobId);
		const timestamp = String(Math.floor(Date.now() / 1000));
		const forgedBody = JSON.stringify({
			...JSON.parse(delivered.body),
			VideoId: seedVideoIds.unicode,
		});
		const response = await fetch(webhookUrl, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-vod-timestamp': timestamp,
				'x-vod-signature': forgedSignature(webhookUrl, timestamp),
			},
			body: forgedBody,
		});
		expect(response.status).toBe(401);
		const unsigned = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: forgedBody,
		});
		expect(unsigned.status).toBe(401);
		await settle();
		expect(await executions()).toHaveLength(before);
	});

	it('starts nothing new when VOD delivers the same event again', async () => {
		const before = (await executions()).length;
		const attempts = deliveriesOf(jobId).length;
		expect(await emulator.redeliverCallback(jobId)).toBe(true);
		const repeated = deliveriesOf(jobId).slice(attempts);
		expect(repeated).toHaveLength(1);
		// Answered 200 (so VOD stops retrying), and the signature was valid: it is a true duplicate.
		expect(repeated[0].status).toBe(200);
		expect(repeated[0].headers['x-vod-signature']).toMatch(/^[0-9a-f]{32}$/);
		await settle();
		expect(await executions()).toHaveLength(before);
	});

	it('starts one execution per event for A, A, B, B, C, then after a restart C and A again', async () => {
		const before = (await executions()).length;
		const jobs: string[] = [];
		for (const [index, event] of ['A', 'B', 'C'].entries()) {
			const id = await submitOneSnapshot(emulator);
			jobs.push(id);
			const first = await firstDeliveryAnswered(emulator, id, 30_000);
			// The trigger answers before the run starts: well inside VOD's 5 s deadline.
			process.stderr.write(
				`[e2e] callback of event ${event} answered in ${first.durationMs?.toFixed(0)} ms\n`,
			);
			expect(first.durationMs).toBeLessThan(5_000);
			await executionCountReaches(before + index + 1);
			// C is delivered once before the restart: only what n8n saved can recognise it after.
			if (event !== 'C') expect((await redeliver(id)).status).toBe(200);
		}
		await settle();
		expect(await executions()).toHaveLength(before + 3);

		await restartN8n();
		const [a, , c] = jobs;
		expect((await redeliver(c)).status).toBe(200);
		expect((await redeliver(a)).status).toBe(200);
		await settle();

		const list = await executions();
		expect(list).toHaveLength(before + 3);
		const eventIds = await Promise.all(
			list.slice(0, 3).map(async (execution) => {
				const run = await getExecutionRun(server, n8n.installation, execution.id);
				return nodeJson(run, TRIGGER_NODES.trigger)[0]?.eventId;
			}),
		);
		expect(new Set(eventIds).size).toBe(3);
	});
});
