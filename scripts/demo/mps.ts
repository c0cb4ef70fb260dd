/**
 * The Alibaba Cloud MPS part of `npm run demo`: examples/mps-snapshot-pipeline.json (a sprite-sheet job and
 * a normal job, each with wait → download → write), its images read from the emulator's OSS, and
 * examples/mps-queue-trigger.json (MNS Queue mode): the emulator's MPS pipeline notifies the queue of
 * each finished job and the active trigger fires each job once, at its next poll (every minute).
 */
import { DEFAULT_PIPELINE_ID } from '../../test/emulator/aliyun/mps/mpsActions';
import type { Emulator } from '../../test/emulator/server';
import type { MnsMessage } from '../../test/emulator/aliyun/mns/queues';
import {
	nodeJson,
	type CredentialJson,
	type RunningN8n,
	type WorkflowJson,
} from '../../test/e2e/harness';
import {
	getExecutionRun,
	listExecutions,
	loadExample,
	prepareExample,
	waitUntil,
	type ExecutionSummary,
} from '../../test/demo/examples';
import {
	MPS_OUTPUT_FOLDER,
	MPS_PIPELINE_EXAMPLE,
	MPS_PIPELINE_NODES,
	MPS_QUEUE_TRIGGER_EXAMPLE,
	MPS_QUEUE_TRIGGER_NODES,
} from '../../test/demo/mps';
import {
	distinctValues,
	executionLine,
	exampleWorkflows,
	imageLines,
	partOutputDir,
	pipelineProblems,
	type DemoPart,
	type DemoSetup,
} from './part';

function unfinished(emulator: Emulator, jobIds: string[]): string[] {
	return jobIds
		.filter((id) => emulator.mpsJob(id)?.state !== 'Success')
		.map((id) => `MPS job ${id} is ${emulator.mpsJob(id)?.state ?? 'unknown'}, not Success`);
}

const QUEUE_TRIGGER_ID = 'DemoMpsQueue01';
/** The trigger polls every minute (the example's setting; n8n polls no more often): allow two polls. */
const QUEUE_POLL_WAIT_MS = 150_000;

/** The queue the example's trigger reads. */
function queueNameOf(workflow: WorkflowJson): string {
	const trigger = workflow.nodes.find((node) => node.name === MPS_QUEUE_TRIGGER_NODES.trigger);
	const queueName = trigger?.parameters.queueName;
	if (typeof queueName !== 'string' || queueName === '')
		throw new Error(`examples/${MPS_QUEUE_TRIGGER_EXAMPLE} names no queue`);
	return queueName;
}

/**
 * What the queue holds: the trigger keeps an emitted job's message until its next poll (by then n8n
 * has committed the execution), so received messages may still be there; none should be unread.
 */
function queueLine(messages: MnsMessage[]): string {
	const unread = messages.filter((message) => message.dequeueCount === 0).length;
	return `messages never received: ${unread}; received, deleted at the trigger's next poll: ${messages.length - unread}`;
}

interface QueueFirings {
	executions: ExecutionSummary[];
	/** The job ids the trigger emitted, over all its executions (a job fired twice is listed twice). */
	jobIds: string[];
}

async function queueFirings(server: RunningN8n, setup: DemoSetup): Promise<QueueFirings> {
	const executions = (await listExecutions(server, QUEUE_TRIGGER_ID)).filter(
		(execution) => execution.status !== 'running' && execution.status !== 'new',
	);
	const jobIds: string[] = [];
	for (const execution of executions) {
		const run = await getExecutionRun(server, setup.n8n.installation, execution.id);
		jobIds.push(...nodeJson(run, MPS_QUEUE_TRIGGER_NODES.trigger).map((json) => String(json.Id)));
	}
	return { executions, jobIds };
}

/** Waits until the trigger has fired every job (at its next poll); what it fired by then. */
async function firingsOf(
	server: RunningN8n,
	setup: DemoSetup,
	jobs: string[],
): Promise<QueueFirings> {
	return await waitUntil(
		async () => {
			const firings = await queueFirings(server, setup);
			return jobs.every((id) => firings.jobIds.includes(id)) ? firings : undefined;
		},
		QUEUE_POLL_WAIT_MS,
		`the MNS trigger to fire MPS jobs ${jobs.join(', ')}`,
	);
}

function firingProblems(firings: QueueFirings, jobs: string[]): string[] {
	const problems = jobs
		.filter((id) => firings.jobIds.filter((fired) => fired === id).length !== 1)
		.map((id) => `the MNS trigger fired MPS job ${id} other than once`);
	const failed = firings.executions.filter((execution) => execution.status !== 'success');
	if (failed.length > 0) problems.push(`${failed.length} MNS trigger executions did not succeed`);
	return problems;
}

/** `aliyun` is the VOD part's `aliyunApi` credential: one credential serves both Alibaba Cloud services. */
export async function mpsPart(setup: DemoSetup, aliyun: CredentialJson): Promise<DemoPart> {
	const { emulator } = setup;
	const outputDir = await partOutputDir(setup, 'mps');
	const pipeline = exampleWorkflows({
		file: MPS_PIPELINE_EXAMPLE,
		id: 'DemoMpsPipeline01',
		credentials: [aliyun],
		exampleFolder: MPS_OUTPUT_FOLDER,
		outputDir,
		pollInterval: setup.pollInterval,
	});
	const queueTrigger = prepareExample(loadExample(MPS_QUEUE_TRIGGER_EXAMPLE), {
		id: QUEUE_TRIGGER_ID,
		credentials: [aliyun],
	});
	const queueName = queueNameOf(queueTrigger);
	// What MPS's console does: the pipeline the example's jobs use (the default) notifies the queue.
	emulator.createQueue(queueName, 30);
	emulator.bindPipelineQueue(DEFAULT_PIPELINE_ID, queueName);
	return {
		cloud: 'Alibaba Cloud MPS',
		credentials: [],
		...pipeline,
		workflows: [...pipeline.workflows, queueTrigger],
		published: [QUEUE_TRIGGER_ID],
		async report(server, run) {
			const problems = pipelineProblems(run);
			if (!run) return { lines: [], problems };
			const sprite = distinctValues(run, MPS_PIPELINE_NODES.sprite, 'JobId');
			const normal = distinctValues(run, MPS_PIPELINE_NODES.normal, 'JobId');
			const jobs = [...sprite, ...normal];
			problems.push(...unfinished(emulator, jobs));
			const finished = problems.length === 0 ? 'all finished' : 'NOT all finished';
			const firings = await firingsOf(server, setup, jobs);
			problems.push(...firingProblems(firings, jobs));
			const once = jobs.filter(
				(id) => firings.jobIds.filter((fired) => fired === id).length === 1,
			).length;
			return {
				lines: [
					`snapshot jobs: ${jobs.length} (${sprite.length} sprite, ${normal.length} normal), ${finished}`,
					...(await imageLines(outputDir)),
					`jobs fired by the MNS trigger (queue ${queueName}): ${once} of ${jobs.length} exactly once; ${queueLine(emulator.queueMessages(queueName))}`,
					executionLine(firings.executions),
				],
				problems,
			};
		},
	};
}
