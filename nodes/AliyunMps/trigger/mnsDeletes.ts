import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isRecord } from '../../../credentials/common/json';
import { deleteMessage, type MnsMessage } from '../../shared/transport/mns';

/**
 * Where a poll that emitted leaves the receipt handles of its emitted messages for the next poll
 * to delete. n8n saves a poll's static data as it takes the poll's items (n8n 2.41.1 with durable
 * poll cursors: in one transaction with the execution they start), never for a poll that failed or
 * whose result it dropped; so handles the next poll finds prove the emission was recorded, while
 * the messages of an emission that was not come back after the visibility timeout and fire again.
 */
export const DELETES_DUE_KEY = 'mnsDeletesDue';

/** A message a poll emitted, deleted by the next poll. */
export type DueDelete = Pick<MnsMessage, 'MessageId' | 'ReceiptHandle'>;

function dueDeleteOf(value: unknown): DueDelete | undefined {
	if (!isRecord(value)) return undefined;
	const { MessageId, ReceiptHandle } = value;
	if (typeof MessageId !== 'string' || typeof ReceiptHandle !== 'string') return undefined;
	return { MessageId, ReceiptHandle };
}

/** The deletes the last emitting poll left; none on first activation or unreadable data. */
export function readDeletesDue(staticData: IDataObject): DueDelete[] {
	const value: unknown = staticData[DELETES_DUE_KEY];
	if (!Array.isArray(value)) return [];
	return value.map(dueDeleteOf).filter((due) => due !== undefined);
}

/**
 * Assigns a fresh array, so n8n's observable static data marks itself changed; none removes the
 * key, if there is one (a delete marks the data changed too, so an idle poll leaves it alone).
 */
export function writeDeletesDue(staticData: IDataObject, messages: readonly DueDelete[]): void {
	if (messages.length === 0) {
		if (DELETES_DUE_KEY in staticData) delete staticData[DELETES_DUE_KEY];
		return;
	}
	staticData[DELETES_DUE_KEY] = messages.map(({ MessageId, ReceiptHandle }) => ({
		MessageId,
		ReceiptHandle,
	}));
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Deletes each message, in order, until `untilMs`; returns those it did not reach. One whose
 * delete fails, or whose handle lapsed (`handleMayBeStale`: the handles of the previous poll),
 * stays in the queue, comes back after the visibility timeout and is then deleted without being
 * emitted again (its job id is remembered).
 */
export async function deleteMessages(
	this: IPollFunctions,
	queueName: string,
	messages: readonly DueDelete[],
	handleMayBeStale: boolean,
	untilMs = Number.POSITIVE_INFINITY,
): Promise<DueDelete[]> {
	for (const [index, { MessageId, ReceiptHandle }] of messages.entries()) {
		if (Date.now() >= untilMs) return messages.slice(index);
		try {
			const outcome = await deleteMessage.call(this, {
				queueName,
				receiptHandle: ReceiptHandle,
				handleMayBeStale,
			});
			if (outcome === 'handleExpired') {
				this.logger.debug(
					`MNS message ${MessageId}: its receipt handle lapsed before this poll (a visibility timeout shorter than the poll interval); the message is received again and deleted as already emitted`,
				);
			}
		} catch (error) {
			this.logger.warn(
				`MNS message ${MessageId} was not deleted; it comes back after the visibility timeout and is then deleted without a second emission`,
				{ error: errorText(error) },
			);
		}
	}
	return [];
}

/** n8n's time for one poll before it gives the poll up: 5 minutes, less under its scheduler. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

/**
 * When the deletes due must stop, so that the poll still receives: a third of n8n's budget for
 * the poll (`getPollBudgetMs`, n8n 2.41 and later). A poll n8n gives up saves nothing, so without
 * a bound 1,600 deletes due (80 s at MNS's pace) would be tried again by every poll, none of which
 * would ever receive.
 */
export function deletesDueUntil(context: IPollFunctions, startedMs: number): number {
	const budgetMs =
		typeof context.getPollBudgetMs === 'function'
			? context.getPollBudgetMs()
			: DEFAULT_POLL_BUDGET_MS;
	return startedMs + budgetMs / 3;
}

/**
 * Deletes what the previous poll emitted, until `untilMs`, and keeps the rest due (before this
 * poll receives).
 */
export async function deleteDue(
	this: IPollFunctions,
	queueName: string,
	staticData: IDataObject,
	untilMs: number,
): Promise<void> {
	const due = readDeletesDue(staticData);
	if (due.length === 0) return;
	writeDeletesDue(staticData, await deleteMessages.call(this, queueName, due, true, untilMs));
}

/**
 * Leaves the messages this poll emitted due for the next poll, after those still due; at most
 * `max`, the newest (an older handle dropped has lapsed: its message comes back and is deleted as
 * already emitted).
 */
export function addDeletesDue(
	staticData: IDataObject,
	emitted: readonly DueDelete[],
	max: number,
): void {
	writeDeletesDue(staticData, [...readDeletesDue(staticData), ...emitted].slice(-max));
}
