/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The package in n8n 2.41.1 queue mode (see ./cluster.ts): `n8n start` + one `n8n worker` + two
 * `n8n webhook` processes behind one load balancer URL, PostgreSQL, Redis, binary data in the database.
 * One shared setup for every case; the cases run in order and each counts only its own executions.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TINY_JPEG } from '../../emulator/core/jpeg';
import { seedVideoIds } from '../../emulator/aliyun/vod/videos';
import type { CallbackDelivery } from '../../emulator/aliyun/vod/callbackDelivery';
import { startEmulator, type Emulator } from '../../emulator/server';
import {
	emulatorAliyunCredential,
	emulatorCallbackCredential,
	EXAMPLE_OUTPUT_FOLDER,
	firstDeliveryAnswered,
	getExecutionRun,
	listExecutions,
	loadExample,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	pointVodCallbackAt,
	prepareExample,
	submitOneSnapshot,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
	waitForWebhook,
	waitUntil,
	type ExecutionSummary,
} from '../../demo/examples';
import { nodeItems, nodeJson, type CliRun, type WorkflowJson } from '../harness';
import { QueueCluster } from './cluster';
import type { ForwardedRequest } from './front';

const TRIGGER_ID = 'E2eQueueTrigger01';
const PIPELINE_ID = 'E2eQueuePipeline1';
const PIPELINE_PATH = 'e2e-queue-pipeline';
const PIPELINE_WEBHOOK = 'Run from Webhook';
const BURST_SIZE = 50;
/** How long "starts nothing more" is watched for once the expected executions are there. */
const QUIET_PERIOD_MS = 3_000;
/** VOD's answer deadline: a slower answer makes real VOD deliver the event again. */
const VOD_DEADLINE_MS = 5_000;

let emulator: Emulator;
let cluster: QueueCluster;
let outputDir: string;
let triggerWorkflow: WorkflowJson;
/** Run data of trigger executions already read, by execution id. */
const triggerRuns = new Map<string, TriggerExecution>();

interface TriggerExecution {
	id: string;
	status: string;
	eventId: string;
	jobId: string;
}

function log(line: string): void {
	process.stderr.write(`[queue] ${line}\n`);
}

/** p50, p95 and max of answer times, for the report. */
function percentiles(durations: number[]): string {
	const sorted = [...durations].sort((a, b) => a - b);
	const at = (fraction: number): number =>
		sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
	const ms = (value: number): string => `${Math.round(value)} ms`;
	return `n=${sorted.length} p50 ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(at(1))}`;
}

/** The example pipeline with a Webhook in place of its Manual Trigger, so that it runs in production mode. */
function pipelineWithWebhook(workflow: WorkflowJson): WorkflowJson {
	const manual = workflow.nodes.find((node) => node.name === PIPELINE_NODES.manualTrigger);
	if (!manual) throw new Error('the pipeline example has no manual trigger');
	const webhook: INode = {
		id: randomUUID(),
		name: PIPELINE_WEBHOOK,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: manual.position,
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path: PIPELINE_PATH,
			responseMode: 'onReceived',
			options: {},
		},
	};
	const connections: IConnections = { ...workflow.connections };
	connections[PIPELINE_WEBHOOK] = connections[PIPELINE_NODES.manualTrigger];
	delete connections[PIPELINE_NODES.manualTrigger];
	const nodes = workflow.nodes.map((node) => {
		const options = node.parameters.options;
		if (typeof options !== 'object' || options === null || Array.isArray(options)) return node;
		// Poll every 0.5 s instead of the example's 2 s: the jobs take 0.3 s here.
		if (!('pollInterval' in options)) return node;
		return {
			...node,
			parameters: { ...node.parameters, options: { ...options, pollInterval: 0.5 } },
		};
	});
	return {
		...workflow,
		nodes: [...nodes.filter((node) => node !== manual), webhook],
		connections,
	};
}

