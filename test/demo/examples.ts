/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The example workflows in examples/, made runnable against the emulator: shared by `npm run demo`
 * (scripts/demo.ts) and the end-to-end tests (test/e2e/pipeline.test.ts, test/e2e/vodTrigger.test.ts).
 * Built on the real-n8n harness (test/e2e/harness) without changing it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { aliyunApiDataFor, vodCallbackAuthKey } from '../emulator/accounts';
import type { CallbackDelivery } from '../emulator/aliyun/vod/callbackDelivery';
import { seedVideoIds } from '../emulator/aliyun/vod/videos';
import type { Emulator } from '../emulator/server';
import { callRpc } from '../emulator/clients/aliyunRpc';
import {
	credential,
	isCliRun,
	REPO_ROOT,
	type CliRun,
	type CredentialJson,
	type N8nInstallation,
	type RunningN8n,
	type WorkflowJson,
} from '../e2e/harness';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const PIPELINE_EXAMPLE = 'scheduled-snapshot-pipeline.json';
export const TRIGGER_EXAMPLE = 'snapshot-complete-trigger.json';

/** Folder the pipeline example writes to (n8n's default N8N_RESTRICT_FILE_ACCESS_TO in Docker). */
export const EXAMPLE_OUTPUT_FOLDER = '/home/node/.n8n-files/vod-snapshots/';

/** Node names in the examples, as the tests and the demo read their output. */
export const PIPELINE_NODES = {
	manualTrigger: 'Run Now',
	search: 'Search Videos',
	sprite: 'Submit Sprite Snapshots',
	normal: 'Submit Normal Snapshots',
	merge: 'All Images',
	write: 'Write Images to Disk',
} as const;

export const TRIGGER_NODES = {
	trigger: 'Snapshot Complete',
	summary: 'Summarise Snapshot URLs',
} as const;

/** What an example file holds (n8n's workflow export format). */
export interface ExampleWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

function isExampleWorkflow(value: unknown): value is ExampleWorkflow {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.name === 'string' &&
		Array.isArray(record.nodes) &&
		typeof record.connections === 'object'
	);
}

export function loadExample(file: string): ExampleWorkflow {
	const parsed: unknown = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
	if (!isExampleWorkflow(parsed)) throw new Error(`examples/${file} is not an n8n workflow export`);
	return parsed;
}

export interface PrepareOptions {
	/** Workflow id for import (letters and digits, at most 21, with a digit). */
	id: string;
	/** Credentials to use, by credential type: every node's reference to that type is rewritten. */
	credentials: CredentialJson[];
	/** Exact text replacements in string parameters (e.g. the output folder). */
	replaceText?: Array<[from: string, to: string]>;
	/** A fresh webhookId for webhook nodes, so that two imports never share a production URL. */
	webhookId?: string;
}

function replaceInParameters(value: unknown, replacements: Array<[string, string]>): unknown {
	if (typeof value === 'string') {
		return replacements.reduce((text, [from, to]) => text.split(from).join(to), value);
	}
	if (Array.isArray(value)) return value.map((entry) => replaceInParameters(entry, replacements));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, replaceInParameters(entry, replacements)]),
		);
	}
	return value;
}

/** The example as `n8n import:workflow` input: credential references and webhook ids rewritten. */
export function prepareExample(example: ExampleWorkflow, options: PrepareOptions): WorkflowJson {
	const byType = new Map(options.credentials.map((cred) => [cred.type, cred]));
	const replacements = options.replaceText ?? [];
	const nodes = example.nodes.map((node): INode => {
		const prepared: INode = {
			...node,
			parameters: replaceInParameters(node.parameters, replacements) as INode['parameters'],
		};
		if (node.credentials) {
			prepared.credentials = Object.fromEntries(
				Object.keys(node.credentials).map((type) => {
					const cred = byType.get(type);
					if (!cred) throw new Error(`no ${type} credential given for node "${node.name}"`);
					return [type, { id: cred.id, name: cred.name }];
				}),
			);
		}
		if (node.webhookId !== undefined && options.webhookId !== undefined)
			prepared.webhookId = options.webhookId;
		return prepared;
	});
	return {
		id: options.id,
		name: example.name,
		active: false,
		nodes,
		connections: example.connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** An `aliyunApi` credential for the emulator (V3 signatures, every endpoint the emulator). */
export function emulatorAliyunCredential(id: string, emulatorUrl: string): CredentialJson {
	return credential(id, 'Alibaba Cloud API (emulator)', 'aliyunApi', aliyunApiDataFor(emulatorUrl));
}

/** The VOD callback AuthKey the emulator signs with. */
export function emulatorCallbackCredential(id: string): CredentialJson {
	return credential(id, 'Alibaba Cloud VOD Callback Key (emulator)', 'aliyunVodCallbackApi', {
		authKey: vodCallbackAuthKey,
		previousAuthKey: '',
	});
}

/** The webhook node of a workflow and its production URL on a running n8n. */
export function productionWebhookUrl(
	server: RunningN8n,
	workflow: WorkflowJson,
	nodeName: string,
): string {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node?.webhookId) throw new Error(`node "${nodeName}" has no webhookId`);
	// The trigger's webhook path is "webhook": n8n serves it at /webhook/<webhookId>/webhook.
	return `${server.baseUrl}/webhook/${node.webhookId}/webhook`;
}

/**
 * Waits until n8n serves the production webhook: an unsigned POST is refused (401) by the trigger
 * once the workflow is active, and answered 404 before. It starts no execution.
 */
export async function waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
	await waitUntil(
		async () => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await response.arrayBuffer();
			return response.status === 404 ? undefined : response.status;
		},
		timeoutMs,
		`the webhook ${url}`,
	);
}

