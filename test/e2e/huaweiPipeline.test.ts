/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The Huawei Cloud VOD examples in a real n8n 2.41.1 against the emulator, in one `n8n start`:
 *  - examples/huawei-snapshot-pipeline.json, run with `n8n execute`: Snapshot → Create (Quantity) with
 *    Wait for Completion and Download Images → Read/Write Files from Disk;
 *  - examples/huawei-snapshot-trigger.json published: the emulator's MFS callback, signed with the
 *    callback key, starts exactly one execution per event; a forged or tampered delivery is refused and
 *    starts nothing, and a repeated delivery starts nothing new.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiAccessKey } from '../emulator/accounts';
import { vodApi, taskIdOf } from '../emulator/clients/huaweiVod';
import { TINY_JPEG } from '../emulator/core/jpeg';
import { SEEDED_ASSET_IDS } from '../emulator/huawei';
import { mfsAuthSignature, type MfsDelivery } from '../emulator/huawei/mfs/mfsNotifier';
import { startEmulator, type Emulator } from '../emulator/server';
import {
	getExecutionRun,
	listExecutions,
	loadExample,
	prepareExample,
	productionWebhookUrl,
	waitForWebhook,
	waitUntil,
	withPollInterval,
	type ExecutionSummary,
} from '../demo/examples';
import {
	emulatorHuaweiCredential,
	emulatorMfsCallbackCredential,
	HUAWEI_EXAMPLE_QUANTITY,
	HUAWEI_OUTPUT_FOLDER,
	HUAWEI_PIPELINE_EXAMPLE,
	HUAWEI_PIPELINE_NODES,
	HUAWEI_TRIGGER_EXAMPLE,
	HUAWEI_TRIGGER_NODES,
	pointMfsCallbackAt,
} from '../demo/huawei';
import { N8nInstance, nodeItems, nodeJson, type CliRun, type RunningN8n } from './harness';

const PIPELINE_ID = 'E2eHwPipeline0001';
const TRIGGER_ID = 'E2eHwTrigger0001';
/** How long "starts nothing" is watched for: n8n saves a webhook execution well within this. */
const QUIET_PERIOD_MS = 3_000;

let emulator: Emulator;
let n8n: N8nInstance;
let server: RunningN8n;
let outputDir: string;
let webhookUrl: string;
let run: CliRun;
let exitCode: number | null;

async function executions(): Promise<ExecutionSummary[]> {
	return await listExecutions(server, TRIGGER_ID);
}

async function executionCountReaches(count: number): Promise<ExecutionSummary[]> {
	return await waitUntil(
		async () => {
			const found = (await executions()).filter(
				(execution) => execution.status !== 'running' && execution.status !== 'new',
			);
			return found.length >= count ? found : undefined;
		},
		30_000,
		`${count} trigger executions`,
	);
}

async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
}

async function deliveryFor(assetId: string, after = 0): Promise<MfsDelivery> {
	return await waitUntil(
		async () =>
			emulator.huawei
				.deliveries()
				.find(
					(delivery) =>
						delivery.id > after &&
						delivery.event.thumbnail_info.asset_id === assetId &&
						delivery.delivered,
				),
		30_000,
		`the MFS delivery for asset ${assetId}`,
	);
}

/** POSTs an MFS envelope as VOD would, with the given signature headers. */
async function post(message: string, timestamp: string, sign: string): Promise<number> {
	const response = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', auth_timestamp: timestamp, auth_sign: sign },
		body: JSON.stringify({ message }),
	});
	await response.arrayBuffer();
	return response.status;
}

async function summaryOf(executionId: string): Promise<Record<string, unknown>> {
	const stored = await getExecutionRun(server, n8n.installation, executionId);
	return nodeJson(stored, HUAWEI_TRIGGER_NODES.summary)[0] ?? {};
}