/** The trigger's production URL path, as every webhook process (and the front) serves it. */
function triggerPath(): string {
	const node = triggerWorkflow.nodes.find((candidate) => candidate.name === TRIGGER_NODES.trigger);
	if (!node?.webhookId) throw new Error('the trigger example has no webhookId');
	return `webhook/${node.webhookId}/webhook`;
}

function deliveriesOf(jobId: string): CallbackDelivery[] {
	return emulator.callbackDeliveries().filter((delivery) => delivery.jobId === jobId);
}

const UNFINISHED = ['new', 'running', 'waiting'];

/** Every execution of the trigger workflow, with the event it got (run data read once it finished). */
async function triggerExecutions(): Promise<TriggerExecution[]> {
	const list = await listExecutions(cluster.main, TRIGGER_ID);
	const result: TriggerExecution[] = [];
	for (const summary of list) {
		let execution = triggerRuns.get(summary.id);
		if (!execution || execution.status !== summary.status) {
			execution = await readTriggerExecution(summary);
			if (!UNFINISHED.includes(summary.status)) triggerRuns.set(summary.id, execution);
		}
		result.push(execution);
	}
	return result;
}

async function readTriggerExecution(summary: ExecutionSummary): Promise<TriggerExecution> {
	if (UNFINISHED.includes(summary.status))
		return { id: summary.id, status: summary.status, eventId: '', jobId: '' };
	const run = await getExecutionRun(cluster.main, cluster.n8n.installation, summary.id);
	const [event] = nodeJson(run, TRIGGER_NODES.trigger);
	const infos = Array.isArray(event?.SnapshotInfos) ? event.SnapshotInfos : [];
	const [info] = infos as Array<{ JobId?: unknown }>;
	return {
		id: summary.id,
		status: summary.status,
		eventId: String(event?.eventId ?? ''),
		jobId: String(info?.JobId ?? ''),
	};
}

/**
 * The trigger executions of these jobs, whatever their outcome, once at least `atLeast` of them
 * are there, none of the workflow's executions is unfinished, and nothing new came for QUIET_PERIOD_MS.
 */