/** SetMessageCallback on the emulator (a signed VOD call): HTTP callbacks, signed with the AuthKey. */
export async function pointVodCallbackAt(emulator: Emulator, callbackUrl: string): Promise<void> {
	await callRpc(emulator, 'SetMessageCallback', {
		CallbackType: 'HTTP',
		CallbackURL: callbackUrl,
		EventTypeList: 'SnapshotComplete',
		AuthSwitch: 'on',
		AuthKey: vodCallbackAuthKey,
	});
}

/** One normal snapshot (Count 1) of the seeded Normal video, submitted with a signed call; its JobId. */
export async function submitOneSnapshot(emulator: Emulator): Promise<string> {
	const submitted = await callRpc<{ SnapshotJob: { JobId: string } }>(
		emulator,
		'SubmitSnapshotJob',
		{ VideoId: seedVideoIds.normal, Count: 1, Interval: 0 },
	);
	return submitted.SnapshotJob.JobId;
}

/** Waits until a delivery of the job's SnapshotComplete is answered 200; that delivery. */
export async function firstDeliveryAnswered(
	emulator: Emulator,
	jobId: string,
	timeoutMs = 60_000,
): Promise<CallbackDelivery> {
	return await waitUntil(
		async () =>
			emulator
				.callbackDeliveries()
				.find((delivery) => delivery.jobId === jobId && delivery.status === 200),
		timeoutMs,
		`the callback of job ${jobId} answered 200`,
	);
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
}

function isExecutionSummary(value: unknown): value is ExecutionSummary {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.id === 'string' &&
		typeof record.status === 'string' &&
		typeof record.mode === 'string'
	);
}

/** Executions of a workflow, newest first (`GET /rest/executions`; needs an owner session). */
export async function listExecutions(
	server: RunningN8n,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await server.rest<unknown>('GET', `/rest/executions?filter=${filter}&limit=100`);
	const results =
		typeof answer === 'object' && answer !== null
			? (answer as { results?: unknown }).results
			: undefined;
	if (!Array.isArray(results))
		throw new Error(`unexpected /rest/executions answer: ${JSON.stringify(answer)}`);
	return results.filter(isExecutionSummary);
}

type FlattedParse = (text: string) => unknown;
let flattedParse: FlattedParse | undefined;

/** n8n stores run data with `flatted`; use n8n's own copy to read it. */
function flatted(installation: N8nInstallation): FlattedParse {
	if (!flattedParse) {
		const requireFromN8n = createRequire(path.join(installation.n8nDir, 'package.json'));
		const module: unknown = requireFromN8n('flatted');
		const parse =
			typeof module === 'object' && module !== null
				? (module as { parse?: unknown }).parse
				: undefined;
		if (typeof parse !== 'function')
			throw new Error('flatted.parse not found in the n8n installation');
		flattedParse = (text: string): unknown => (parse as FlattedParse)(text);
	}
	return flattedParse;
}

/** One execution with its run data (`GET /rest/executions/<id>`), as an IRun. */
export async function getExecutionRun(
	server: RunningN8n,
	installation: N8nInstallation,
	executionId: string,
): Promise<CliRun> {
	const answer = await server.rest<unknown>('GET', `/rest/executions/${executionId}`);
	if (typeof answer !== 'object' || answer === null)
		throw new Error(`execution ${executionId} not found`);
	const record = answer as IDataObject;
	const data: unknown =
		typeof record.data === 'string' ? flatted(installation)(record.data) : record.data;
	const run: unknown = { ...record, data };
	if (!isCliRun(run)) throw new Error(`execution ${executionId} has no run data`);
	return run;
}

/** Polls until `check` returns a value (or throws after `timeoutMs`). */
export async function waitUntil<T>(
	check: () => Promise<T | undefined>,
	timeoutMs: number,
	what: string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