beforeAll(async () => {
	emulator = await startEmulator();
	emulator.huawei.setTaskDuration(300);
	outputDir = await mkdtemp(path.join(tmpdir(), 'e2e-huawei-out-'));
	n8n = await N8nInstance.create({
		label: 'huawei-pipeline',
		env: { N8N_RESTRICT_FILE_ACCESS_TO: outputDir },
	});
	const huawei = emulatorHuaweiCredential('E2eHwApiCred01', emulator.url);
	const callbackKey = emulatorMfsCallbackCredential('E2eHwMfsKey01');
	// Poll every 0.5 s instead of the example's 2 s: the task takes 0.3 s here.
	const pipeline = withPollInterval(
		prepareExample(loadExample(HUAWEI_PIPELINE_EXAMPLE), {
			id: PIPELINE_ID,
			credentials: [huawei],
			replaceText: [[HUAWEI_OUTPUT_FOLDER, `${outputDir}/`]],
		}),
		0.5,
	);
	const trigger = prepareExample(loadExample(HUAWEI_TRIGGER_EXAMPLE), {
		id: TRIGGER_ID,
		credentials: [callbackKey],
		webhookId: randomUUID(),
	});
	await n8n.importCredentials([huawei, callbackKey]);
	await n8n.importWorkflows([pipeline, trigger]);
	await n8n.publishWorkflow(TRIGGER_ID);
	server = await n8n.start();
	await server.ensureOwnerSession();
	webhookUrl = productionWebhookUrl(server, trigger, HUAWEI_TRIGGER_NODES.trigger);
	await waitForWebhook(webhookUrl);
	pointMfsCallbackAt(emulator, webhookUrl);
	emulator.clearRequests();
	const result = await n8n.executeWorkflow(PIPELINE_ID, { timeoutMs: 180_000 });
	run = result.run;
	exitCode = result.exitCode;
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await emulator?.close();
	if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

describe('example Huawei snapshot pipeline in real n8n', () => {
	it('runs to success from the Manual Trigger', () => {
		expect(run.data.resultData.error?.message).toBeUndefined();
		expect(run.status).toBe('success');
		expect(exitCode).toBe(0);
		expect(Object.keys(run.data.resultData.runData)).not.toContain('Every Day at 03:00');
	});

	it('creates one Quantity snapshot task with a signed asset/process call, and it finished', () => {
		const creates = emulator
			.requests()
			.filter((request) => request.method === 'POST' && request.rawUrl.includes('/asset/process'));
		expect(creates).toHaveLength(1);
		expect(creates[0].identity).toBe(huaweiAccessKey.accessKeyId);
		expect(creates[0].outcome.status).toBe(200);
		expect(JSON.parse(creates[0].body)).toMatchObject({
			asset_id: SEEDED_ASSET_IDS[0],
			thumbnail: { type: 'quantity', quantity: HUAWEI_EXAMPLE_QUANTITY },
		});
		const tasks = emulator.huawei.tasks();
		expect(tasks).toHaveLength(1);
		expect(tasks[0].status).toBe('SUCCEED');
	});

	it('outputs each snapshot as binary data with its offset and URL, paired with the asset', () => {
		const items = nodeItems(run, HUAWEI_PIPELINE_NODES.create);
		expect(items).toHaveLength(HUAWEI_EXAMPLE_QUANTITY);
		const taskId = emulator.huawei.tasks()[0].taskId;
		for (const item of items) {
			expect(item.json).toMatchObject({
				asset_id: SEEDED_ASSET_IDS[0],
				thumbnail_task_id: taskId,
				offset: expect.any(Number),
				url: expect.stringContaining('/__emulator/huawei-media/'),
			});
			expect(item.pairedItem).toEqual({ item: 0 });
			const binary = item.binary?.data;
			expect(binary?.mimeType).toBe('image/jpeg');
			expect(binary?.fileExtension).toBe('jpg');
			expect(binary?.fileSize).toBe(`${TINY_JPEG.length} B`);
		}
		const downloads = emulator
			.requests()
			.filter(
				(request) =>
					request.method === 'GET' && request.rawUrl.startsWith('/__emulator/huawei-media/'),
			);
		expect(downloads.map((request) => request.outcome.status)).toEqual(
			Array.from({ length: HUAWEI_EXAMPLE_QUANTITY }, () => 200),
		);
	});

	it('writes every image, with its bytes, through Read/Write Files from Disk', async () => {
		const written = nodeItems(run, HUAWEI_PIPELINE_NODES.write);
		expect(written).toHaveLength(HUAWEI_EXAMPLE_QUANTITY);
		const files = (await readdir(outputDir)).sort();
		expect(files).toEqual(
			written
				.map((item) => `${String(item.json.thumbnail_task_id)}-${item.binary?.data.fileName ?? ''}`)
				.sort(),
		);
		for (const file of files)
			expect((await readFile(path.join(outputDir, file))).equals(TINY_JPEG)).toBe(true);
	});
});

describe('example Huawei MFS trigger workflow active in n8n start', () => {
	it("starts exactly one execution for the pipeline's thumbnailComplete, with its snapshot URLs", async () => {
		const delivery = await deliveryFor(SEEDED_ASSET_IDS[0]);
		expect(delivery.attempts.at(-1)?.status).toBe(200);
		const [execution] = await executionCountReaches(1);
		await settle();
		expect(await executions()).toHaveLength(1);
		expect(execution).toMatchObject({ mode: 'webhook', status: 'success' });
		const summary = await summaryOf(execution.id);
		expect(summary).toMatchObject({
			assetId: SEEDED_ASSET_IDS[0],
			status: 'SUCCEED',
			imageCount: HUAWEI_EXAMPLE_QUANTITY,
		});
		expect(summary.imageUrls).toEqual(
			nodeJson(run, HUAWEI_PIPELINE_NODES.create).map((json) => json.url),
		);
	});

	it('starts one more execution for the next event, and only one', async () => {
		const before = emulator.huawei.deliveries().length;
		taskIdOf(
			await vodApi(emulator.url).process({ type: 'quantity', quantity: 2 }, SEEDED_ASSET_IDS[1]),
		);
		await deliveryFor(SEEDED_ASSET_IDS[1], before);
		const [latest] = await executionCountReaches(2);
		await settle();
		expect(await executions()).toHaveLength(2);
		expect(await summaryOf(latest.id)).toMatchObject({
			assetId: SEEDED_ASSET_IDS[1],
			imageCount: 2,
		});
	});

	it('refuses a forged delivery (auth_sign with another key) and a tampered one, starting nothing', async () => {
		const [genuine] = emulator.huawei.deliveries();
		const timestamp = String(Math.floor(Date.now() / 1000));
		const forged = mfsAuthSignature('NotTheMfsAuthKey0001', timestamp, genuine.message);
		expect(await post(genuine.message, timestamp, forged)).toBe(401);
		const tampered = genuine.message.replace(SEEDED_ASSET_IDS[0], SEEDED_ASSET_IDS[2]);
		expect(tampered).not.toBe(genuine.message);
		// Signed as VOD signed the genuine message, with its own timestamp: only the message differs.
		expect(await post(tampered, genuine.headers.auth_timestamp, genuine.headers.auth_sign)).toBe(
			401,
		);
		await settle();
		expect(await executions()).toHaveLength(2);
	});

	it('starts nothing new for a repeated delivery of an event', async () => {
		const [first] = emulator.huawei.deliveries();
		const repeated = await emulator.huawei.redeliver(first.id);
		expect(repeated.attempts.at(-1)?.status).toBeLessThan(300);
		await settle();
		expect(await executions()).toHaveLength(2);
	});
});
