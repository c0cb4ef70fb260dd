/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The Alibaba Cloud MPS Trigger active in a real `n8n start`, both modes side by side against the
 * emulator: examples/mps-queue-trigger.json (MNS Queue mode) and the same workflow switched to Query
 * Jobs. n8n polls at most once a minute, so the test watches three polls: the activation poll (the
 * queue's backlog fires; Query Jobs replays no history), a poll after two new jobs finished (one
 * created first and finishing last), and a poll after a duplicate notification. Every finished job
 * appears in exactly one execution of each workflow that sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mnsRequest, sendMessageXml } from '../emulator/clients/mns';
import { startEmulator, type Emulator } from '../emulator/server';
import {
	emulatorAliyunCredential,
	getExecutionRun,
	listExecutions,
	loadExample,
	prepareExample,
	waitUntil,
	type ExecutionSummary,
} from '../demo/examples';
import { submitAsyncJob } from '../nodes/AliyunMps/trigger/jobs';
import { N8nInstance, nodeJson, type RunningN8n, type WorkflowJson } from './harness';

const EXAMPLE = 'mps-queue-trigger.json';
const TRIGGER = 'MPS Job Finished';
const SUMMARY = 'Summarise MPS Job';
const QUEUE_WORKFLOW = 'E2eMpsQueueTrigger01';
const QUERY_WORKFLOW = 'E2eMpsQueryTrigger01';
const PIPELINE = 'e2e0e2e0e2e0e2e0e2e0e2e0e2e00001';
/** Two minute-polls and the time a poll and its execution take. */
const POLL_WAIT_MS = 150_000;
/** How long "starts nothing" is watched for once the queue shows the poll happened. */
const QUIET_PERIOD_MS = 5_000;

let emulator: Emulator;
let n8n: N8nInstance;
let server: RunningN8n;
let queueName: string;

function queueModeWorkflow(): WorkflowJson {
	return prepareExample(loadExample(EXAMPLE), {
		id: QUEUE_WORKFLOW,
		credentials: [emulatorAliyunCredential('E2eMpsTriggerCred1', emulator.url)],
	});
}

/** The example with its trigger switched to Query Jobs. */
function queryModeWorkflow(): WorkflowJson {
	const workflow = prepareExample(loadExample(EXAMPLE), {
		id: QUERY_WORKFLOW,
		credentials: [emulatorAliyunCredential('E2eMpsTriggerCred1', emulator.url)],
	});
	workflow.name = `${workflow.name} (Query Jobs)`;
	workflow.nodes = workflow.nodes.map((node) =>
		node.name === TRIGGER
			? {
					...node,
					parameters: {
						pollTimes: node.parameters.pollTimes,
						mode: 'queryJobs',
						states: ['Success', 'Fail'],
						lookBackHours: 1,
						linkExpiry: 3600,
					},
				}
			: node,
	);
	return workflow;
}

/** A job of the bound pipeline taking `durationMs`; its notification lands in the queue. */
async function submitJob(name: string, durationMs: number): Promise<string> {
	emulator.setJobDuration(durationMs);
	return await submitAsyncJob(emulator, name, { pipelineId: PIPELINE });
}

async function finished(id: string, timeoutMs = 30_000): Promise<void> {
	await waitUntil(
		async () => (['Success', 'Fail'].includes(emulator.mpsJob(id)?.state ?? '') ? true : undefined),
		timeoutMs,
		`MPS job ${id} to finish`,
	);
}

async function queueDrained(what: string): Promise<void> {
	await waitUntil(
		async () => (emulator.queueMessages(queueName).length === 0 ? true : undefined),
		POLL_WAIT_MS,
		what,
	);
}

async function settledExecutions(workflowId: string): Promise<ExecutionSummary[]> {
	return await waitUntil(
		async () => {
			const list = await listExecutions(server, workflowId);
			return list.every((execution) => execution.status === 'success') ? list : undefined;
		},
		60_000,
		`the executions of ${workflowId} to finish`,
	);
}

/** The job ids each execution's trigger output carried, oldest execution first. */
async function firedJobIds(workflowId: string): Promise<string[][]> {
	const executions = (await settledExecutions(workflowId)).reverse();
	return await Promise.all(
		executions.map(async (execution) => {
			const run = await getExecutionRun(server, n8n.installation, execution.id);
			return nodeJson(run, TRIGGER).map((item) => String(item.Id));
		}),
	);
}