async function settledExecutionsOf(jobIds: string[], atLeast: number): Promise<TriggerExecution[]> {
	const wanted = new Set(jobIds);
	const ofJobs = (list: TriggerExecution[]): TriggerExecution[] =>
		list.filter((execution) => wanted.has(execution.jobId));
	const settled = (list: TriggerExecution[]): boolean =>
		list.every((execution) => !UNFINISHED.includes(execution.status));
	await waitUntil(
		async () => {
			const list = await triggerExecutions();
			return settled(list) && ofJobs(list).length >= atLeast ? true : undefined;
		},
		180_000,
		`${atLeast} trigger executions`,
	);
	for (;;) {
		const before = (await triggerExecutions()).length;
		await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
		const after = await triggerExecutions();
		if (after.length === before && settled(after)) {
			const result = ofJobs(after);
			const statuses = countBy(result.map((execution) => execution.status));
			log(`execution statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
			return result;
		}
	}
}

/** Answers other than 200 among forwarded requests, with their bodies, for the report. */
function describeRefusals(requests: ForwardedRequest[]): string {
	const refused = requests.filter((request) => request.status !== 200);
	const bodies = [
		...new Set(refused.map((request) => `${request.status} ${request.body.slice(0, 300)}`)),
	];
	return `${refused.length} of ${requests.length} answers were not 200${bodies.length ? `: ${bodies.join(' | ')}` : ''}`;
}

/** Forwarded requests since `since` (an index into the front's log) to the trigger's path. */
function forwardedSince(since: number): ForwardedRequest[] {
	return cluster.front
		.forwarded()
		.slice(since)
		.filter((request) => request.path.endsWith('/webhook'));
}

function countBy<T>(values: T[]): Map<T, number> {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

/** Starts the pipeline through the front (a webhook process); resolves with its execution. */
async function runPipeline(): Promise<ExecutionSummary> {
	const before = new Set((await listExecutions(cluster.main, PIPELINE_ID)).map((item) => item.id));
	const response = await waitUntil(
		async () => {
			const answer = await fetch(new URL(`webhook/${PIPELINE_PATH}`, cluster.front.url), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await answer.arrayBuffer();
			return answer.status === 404 ? undefined : answer;
		},
		60_000,
		'the pipeline webhook',
	);
	expect(response.status).toBe(200);
	return await waitUntil(
		async () =>
			(await listExecutions(cluster.main, PIPELINE_ID)).find((item) => !before.has(item.id)),
		60_000,
		'the pipeline execution',
	);
}

beforeAll(async () => {
	const started = Date.now();
	emulator = await startEmulator({
		jobDurationMs: 300,
		qpsLimits: { 'vod:SubmitSnapshotJob': 1_000 },
	});
	// Wait as long as n8n takes: the answer times are measured, and no retry muddles the counts.
	emulator.setCallbackTimeout(120_000);
	emulator.setCallbackRetryDelay(200);
	outputDir = await mkdtemp(path.join(tmpdir(), 'e2e-queue-out-'));
	const aliyun = emulatorAliyunCredential('E2eQueueAliyun01', emulator.url);
	const callbackKey = emulatorCallbackCredential('E2eQueueCbKey001');
	triggerWorkflow = prepareExample(loadExample(TRIGGER_EXAMPLE), {
		id: TRIGGER_ID,
		credentials: [callbackKey],
		webhookId: randomUUID(),
	});
	const pipeline = pipelineWithWebhook(
		prepareExample(loadExample(PIPELINE_EXAMPLE), {
			id: PIPELINE_ID,
			credentials: [aliyun],
			replaceText: [[EXAMPLE_OUTPUT_FOLDER, `${outputDir}/`]],
		}),
	);
	cluster = await QueueCluster.start({
		env: { N8N_RESTRICT_FILE_ACCESS_TO: outputDir },
		prepare: async (n8n) => {
			await n8n.importCredentials([aliyun, callbackKey]);
			await n8n.importWorkflows([triggerWorkflow, pipeline]);
			await Promise.all([n8n.publishWorkflow(TRIGGER_ID), n8n.publishWorkflow(PIPELINE_ID)]);
		},
	});
	for (const webhook of cluster.webhooks) {
		await waitForWebhook(new URL(triggerPath(), `${webhook.baseUrl}/`).toString());
	}
	await pointVodCallbackAt(emulator, new URL(triggerPath(), cluster.front.url).toString());
	log(`queue-mode setup took ${Date.now() - started} ms (${JSON.stringify(cluster.timings)})`);
});

afterAll(async () => {
	await cluster?.dispose();
	await emulator?.close();
	if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

describe('queue mode: n8n start + worker + 2 webhook processes, PostgreSQL, Redis', () => {
	it('runs the example pipeline on the worker; main serves its images from the database', async () => {
		const submitsBefore = emulator
			.requests()
			.filter((request) => request.action === 'SubmitSnapshotJob').length;
		const started = await runPipeline();
		const execution = await waitUntil(
			async () => {
				const found = (await listExecutions(cluster.main, PIPELINE_ID)).find(
					(item) => item.id === started.id,
				);
				return found && !['new', 'running'].includes(found.status) ? found : undefined;
			},
			180_000,
			'the pipeline to finish',
		);
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		expect(cluster.worker.log).toContain(`Worker started execution ${execution.id} `);
		expect(cluster.worker.log).toContain(`Worker finished execution ${execution.id} `);
		expect(cluster.main.log).not.toContain(`Worker started execution ${execution.id} `);

		const run: CliRun = await getExecutionRun(cluster.main, cluster.n8n.installation, execution.id);
		const videos = nodeJson(run, PIPELINE_NODES.search).length;
		expect(videos).toBeGreaterThan(1);
		const submits = emulator
			.requests()
			.filter((request) => request.action === 'SubmitSnapshotJob').length;
		expect(submits - submitsBefore).toBe(videos * 2);
		const images = [
			...nodeItems(run, PIPELINE_NODES.sprite),
			...nodeItems(run, PIPELINE_NODES.normal),
		];
		expect(images.length).toBeGreaterThan(0);
		for (const item of images) {
			const binaryId = item.binary?.data.id ?? '';
			expect(binaryId).toMatch(/^database:/);
			const download = await cluster.main.download(
				`/rest/binary-data?id=${encodeURIComponent(binaryId)}&action=download`,
			);
			expect(download.status).toBe(200);
			expect(download.bytes.equals(TINY_JPEG)).toBe(true);
		}
		expect((await readdir(outputDir)).length).toBe(images.length);
	});

	it('starts exactly one execution per event for A, A, B, B, C, C sent to the two webhook processes in turn', async () => {
		const since = cluster.front.forwarded().length;
		const jobIds: string[] = [];
		for (let index = 0; index < 3; index++) {
			const jobId = await submitOneSnapshot(emulator);
			jobIds.push(jobId);
			await firstDeliveryAnswered(emulator, jobId);
			expect(await emulator.redeliverCallback(jobId)).toBe(true);
			expect(deliveriesOf(jobId).map((delivery) => delivery.status)).toEqual([200, 200]);
		}
		const forwarded = forwardedSince(since);
		log(`A-A-B-B-C-C: ${describeRefusals(forwarded)}`);
		expect(forwarded).toHaveLength(6);
		// Each event's two deliveries reached different webhook processes.
		for (let pair = 0; pair < 3; pair++) {
			expect(forwarded[2 * pair].upstream).not.toBe(forwarded[2 * pair + 1].upstream);
		}
		log(`single callbacks (A, A, B, B, C, C): ${percentiles(forwarded.map((r) => r.durationMs))}`);
		log(`first callback: ${Math.round(forwarded[0].durationMs)} ms`);

		const executions = await settledExecutionsOf(jobIds, 3);
		const perJob = countBy(executions.map((execution) => execution.jobId));
		log(
			`A-A-B-B-C-C: ${executions.length} executions (${jobIds.map((id) => perJob.get(id) ?? 0).join(', ')} per event)`,
		);
		expect(executions).toHaveLength(3);
		expect(new Set(executions.map((execution) => execution.jobId))).toEqual(new Set(jobIds));
		expect(new Set(executions.map((execution) => execution.eventId)).size).toBe(3);
	});

	it(`starts ${BURST_SIZE} executions for a burst of ${BURST_SIZE} distinct events`, async () => {
		const since = cluster.front.forwarded().length;
		emulator.setJobDuration(2_000);
		const jobIds = await Promise.all(
			Array.from({ length: BURST_SIZE }, async () => await submitOneSnapshot(emulator)),
		);
		emulator.setJobDuration(300);
		await Promise.all(jobIds.map(async (jobId) => await firstDeliveryAnswered(emulator, jobId)));
		const forwarded = forwardedSince(since);
		log(`burst: ${describeRefusals(forwarded)}`);
		for (const [index, webhook] of cluster.webhooks.entries()) {
			if (forwarded.some((request) => request.upstream === index && request.status !== 200))
				log(`webhook process ${index} log tail:\n${webhook.logTail(30)}`);
		}
		expect(forwarded.map((request) => request.status)).toEqual(jobIds.map(() => 200));
		const durations = forwarded.map((request) => request.durationMs);
		const late = durations.filter((ms) => ms > VOD_DEADLINE_MS).length;
		log(`burst of ${BURST_SIZE}: ${percentiles(durations)}; ${late} answers after VOD's 5 s`);
		log(
			`burst per webhook process: ${JSON.stringify(Object.fromEntries(countBy(forwarded.map((r) => r.upstream))))}`,
		);

		const executions = await settledExecutionsOf(jobIds, BURST_SIZE);
		log(`burst: ${executions.length} executions for ${BURST_SIZE} events`);
		expect(executions).toHaveLength(BURST_SIZE);
		expect(new Set(executions.map((execution) => execution.jobId)).size).toBe(BURST_SIZE);
	});

	it('answers forged callbacks on either webhook process with 401 and starts nothing', async () => {
		const before = (await triggerExecutions()).length;
		const [delivered] = emulator.callbackDeliveries();
		const signedUrl = new URL(triggerPath(), cluster.front.url).toString();
		const timestamp = String(Math.floor(Date.now() / 1000));
		const forged = createHash('md5')
			.update(`${signedUrl}|${timestamp}|NotTheAuthKey123`)
			.digest('hex');
		const body = JSON.stringify({ ...JSON.parse(delivered.body), VideoId: seedVideoIds.unicode });
		for (const webhook of cluster.webhooks) {
			const url = new URL(triggerPath(), `${webhook.baseUrl}/`);
			const wrongKey = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-vod-timestamp': timestamp,
					'x-vod-signature': forged,
				},
				body,
			});
			expect(wrongKey.status).toBe(401);
			const unsigned = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
			});
			expect(unsigned.status).toBe(401);
		}
		await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
		expect(await triggerExecutions()).toHaveLength(before);
	});

	it('starts one or two executions, with one eventId, for one delivery sent to both webhook processes at once', async () => {
		const trials = 3;
		const since = cluster.front.forwarded().length;
		cluster.front.mode = 'fan-out';
		const jobIds: string[] = [];
		try {
			for (let trial = 0; trial < trials; trial++) {
				const jobId = await submitOneSnapshot(emulator);
				jobIds.push(jobId);
				await firstDeliveryAnswered(emulator, jobId);
			}
		} finally {
			cluster.front.mode = 'round-robin';
		}
		const forwarded = forwardedSince(since);
		log(`fan-out: ${describeRefusals(forwarded)}`);
		expect(forwarded).toHaveLength(2 * trials);
		expect(forwarded.map((request) => request.status)).toEqual(forwarded.map(() => 200));

		const executions = await settledExecutionsOf(jobIds, trials);
		const perJob = countBy(executions.map((execution) => execution.jobId));
		log(
			`same delivery to both webhook processes at once: executions per trial ${jobIds.map((id) => perJob.get(id) ?? 0).join(', ')}`,
		);
		for (const jobId of jobIds) {
			const ofJob = executions.filter((execution) => execution.jobId === jobId);
			// n8n offers a webhook no atomic store: two processes may both see the event as new.
			expect(ofJob.length).toBeGreaterThanOrEqual(1);
			expect(ofJob.length).toBeLessThanOrEqual(2);
			expect(new Set(ofJob.map((execution) => execution.eventId)).size).toBe(1);
		}
	});

	it('never submits again after the worker is killed during Wait for Completion', async () => {
		const submitCount = (): number =>
			emulator.requests().filter((request) => request.action === 'SubmitSnapshotJob').length;
		const before = submitCount();
		emulator.setJobDuration(12_000);
		const execution = await runPipeline();
		await waitUntil(
			async () => (submitCount() > before ? true : undefined),
			60_000,
			'a SubmitSnapshotJob from the worker',
		);
		// Let the node submit what it submits before it waits, then kill the worker mid-wait.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		const submittedBeforeKill = submitCount();
		const killedAt = Date.now();
		await cluster.killWorker();
		await cluster.startWorker();
		const ended = await waitUntil(
			async () => {
				const found = (await listExecutions(cluster.main, PIPELINE_ID)).find(
					(item) => item.id === execution.id,
				);
				return found && !['new', 'running', 'waiting'].includes(found.status) ? found : undefined;
			},
			120_000,
			'n8n to end the execution of the killed worker',
		);
		log(
			`killed worker's execution ended as "${ended.status}" ${Date.now() - killedAt} ms after the kill; SubmitSnapshotJob calls: ${submittedBeforeKill - before} before the kill, ${submitCount() - submittedBeforeKill} after`,
		);
		expect(ended.status).not.toBe('success');
		expect(submitCount()).toBe(submittedBeforeKill);
		expect(cluster.worker.log).not.toContain(`Worker started execution ${execution.id} `);
		emulator.setJobDuration(300);
	});
});
