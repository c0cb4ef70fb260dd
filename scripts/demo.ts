/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * `npm run demo` (after scripts/demo.sh has installed, built and set up n8n): the example workflows of
 * every cloud in one real n8n against one local cloud emulator. Each cloud's part is a module in
 * scripts/demo/ (what it imports, how its notifications reach n8n, what it reports); this file:
 *
 *  1. starts the emulator and a fresh n8n user folder with this package installed;
 *  2. imports every part's credentials and workflows and publishes the trigger workflows;
 *  3. starts `n8n start` and lets each part point its cloud's notifications at its trigger;
 *  4. runs every pipeline at once in one `n8n execute-batch` (images go to .demo-output/<cloud>/);
 *  5. prints each part's summary (jobs, images written, trigger executions) and stops everything it
 *     started, also on failure.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';

import { startEmulator } from '../test/emulator/server';
import { N8nInstance, REPO_ROOT, type CliRun } from '../test/e2e/harness';
import { huaweiPart } from './demo/huawei';
import { mpsPart } from './demo/mps';
import { say, seconds, type DemoPart, type DemoSetup } from './demo/part';
import { vodPart } from './demo/vod';

const OUTPUT_DIR = path.join(REPO_ROOT, '.demo-output');
/** Snapshot jobs and tasks take this long in the emulator, so waiting for completion is visible. */
const JOB_DURATION_MS = 1_000;
/** Wait for Completion polls every second (the examples' 2 s would double the wait here). */
const POLL_INTERVAL_SECONDS = 1;

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

async function startParts(cleanup: Cleanup): Promise<{ setup: DemoSetup; parts: DemoPart[] }> {
	await rm(OUTPUT_DIR, { recursive: true, force: true });
	const emulator = await startEmulator({ jobDurationMs: JOB_DURATION_MS });
	cleanup.add('the emulator', async () => await emulator.close());
	emulator.huawei.setTaskDuration(JOB_DURATION_MS);
	say(`cloud emulator on ${emulator.url}`);
	say('preparing a fresh n8n user folder with the package installed (first run installs n8n)');
	const n8n = await N8nInstance.create({
		label: 'demo',
		// n8n 2.x lets Read/Write Files from Disk touch only this folder.
		env: { N8N_RESTRICT_FILE_ACCESS_TO: OUTPUT_DIR },
	});
	cleanup.add('n8n', async () => await n8n.dispose());
	const setup: DemoSetup = {
		emulator,
		n8n,
		outputDir: OUTPUT_DIR,
		pollInterval: POLL_INTERVAL_SECONDS,
	};
	const vod = await vodPart(setup);
	const parts = [vod.part, await mpsPart(setup, vod.aliyun), await huaweiPart(setup)];
	return { setup, parts };
}

async function run(cleanup: Cleanup): Promise<boolean> {
	const started = Date.now();
	const { setup, parts } = await startParts(cleanup);
	const { n8n } = setup;
	await n8n.importCredentials(parts.flatMap((part) => part.credentials));
	await n8n.importWorkflows(parts.flatMap((part) => part.workflows));
	for (const id of parts.flatMap((part) => part.published)) await n8n.publishWorkflow(id);
	say(
		`imported ${parts.flatMap((part) => part.workflows).length} example workflows; published the triggers`,
	);

	const server = await n8n.start();
	await server.ensureOwnerSession();
	for (const part of parts) await part.connect(server);
	say(`n8n start is ready at ${server.baseUrl}; every cloud's notifications go to its trigger`);

	const pipelineIds = parts.flatMap((part) => (part.pipelineId ? [part.pipelineId] : []));
	say(
		`running ${pipelineIds.length} pipelines in one \`n8n execute-batch\` (snapshot → wait → download → write)`,
	);
	const batch = await n8n.executeBatch(pipelineIds, {
		timeoutMs: 300_000,
		concurrency: pipelineIds.length,
	});
	say(`the pipelines took ${seconds(batch.durationMs)}; waiting for the trigger executions`);

	const lines = ['', 'Demo summary', '============'];
	let ok = true;
	for (const part of parts) {
		const pipeline: CliRun | undefined = part.pipelineId
			? batch.entries.get(part.pipelineId)?.run
			: undefined;
		const report = await part.report(server, pipeline);
		lines.push(part.cloud, ...report.lines.map((line) => `  ${line}`));
		lines.push(...report.problems.map((problem) => `  PROBLEM: ${problem}`));
		ok &&= report.problems.length === 0;
	}
	lines.push(`pipelines (n8n execute-batch): ${seconds(batch.durationMs)}`);
	lines.push(`total demo time: ${seconds(Date.now() - started)}`, '');
	process.stdout.write(`${lines.join('\n')}\n`);
	return ok;
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
		failed = !(await run(cleanup));
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
