import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import {
	asNodeError,
	coerceNumber,
	coerceText,
	firstProblem,
	rangeProblem,
} from '../../shared/actions';
import {
	advanceCursor,
	readCursor,
	selectNew,
	writeCursor,
	type CursorPolicy,
	type PolledEvent,
	type PollingCursor,
} from '../../shared/trigger/pollingCursor';
import { receiveMessages, type MnsMessage } from '../../shared/transport/mns';
import { MNS_BATCH_SIZE, MNS_WAIT_SECONDS } from '../../shared/transport/mns/inputChecks';
import { queryJobsById } from '../helpers/queryJobs';
import {
	DEFAULT_MAX_MESSAGES_PER_POLL,
	DEFAULT_WAIT_SECONDS,
	MAX_MESSAGES_PER_POLL,
} from './description';
import {
	isFinishedState,
	jobItem,
	unlistedJobItem,
	latestFinishedJob,
	readFinishedJobSettings,
	type FinishedJobSettings,
	type FinishedState,
} from './jobs';
import { addDeletesDue, deleteDue, deleteMessages, deletesDueUntil } from './mnsDeletes';
import { jobFromNotification, readNotification, type MpsNotification } from './mnsNotification';

/**
 * Job ids emitted are remembered this long: a message whose delete did not happen comes back
 * after the queue's visibility timeout, at most 12 hours in MNS.
 */
export const REDELIVERY_WINDOW_MS = 12 * 3_600_000;
/**
 * Bounds the static data saved after every poll (about 60 bytes an id). Two polls' worth: the
 * previous poll's messages, whose handles may have lapsed before this poll deletes them, can come
 * back during this poll after its own jobs were remembered.
 */
export const MAX_REMEMBERED_JOB_IDS = 2 * MAX_MESSAGES_PER_POLL;
const REDELIVERY_POLICY: CursorPolicy = {
	lookbackMs: REDELIVERY_WINDOW_MS,
	maxIds: MAX_REMEMBERED_JOB_IDS,
};

interface QueueSettings extends FinishedJobSettings {
	queueName: string;
	waitSeconds: number;
	maxMessagesPerPoll: number;
}

