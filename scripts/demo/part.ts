/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * What one cloud's part of `npm run demo` declares and reports. scripts/demo.ts starts one emulator and
 * one `n8n start` for all parts, imports every part's credentials and workflows, publishes the triggers,
 * runs every pipeline in one `n8n execute-batch`, and prints each part's report.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import type { Emulator } from '../../test/emulator/server';
import {
	nodeJson,
	REPO_ROOT,
	type CliRun,
	type CredentialJson,
	type N8nInstance,
	type RunningN8n,
	type WorkflowJson,
} from '../../test/e2e/harness';
import {
	listExecutions,
	loadExample,
	prepareExample,
	productionWebhookUrl,
	waitForWebhook,
	waitUntil,
	withPollInterval,
	type ExecutionSummary,
} from '../../test/demo/examples';

/** What every part is given: the shared emulator and n8n, and where its images go. */
export interface DemoSetup {
	emulator: Emulator;
	n8n: N8nInstance;
	/** .demo-output/ */
	outputDir: string;
	/** How often the pipelines' Wait for Completion polls, in seconds. */
	pollInterval: number;
}

/** A part's workflows and credentials, imported before `n8n start`. */
export interface DemoPart {
	/** The section title in the summary ("Alibaba Cloud VOD"). */
	cloud: string;
	credentials: CredentialJson[];
	workflows: WorkflowJson[];
	/** Workflow ids to publish (activate) before `n8n start`. */
	published: string[];
	/** The pipeline run by `n8n execute-batch`, if the part has one. */
	pipelineId?: string;
	/** Once `n8n start` serves the published workflows: point the cloud's notifications at them. */
	connect(server: RunningN8n): Promise<void>;
	/** After the pipelines ran: waits for the trigger executions and reports. */
	report(server: RunningN8n, pipeline: CliRun | undefined): Promise<PartReport>;
}

export interface PartReport {
	/** Summary lines, without indentation. */
	lines: string[];
	/** What went wrong; the demo fails when any part has a problem. */
	problems: string[];
}

export interface WrittenFile {
	path: string;
	bytes: number;
}

const startedAt = Date.now();

/** A progress line, with the time since the demo started. */
export function say(message: string): void {
	process.stdout.write(`[demo +${seconds(Date.now() - startedAt)}] ${message}\n`);
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** The folder a part writes its images to (created empty by the demo, below .demo-output/). */
export async function partOutputDir(setup: DemoSetup, name: string): Promise<string> {
	const dir = path.join(setup.outputDir, name);
	await mkdir(dir, { recursive: true });
	return dir;
}

export async function filesUnder(dir: string): Promise<WrittenFile[]> {
	const files: WrittenFile[] = [];
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) files.push(...(await filesUnder(full)));
		else if (entry.isFile()) files.push({ path: full, bytes: (await stat(full)).size });
	}
	return files;
}

/** `images written: N (B bytes) to <dir>/:` and one line per file. */
export async function imageLines(dir: string): Promise<string[]> {
	const files = await filesUnder(dir);
	const bytes = files.reduce((total, file) => total + file.bytes, 0);
	return [
		`images written: ${files.length} (${bytes} bytes) to ${path.relative(REPO_ROOT, dir)}/:`,
		...files.map((file) => `  ${path.relative(REPO_ROOT, file.path)} (${file.bytes} bytes)`),
	];
}

/** `trigger executions: N (#id mode status, …)`. */
export function executionLine(executions: ExecutionSummary[]): string {
	const listed = executions.map((item) => `#${item.id} ${item.mode} ${item.status}`).join(', ');
	return `trigger executions: ${executions.length} (${listed || 'none'})`;
}

/** The distinct values of one JSON field in a node's output (job or task ids). */
export function distinctValues(run: CliRun, nodeName: string, field: string): string[] {
	return [...new Set(nodeJson(run, nodeName).map((json) => String(json[field])))];
}

/** The pipeline's run, or a problem when it did not succeed. */
export function pipelineProblems(run: CliRun | undefined): string[] {
	if (!run) return ['the pipeline did not run'];
	if (run.status === 'success') return [];
	return [
		`the pipeline ended with status ${run.status}: ${run.data.resultData.error?.message ?? 'no error message'}`,
	];
}

/** Waits until a workflow has at least `expected` finished executions; all of them, newest first. */
export async function finishedExecutions(
	server: RunningN8n,
	workflowId: string,
	expected: number,
	timeoutMs = 60_000,
): Promise<ExecutionSummary[]> {
	return await waitUntil(
		async () => {
			const executions = await listExecutions(server, workflowId);
			const finished = executions.filter(
				(execution) => execution.status !== 'running' && execution.status !== 'new',
			);
			return finished.length >= expected ? finished : undefined;
		},
		timeoutMs,
		`${expected} executions of workflow ${workflowId}`,
	);
}

/** A problem unless there are exactly `expected` executions and each succeeded. */
export function executionProblems(executions: ExecutionSummary[], expected: number): string[] {
	if (executions.length === expected && executions.every((item) => item.status === 'success'))
		return [];
	return [
		`expected ${expected} successful trigger executions, got ${executions.length} (${executions.map((item) => item.status).join(', ')})`,
	];
}

/** A part's pipeline example: written below `outputDir` instead of the example's folder. */
export interface PipelineExample {
	file: string;
	id: string;
	credentials: CredentialJson[];
	/** The folder the example writes to, replaced by `outputDir`. */
	exampleFolder: string;
	outputDir: string;
	/** Wait for Completion polls this often (seconds), instead of the example's 2 s. */
	pollInterval: number;
}

/** A part's webhook trigger example and how its cloud is told the production URL. */
export interface TriggerExample {
	file: string;
	id: string;
	credentials: CredentialJson[];
	nodeName: string;
	notify: (url: string) => Promise<void> | void;
}

/** The workflows, publications and connection of a part made of a pipeline and a webhook trigger. */
export function exampleWorkflows(
	pipeline: PipelineExample,
	trigger?: TriggerExample,
): Pick<DemoPart, 'workflows' | 'published' | 'pipelineId' | 'connect'> {
	const workflows = [
		withPollInterval(
			prepareExample(loadExample(pipeline.file), {
				id: pipeline.id,
				credentials: pipeline.credentials,
				replaceText: [[pipeline.exampleFolder, `${pipeline.outputDir}/`]],
			}),
			pipeline.pollInterval,
		),
	];
	if (!trigger) return { workflows, published: [], pipelineId: pipeline.id, async connect() {} };
	const triggerWorkflow = prepareExample(loadExample(trigger.file), {
		id: trigger.id,
		credentials: trigger.credentials,
		webhookId: randomUUID(),
	});
	return {
		workflows: [...workflows, triggerWorkflow],
		published: [trigger.id],
		pipelineId: pipeline.id,
		async connect(server) {
			const url = productionWebhookUrl(server, triggerWorkflow, trigger.nodeName);
			await waitForWebhook(url);
			await trigger.notify(url);
		},
	};
}
