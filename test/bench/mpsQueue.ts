/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The MNS trigger case of issue 9's Performance section: the Alibaba Cloud MPS Trigger (MNS Queue
 * mode, in n8n-core's real PollContext) drains 1,000 MPS notifications from the emulator's queue.
 * Targets: at most ceil(1000/16) = 63 receive calls until every job is emitted, one delete per
 * message, every job emitted exactly once and none left behind. A poll deletes the messages the
 * previous poll emitted (once n8n committed it), so the last poll's messages go in the poll after
 * it, which every trigger makes anyway: its one receive (of the empty queue) is counted apart.
 * Time is printed as a ratio to the same run's baseline: one poll of an empty queue (one MNS
 * request) through the same trigger.
 */
import { AliyunApi } from '../../credentials/AliyunApi.credentials';
import { AliyunMpsTrigger } from '../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { MNS_BATCH_SIZE } from '../../nodes/shared/transport/mns/inputChecks';
import { aliyunApiDataFor } from '../emulator/accounts';
import { startEmulator, type Emulator } from '../emulator/server';
import { submitSyncJob } from '../nodes/AliyunMps/harness';
import { pollTrigger, type PollTrigger } from '../support/pollTrigger';

const MESSAGES = 1_000;
const QUEUE = 'bench-mps-events';
const EMPTY_QUEUE = 'bench-mps-empty';
const PIPELINE = 'be7c4000000000000000000000mps001';
const BASELINE_POLLS = 50;
/** More polls than a drain of MESSAGES can need: a stuck drain ends the case, not the run. */
const MAX_POLLS = 100;

function line(text = ''): void {
	process.stdout.write(`${text}\n`);
}

async function queueTrigger(emulator: Emulator, queueName: string): Promise<PollTrigger> {
	return await pollTrigger({
		nodeType: new AliyunMpsTrigger(),
		typeName: 'aliyunMpsTrigger',
		parameters: { mode: 'mnsQueue', queueName, waitSeconds: 0 },
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: aliyunApiDataFor(emulator.url) },
	});
}

function mnsCalls(emulator: Emulator, method: 'GET' | 'DELETE', queueName: string): number {
	return emulator
		.requests()
		.filter(
			(request) =>
				request.method === method && request.rawUrl.startsWith(`/queues/${queueName}/messages`),
		).length;
}

/** Milliseconds of one poll of an empty queue: one receive answered 404. */
async function baselineMs(emulator: Emulator): Promise<number> {
	emulator.createQueue(EMPTY_QUEUE);
	const trigger = await queueTrigger(emulator, EMPTY_QUEUE);
	await trigger.poll();
	const started = performance.now();
	for (let poll = 0; poll < BASELINE_POLLS; poll++) await trigger.poll();
	return (performance.now() - started) / BASELINE_POLLS;
}

/** Finishes MESSAGES jobs on the bound pipeline; each puts its notification in the queue. */
async function fillQueue(emulator: Emulator): Promise<Set<string>> {
	emulator.createQueue(QUEUE);
	emulator.bindPipelineQueue(PIPELINE, QUEUE);
	const ids = new Set<string>();
	for (let start = 0; start < MESSAGES; start += 50) {
		const batch = Array.from(
			{ length: Math.min(50, MESSAGES - start) },
			(_, offset) => start + offset,
		);
		for (const id of await Promise.all(
			batch.map((index) => submitSyncJob(emulator, index, PIPELINE)),
		))
			ids.add(id);
	}
	return ids;
}

export async function runMpsQueueBench(): Promise<boolean> {
	const emulator = await startEmulator({ qpsLimits: { 'mts:SubmitSnapshotJob': 100_000 } });
	try {
		line(`MPS Trigger, MNS Queue mode: drain ${MESSAGES} notifications from the emulator's queue`);
		const baseline = await baselineMs(emulator);
		const submitted = await fillQueue(emulator);
		emulator.clearRequests();
		const trigger = await queueTrigger(emulator, QUEUE);
		const emitted: string[] = [];
		let polls = 0;
		const started = performance.now();
		while (new Set(emitted).size < MESSAGES && polls < MAX_POLLS) {
			polls++;
			for (const item of await trigger.poll()) emitted.push(String(item.json.Id));
		}
		const receives = mnsCalls(emulator, 'GET', QUEUE);
		const drainDeletes = mnsCalls(emulator, 'DELETE', QUEUE);
		for (const item of await trigger.poll()) emitted.push(String(item.json.Id));
		const elapsed = performance.now() - started;
		const nextPollReceives = mnsCalls(emulator, 'GET', QUEUE) - receives;
		const deletes = mnsCalls(emulator, 'DELETE', QUEUE);
		const allowedReceives = Math.ceil(MESSAGES / MNS_BATCH_SIZE.max);
		const distinct = new Set(emitted);
		const lost = [...submitted].filter((id) => !distinct.has(id)).length;
		const duplicates = emitted.length - distinct.size;
		const left = emulator.queueMessages(QUEUE).length;
		const requests = emulator.requests().length;
		const receivesMet = receives <= allowedReceives && nextPollReceives === 1;
		const deletesMet = deletes === MESSAGES;
		const noneLost = lost === 0 && left === 0 && duplicates === 0 && emitted.length === MESSAGES;
		line(
			`   ${polls} polls to emit every job, ${receives} receive calls (target <= ceil(${MESSAGES}/16) = ${allowedReceives}); the next poll: ${deletes - drainDeletes} deletes of the last poll's messages, then ${nextPollReceives} receive of the empty queue: ${receivesMet ? 'met' : 'MISSED'}`,
		);
		line(
			`   ${deletes} delete calls (target ${MESSAGES}, one per message; ${drainDeletes} while draining, each by the poll after the one that emitted it): ${deletesMet ? 'met' : 'MISSED'}`,
		);
		line(
			`   ${emitted.length} items, ${distinct.size} jobs, ${duplicates} duplicates, ${lost} lost, ${left} left in the queue (target: each job once, none lost): ${noneLost ? 'met' : 'MISSED'}`,
		);
		line(
			`   ${elapsed.toFixed(0)} ms for ${requests} requests (MNS and QuerySnapshotJobList): ${(elapsed / (requests * baseline)).toFixed(2)}x the baseline of ${baseline.toFixed(2)} ms per one-request poll`,
		);
		line();
		return receivesMet && deletesMet && noneLost;
	} finally {
		await emulator.close();
	}
}