function readQueueSettings(this: IPollFunctions): QueueSettings {
	const finished = readFinishedJobSettings.call(this);
	const queueName = coerceText('Queue Name', this.getNodeParameter('queueName', '')).trim();
	const waitSeconds = coerceNumber(
		'Wait Seconds',
		this.getNodeParameter('waitSeconds', DEFAULT_WAIT_SECONDS),
	);
	const maxMessagesPerPoll = coerceNumber(
		'Max Messages per Poll',
		this.getNodeParameter('maxMessagesPerPoll', DEFAULT_MAX_MESSAGES_PER_POLL),
	);
	const problem = firstProblem(
		queueName === ''
			? 'Queue Name is required: the MNS queue bound to the MPS pipeline'
			: undefined,
		rangeProblem('Wait Seconds', waitSeconds, MNS_WAIT_SECONDS.min, MNS_WAIT_SECONDS.max),
		rangeProblem('Max Messages per Poll', maxMessagesPerPoll, 1, MAX_MESSAGES_PER_POLL),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	return { ...finished, queueName, waitSeconds, maxMessagesPerPoll };
}

/** A message to emit: a finished snapshot job in a chosen state, not emitted before. */
export interface JobMessage {
	message: MnsMessage;
	notification: MpsNotification;
	state: FinishedState;
}

/** What a poll does with the messages it received. */
export interface SortedMessages {
	/** Emitted, then deleted by the next poll; one per job, in enqueue order. */
	fire: JobMessage[];
	/** Deleted unemitted at once: another Type, a State not chosen, or a job already emitted. */
	drop: MnsMessage[];
	/** Left in the queue and reported: not a job message. */
	keep: Array<{ message: MnsMessage; problem: string }>;
}

/** Sorts received messages into fire / drop / keep; `cursor` holds the job ids emitted lately. */
export function sortMessages(
	messages: readonly MnsMessage[],
	states: readonly FinishedState[],
	cursor: PollingCursor,
	nowMs: number,
): SortedMessages {
	const sorted: SortedMessages = { fire: [], drop: [], keep: [] };
	const candidates: Array<PolledEvent<JobMessage>> = [];
	const inOrder = [...messages].sort((a, b) => (a.EnqueueTime ?? 0) - (b.EnqueueTime ?? 0));
	for (const message of inOrder) {
		const read = readNotification(message);
		if ('problem' in read) {
			sorted.keep.push({ message, problem: read.problem });
			continue;
		}
		const { notification } = read;
		const { state } = notification;
		if (notification.type !== 'Snapshot' || !isFinishedState(state) || !states.includes(state)) {
			sorted.drop.push(message);
			continue;
		}
		candidates.push({
			id: notification.jobId,
			time: nowMs,
			data: { message, notification, state },
		});
	}
	const fresh = new Set(selectNew(candidates, cursor, REDELIVERY_POLICY));
	for (const candidate of candidates) {
		if (fresh.has(candidate)) sorted.fire.push(candidate.data);
		else sorted.drop.push(candidate.data.message);
	}
	return sorted;
}

/** Each job as MPS lists it now (images, pipeline, tiles), else as its message tells it. */
async function jobItems(
	this: IPollFunctions,
	fire: JobMessage[],
	linkExpiry: number,
): Promise<INodeExecutionData[]> {
	const { jobs } = await queryJobsById.call(
		this,
		fire.map(({ notification }) => notification.jobId),
		{},
	);
	const listed = new Map(jobs.map((job) => [job.Id, job]));
	const items: INodeExecutionData[] = [];
	for (const { message, notification, state } of fire) {
		const extra = {
			MnsMessage: {
				MessageId: message.MessageId,
				EnqueueTime: message.EnqueueTime ?? null,
				DequeueCount: message.DequeueCount ?? null,
				BodyEncoding: message.bodyEncoding,
				Body: message.body,
			},
		};
		const job = listed.get(notification.jobId);
		items.push(
			job === undefined
				? unlistedJobItem(jobFromNotification(notification, state), extra)
				: await jobItem.call(this, job, linkExpiry, extra),
		);
	}
	return items;
}

function unparseableReport(queueName: string, keep: SortedMessages['keep']): string {
	const list = keep
		.map(
			({ message, problem }) =>
				`${message.MessageId} (${problem}, received ${message.DequeueCount ?? '?'} times)`,
		)
		.join('; ');
	return `${keep.length} message(s) in MNS queue "${queueName}" are not MPS job notifications and were left in the queue: ${list}`;
}

/**
 * What one batch did: the items it built, the messages they came from (deleted by the next poll),
 * the messages it left in the queue, its size.
 */
interface BatchOutcome {
	items: INodeExecutionData[];
	fired: MnsMessage[];
	keep: SortedMessages['keep'];
	received: number;
}

/**
 * One batch, start to end: receive up to `wanted`, sort, build the items, remember their job ids,
 * then delete what was filtered out or emitted before. Those never fire, whatever becomes of this
 * poll, so they go at once: left for the next poll, they would come back in it whenever the
 * visibility timeout is shorter than the poll interval, and never leave the queue.
 */
async function handleBatch(
	this: IPollFunctions,
	settings: QueueSettings,
	staticData: IDataObject,
	request: { wanted: number; waitSeconds: number; nowMs: number },
): Promise<BatchOutcome> {
	const received = await receiveMessages.call(this, {
		queueName: settings.queueName,
		waitSeconds: request.waitSeconds,
		maxMessages: request.wanted,
	});
	const cursor = readCursor(staticData, request.nowMs);
	const sorted = sortMessages(received, settings.states, cursor, request.nowMs);
	const items = await jobItems.call(this, sorted.fire, settings.linkExpiry);
	const emitted = sorted.fire.map(({ notification }) => ({
		id: notification.jobId,
		time: request.nowMs,
	}));
	writeCursor(staticData, advanceCursor(cursor, emitted, REDELIVERY_POLICY));
	await deleteMessages.call(this, settings.queueName, sorted.drop, false);
	const fired = sorted.fire.map(({ message }) => message);
	return { items, fired, keep: sorted.keep, received: received.length };
}

/**
 * MNS Queue mode. A poll first deletes the messages the previous poll emitted (see
 * DELETES_DUE_KEY), then takes batches of up to 16 until Max Messages per Poll are in or a batch
 * comes back short (the queue is drained for now); only the first receive long-polls, so an empty
 * queue costs one request. The messages of the jobs it emits stay in the queue, invisible, until
 * the next poll deletes them: their handles are left in static data, which n8n saves with the
 * execution. Unparseable messages stay in the queue. Manual runs do not touch the queue: they
 * show the latest finished job QuerySnapshotJobList lists.
 */
export async function pollMnsQueue(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readQueueSettings.call(this);
	if (this.getMode() === 'manual') {
		const latest = await latestFinishedJob.call(this, settings.states);
		if (latest.length === 0) return null;
		return [[await jobItem.call(this, latest[0], settings.linkExpiry)]];
	}
	const nowMs = Date.now();
	const staticData = this.getWorkflowStaticData('node');
	await deleteDue.call(this, settings.queueName, staticData, deletesDueUntil(this, nowMs));
	const items: INodeExecutionData[] = [];
	const fired: MnsMessage[] = [];
	const keep: SortedMessages['keep'] = [];
	let taken = 0;
	while (taken < settings.maxMessagesPerPoll) {
		const wanted = Math.min(MNS_BATCH_SIZE.max, settings.maxMessagesPerPoll - taken);
		const waitSeconds = taken === 0 ? settings.waitSeconds : 0;
		let batch: BatchOutcome;
		try {
			batch = await handleBatch.call(this, settings, staticData, { wanted, waitSeconds, nowMs });
		} catch (error) {
			// The jobs of earlier batches are remembered and go out; this batch emitted nothing, and
			// its messages come back after the visibility timeout.
			if (items.length === 0) throw asNodeError(this.getNode(), error, 0);
			this.logger.warn(
				`MNS queue "${settings.queueName}": a batch failed after ${items.length} job(s) were taken; they are emitted, the rest stays for the next poll`,
				{ error: error instanceof Error ? error.message : String(error) },
			);
			break;
		}
		items.push(...batch.items);
		fired.push(...batch.fired);
		keep.push(...batch.keep);
		taken += batch.received;
		if (batch.received < wanted) break;
	}
	addDeletesDue(staticData, fired, MAX_MESSAGES_PER_POLL);
	if (keep.length > 0) {
		const report = unparseableReport(settings.queueName, keep);
		// A failed poll would discard the items; they go out, and the kept messages return later.
		if (items.length === 0) throw new NodeOperationError(this.getNode(), report);
		this.logger.warn(report);
	}
	return items.length === 0 ? null : [items];
}