async function quiet(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, QUIET_PERIOD_MS));
}

beforeAll(async () => {
	emulator = await startEmulator({ jobDurationMs: 50 });
	queueName = String(loadExample(EXAMPLE).nodes[0].parameters.queueName);
	emulator.createQueue(queueName, 30);
	emulator.bindPipelineQueue(PIPELINE, queueName);
	n8n = await N8nInstance.create({ label: 'mps-trigger' });
	await n8n.importCredentials([emulatorAliyunCredential('E2eMpsTriggerCred1', emulator.url)]);
	await n8n.importWorkflows([queueModeWorkflow(), queryModeWorkflow()]);
	await n8n.publishWorkflow(QUEUE_WORKFLOW);
	await n8n.publishWorkflow(QUERY_WORKFLOW);
});

afterAll(async () => {
	await n8n?.dispose();
	await emulator?.close();
});

describe('Alibaba Cloud MPS Trigger, both modes active in real n8n', () => {
	const backlog: string[] = [];
	const later: string[] = [];

	it('MNS Queue mode fires the backlog on activation; Query Jobs replays no history', async () => {
		backlog.push(await submitJob('backlog-a', 50), await submitJob('backlog-b', 50));
		for (const id of backlog) await finished(id);
		await new Promise((resolve) => setTimeout(resolve, 1100)); // MPS lists creation to the second
		server = await n8n.start();
		await server.ensureOwnerSession();
		await queueDrained('the activation poll to fire the backlog, and the next to delete it');
		await quiet();
		expect((await firedJobIds(QUEUE_WORKFLOW)).flat().sort()).toEqual([...backlog].sort());
		expect(await listExecutions(server, QUERY_WORKFLOW)).toEqual([]);
	}, 240_000);

	it('fires each job finishing later once in each mode, a job created first and finishing last included', async () => {
		const slow = await submitJob('slow', 70_000);
		const fast = await submitJob('fast', 50);
		later.push(slow, fast);
		await finished(fast);
		await finished(slow, 90_000);
		await waitUntil(
			async () => {
				const fired = (await firedJobIds(QUERY_WORKFLOW)).flat();
				return later.every((id) => fired.includes(id)) ? true : undefined;
			},
			POLL_WAIT_MS,
			'Query Jobs to fire both jobs',
		);
		await queueDrained('the MNS poll to take both notifications');
		await quiet();
		const queryFired = (await firedJobIds(QUERY_WORKFLOW)).flat();
		expect(queryFired.sort()).toEqual([...later].sort());
		const queueFired = (await firedJobIds(QUEUE_WORKFLOW)).flat();
		expect(queueFired.sort()).toEqual([...backlog, ...later].sort());
	}, 300_000);

	it('a duplicate notification is deleted without starting anything', async () => {
		const before = (await listExecutions(server, QUEUE_WORKFLOW)).length;
		const [slow] = later;
		const sent = await mnsRequest(emulator, 'POST', `/queues/${queueName}/messages`, {
			body: sendMessageXml(JSON.stringify({ JobId: slow, Type: 'Snapshot', State: 'Success' })),
		});
		expect(sent.status).toBe(201);
		await queueDrained('the next poll to delete the duplicate');
		await quiet();
		expect(await listExecutions(server, QUEUE_WORKFLOW)).toHaveLength(before);
		const queueFired = (await firedJobIds(QUEUE_WORKFLOW)).flat();
		expect(new Set(queueFired).size).toBe(queueFired.length);
		const run = await getExecutionRun(
			server,
			n8n.installation,
			(await listExecutions(server, QUEUE_WORKFLOW))[0].id,
		);
		expect(nodeJson(run, SUMMARY)[0]).toMatchObject({
			state: 'Success',
			imageCount: 2,
			messageId: expect.stringMatching(/^[0-9A-F]{32}$/),
		});
		process.stderr.write(
			`[e2e] MNS executions: ${JSON.stringify(await firedJobIds(QUEUE_WORKFLOW))}\n`,
		);
	}, 240_000);
});
