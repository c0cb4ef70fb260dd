/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The Huawei Cloud VOD Trigger in SMN mode, published in a real `n8n start`. The emulator's SMN
 * side serves its certificates over HTTPS with a self-signed certificate that n8n trusts through
 * NODE_EXTRA_CA_CERTS (how a test gives n8n a private CA; the node has no "skip TLS checks"
 * setting). The emulator subscribes the production URL: n8n confirms it; then each finished snapshot
 * task publishes its event: exactly one execution per event, none for a repeat, none for forgeries.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getExecutionRun, listExecutions, waitForWebhook, waitUntil } from '../demo/examples';
import { taskIdOf, vodApi } from '../emulator/clients/huaweiVod';
import type { SmnDelivery } from '../emulator/huawei';
import { SmnEmulator } from '../emulator/huawei/smn/smnEmulator';
import { startEmulator, type Emulator } from '../emulator/server';
import { N8nInstance, nodeJson, type RunningN8n, type WorkflowJson } from './harness';

const WORKFLOW_ID = 'E2eHuaweiSmnTrigger01';
const TRIGGER = 'Huawei Cloud VOD Trigger';
/** How long "starts nothing" is watched for: n8n saves a webhook execution well within this. */
const QUIET_PERIOD_MS = 3_000;

let emulator: Emulator;
let attacker: SmnEmulator;
let caFolder: string;
let n8n: N8nInstance;
let server: RunningN8n;
let webhookUrl: string;

function smnWorkflow(smnHost: string, topicUrn: string): WorkflowJson {
	return {
		id: WORKFLOW_ID,
		name: 'Huawei VOD snapshots via SMN',
		active: false,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER,
				type: 'n8n-nodes-video-snapshots.huaweiCloudVodTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					mode: 'smn',
					events: ['thumbnailComplete'],
					smnExtraHosts: smnHost,
					smnTopicUrns: topicUrn,
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function statuses(delivery: SmnDelivery): Array<number | undefined> {
	return delivery.attempts.map((attempt) => attempt.status);
}

async function executionCount(): Promise<number> {
	return (await listExecutions(server, WORKFLOW_ID)).length;
}

async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
}

beforeAll(async () => {
	emulator = await startEmulator({ jobDurationMs: 200 });
	await emulator.huawei.smn.start();
	attacker = new SmnEmulator(() => Date.now());
	await attacker.start();
	caFolder = await mkdtemp(path.join(tmpdir(), 'smn-ca-'));
	const caFile = path.join(caFolder, 'smn-emulator-ca.pem');
	// The attacker's certificate is trusted for TLS too: only the host allow-list keeps it out.
	await writeFile(caFile, emulator.huawei.smn.caPem + attacker.caPem);
	n8n = await N8nInstance.create({ label: 'huawei-smn', env: { NODE_EXTRA_CA_CERTS: caFile } });
	const workflow = smnWorkflow(emulator.huawei.smn.host, emulator.huawei.smn.topicUrn);
	await n8n.importWorkflows([workflow]);
	await n8n.publishWorkflow(WORKFLOW_ID);
	server = await n8n.start();
	await server.ensureOwnerSession();
	webhookUrl = `${server.baseUrl}/webhook/${workflow.nodes[0].webhookId}/webhook`;
	await waitForWebhook(webhookUrl);
});

afterAll(async () => {
	await n8n?.dispose();
	await attacker?.close();
	await emulator?.close();
	if (caFolder) await rm(caFolder, { recursive: true, force: true });
});

describe('Huawei Cloud VOD Trigger (SMN) in real n8n', () => {
	it('confirms the subscription: n8n fetches the certificate and subscribe_url over HTTPS', async () => {
		const smn = emulator.huawei.smn;
		expect(statuses(await smn.subscribe(webhookUrl))).toEqual([200]);
		expect(smn.subscriptions()).toMatchObject([{ confirmed: true, confirmations: 1 }]);
		expect(smn.requests().map((request) => request.path)).toEqual([
			expect.stringMatching(/^\/smn\/SMN_.*\.pem$/),
			'/smn/subscription/confirm',
		]);
		await settle();
		expect(await executionCount()).toBe(0);
	});

	it('starts exactly one execution for a finished task, none for the repeated message', async () => {
		const smn = emulator.huawei.smn;
		const taskId = taskIdOf(await vodApi(emulator.url).process({ type: 'quantity', quantity: 2 }));
		await emulator.huawei.idle();
		const task = emulator.huawei.tasks().find((candidate) => candidate.taskId === taskId);
		const [notification] = smn.deliveries().filter((delivery) => delivery.type === 'Notification');
		expect(statuses(notification)).toEqual([200]);

		const [execution] = await waitUntil(
			async () => {
				const list = await listExecutions(server, WORKFLOW_ID);
				return list.length > 0 && list.every((item) => item.status === 'success')
					? list
					: undefined;
			},
			30_000,
			'the trigger execution',
		);
		const run = await getExecutionRun(server, n8n.installation, execution.id);
		const [event] = nodeJson(run, TRIGGER);
		expect(event).toMatchObject({
			event_type: 'thumbnailComplete',
			thumbnail_info: { asset_id: task?.assetId, status: 'SUCCEED' },
			snapshots: task?.images,
			eventId: expect.stringMatching(/^[0-9a-f]{64}$/),
		});

		expect(statuses(await smn.redeliver(notification.id))).toEqual([200]);
		await settle();
		expect(await executionCount()).toBe(1);
	});

	it('starts nothing for forgeries: a tampered message (401), a certificate on an untrusted host (403)', async () => {
		const smn = emulator.huawei.smn;
		const genuine = smn.sign('Notification', {
			message: JSON.stringify({
				event_type: 'thumbnailComplete',
				thumbnail_info: { asset_id: 'a1', status: 'SUCCEED' },
			}),
		});
		const tampered = { ...genuine, message: genuine.message.replace('a1', 'a2') };
		expect(statuses(await smn.deliver(webhookUrl, tampered))).toEqual([401]);

		const forged = attacker.sign('Notification', { message: genuine.message });
		expect(statuses(await smn.deliver(webhookUrl, { ...forged, topic_urn: smn.topicUrn }))).toEqual(
			[403],
		);
		expect(attacker.requests()).toEqual([]);

		await settle();
		expect(await executionCount()).toBe(1);
	});
});
