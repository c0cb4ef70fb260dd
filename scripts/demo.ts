/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * `npm run demo` (after scripts/demo.sh has installed, built and set up n8n): the two example workflows
 * in a real n8n against the local cloud emulator.
 *
 *  1. starts the emulator and a fresh n8n user folder with this package installed;
 *  2. imports emulator credentials and examples/{scheduled-snapshot-pipeline,snapshot-complete-trigger}.json;
 *  3. publishes the trigger workflow, starts `n8n start`, and points VOD's callback (SetMessageCallback)
 *     at the trigger's production webhook URL;
 *  4. runs the pipeline with `n8n execute`: it searches videos, submits sprite and normal snapshot jobs,
 *     waits for them, downloads the images and writes them to .demo-output/;
 *  5. each finished job makes the emulator call the webhook, which starts the trigger workflow;
 *  6. prints a summary and stops everything it started, also on failure.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../test/emulator/server';
import {
	N8nInstance,
	nodeItems,
	nodeJson,
	REPO_ROOT,
	type CliRun,
	type RunningN8n,
} from '../test/e2e/harness';
import {
	emulatorAliyunCredential,
	emulatorCallbackCredential,
	EXAMPLE_OUTPUT_FOLDER,
	getExecutionRun,
	listExecutions,
	loadExample,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	pointVodCallbackAt,
	prepareExample,
	productionWebhookUrl,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
	waitForWebhook,
	waitUntil,
	type ExecutionSummary,
} from '../test/demo/examples';

const OUTPUT_DIR = path.join(REPO_ROOT, '.demo-output');
const PIPELINE_ID = 'DemoPipeline0001';
const TRIGGER_ID = 'DemoTrigger0001';
/** Snapshot jobs take this long in the emulator, so waiting for completion is visible. */
const JOB_DURATION_MS = 2_000;

function say(message: string): void {
	process.stdout.write(`[demo] ${message}\n`);
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

interface WrittenFile {
	path: string;
	bytes: number;
}

async function filesUnder(dir: string): Promise<WrittenFile[]> {
	const files: WrittenFile[] = [];
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) files.push(...(await filesUnder(full)));
		else if (entry.isFile()) files.push({ path: full, bytes: (await stat(full)).size });
	}
	return files;
}

/** Everything started so far, stopped in reverse order; each step runs even if an earlier one fails. */
class Cleanup {
	private readonly steps: Array<{ what: string; run: () => Promise<void> }> = [];

	add(what: string, run: () => Promise<void>): void {
		this.steps.push({ what, run });
	}

	async runAll(): Promise<void> {
		for (const step of this.steps.reverse()) {
			try {
				await step.run();
			} catch (error) {
				process.stderr.write(`[demo] could not stop ${step.what}: ${String(error)}\n`);
			}
		}
		this.steps.length = 0;
	}
}

function jobIdsOf(run: CliRun, nodeName: string): string[] {
	return [...new Set(nodeJson(run, nodeName).map((json) => String(json.JobId)))];
}

async function triggerExecutions(
	server: RunningN8n,
	expected: number,
): Promise<ExecutionSummary[]> {
	return await waitUntil(
		async () => {
			const executions = await listExecutions(server, TRIGGER_ID);
			const finished = executions.filter(
				(execution) => execution.status !== 'running' && execution.status !== 'new',
			);
			return finished.length >= expected ? finished : undefined;
		},
		60_000,
		`${expected} trigger executions`,
	);
}

async function run(cleanup: Cleanup): Promise<void> {
	const started = Date.now();
	await rm(OUTPUT_DIR, { recursive: true, force: true });
	await mkdir(OUTPUT_DIR, { recursive: true });

	const emulator: Emulator = await startEmulator({ jobDurationMs: JOB_DURATION_MS });
	cleanup.add('the emulator', async () => await emulator.close());
	emulator.setCallbackRetryDelay(500);
	say(`cloud emulator on ${emulator.url}`);

	say('preparing a fresh n8n user folder with the package installed (first run installs n8n)');
	const n8n = await N8nInstance.create({
		label: 'demo',
		// n8n 2.x lets Read/Write Files from Disk touch only this folder.
		env: { N8N_RESTRICT_FILE_ACCESS_TO: OUTPUT_DIR },
	});
	cleanup.add('n8n', async () => await n8n.dispose());

	const aliyun = emulatorAliyunCredential('DemoAliyunCred01', emulator.url);
	const callbackKey = emulatorCallbackCredential('DemoVodKeyCred01');
	const pipeline = prepareExample(loadExample(PIPELINE_EXAMPLE), {
		id: PIPELINE_ID,
		credentials: [aliyun],
		replaceText: [[EXAMPLE_OUTPUT_FOLDER, `${OUTPUT_DIR}/`]],
	});
	const trigger = prepareExample(loadExample(TRIGGER_EXAMPLE), {
		id: TRIGGER_ID,
		credentials: [callbackKey],
		webhookId: randomUUID(),
	});
	await n8n.importCredentials([aliyun, callbackKey]);
	await n8n.importWorkflows([pipeline, trigger]);
	await n8n.publishWorkflow(TRIGGER_ID);
	say(
		`imported examples/${PIPELINE_EXAMPLE} and examples/${TRIGGER_EXAMPLE}; published the trigger`,
	);

	const server = await n8n.start();
	await server.ensureOwnerSession();
	const webhookUrl = productionWebhookUrl(server, trigger, TRIGGER_NODES.trigger);
	await waitForWebhook(webhookUrl);
	await pointVodCallbackAt(emulator, webhookUrl);
	say(`n8n start is ready at ${server.baseUrl}; VOD callbacks go to ${webhookUrl}`);

	say(
		'running the pipeline with `n8n execute` (search → sprite and normal snapshot jobs → wait → download → write)',
	);
	const execution = await n8n.executeWorkflow(PIPELINE_ID, { timeoutMs: 300_000 });
	const pipelineRun = execution.run;
	if (pipelineRun.status !== 'success') {
		throw new Error(
			`the pipeline ended with status ${pipelineRun.status}: ${pipelineRun.data.resultData.error?.message ?? 'no error message'}`,
		);
	}
	const videos = nodeJson(pipelineRun, PIPELINE_NODES.search);
	const spriteJobs = jobIdsOf(pipelineRun, PIPELINE_NODES.sprite);
	const normalJobs = jobIdsOf(pipelineRun, PIPELINE_NODES.normal);
	const images = nodeItems(pipelineRun, PIPELINE_NODES.write);
	const submitted = emulator.requests().filter((request) => request.action === 'SubmitSnapshotJob');
	const files = await filesUnder(OUTPUT_DIR);
	const bytes = files.reduce((total, file) => total + file.bytes, 0);

	const jobCount = spriteJobs.length + normalJobs.length;
	say(`waiting for the ${jobCount} SnapshotComplete callbacks to run the trigger workflow`);
	const executions = await triggerExecutions(server, jobCount);
	const latest = await getExecutionRun(server, n8n.installation, executions[0].id);
	const summary: IDataObject = nodeJson(latest, TRIGGER_NODES.summary)[0] ?? {};
	const deliveries = emulator.callbackDeliveries();

	const lines = [
		'',
		'Demo summary',
		'============',
		`videos found (Search Videos, Status = 'Normal'): ${videos.length}`,
		`snapshot jobs submitted: ${submitted.length} (${spriteJobs.length} sprite, ${normalJobs.length} normal), all finished`,
		`images downloaded: ${images.length} (${bytes} bytes), written to ${path.relative(REPO_ROOT, OUTPUT_DIR)}/:`,
		...files.map((file) => `  ${path.relative(REPO_ROOT, file.path)} (${file.bytes} bytes)`),
		`pipeline: n8n execute took ${seconds(execution.durationMs)}`,
		`VOD callbacks delivered: ${deliveries.filter((delivery) => delivery.status === 200).length} of ${deliveries.length} answered 200`,
		`trigger workflow executions: ${executions.length} (${executions.map((item) => `#${item.id} ${item.mode} ${item.status}`).join(', ')})`,
		`latest trigger run: video ${String(summary.videoId)}, ${String(summary.imageCount)} image URLs, e.g. ${String((summary.imageUrls as unknown[] | undefined)?.[0] ?? '-')}`,
		`total demo time: ${seconds(Date.now() - started)}`,
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	if (executions.length !== jobCount || executions.some((item) => item.status !== 'success')) {
		throw new Error(`expected ${jobCount} successful trigger executions`);
	}
}

async function main(): Promise<void> {
	const cleanup = new Cleanup();
	let failed = false;
	const interrupt = (): void => {
		void cleanup.runAll().then(() => process.exit(130));
	};
	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		await run(cleanup);
	} catch (error) {
		failed = true;
		process.stderr.write(
			`[demo] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
	} finally {
		await cleanup.runAll();
	}
	say(failed ? 'stopped everything; the demo FAILED' : 'stopped the emulator and n8n; done');
	process.exit(failed ? 1 : 0);
}

void main();
