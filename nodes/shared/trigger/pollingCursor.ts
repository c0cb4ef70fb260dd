import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../../credentials/common/json';

/**
 * Where a polling trigger stands, kept in the node's workflow static data. It tracks the time an
 * event became final (a job's completion, not its creation), so a job created earlier that
 * finishes later is still ahead of the cursor.
 */
export interface PollingCursor {
	/** Latest event time emitted (ms since epoch); the first activation's time before any. */
	time: number;
	/** The first activation's time: earlier events are history and never emitted. */
	since: number;
	/** Events emitted within the lookback window before `time`, oldest first. */
	seen: SeenEvent[];
}

export interface SeenEvent {
	id: string;
	time: number;
}

/** One event of a fetched page, with the id and final time the cursor works with. */
export interface PolledEvent<T> extends SeenEvent {
	data: T;
}

export interface CursorPolicy {
	/**
	 * How far before the cursor each poll looks again, for events a cloud lists only some time
	 * after their time (eventual consistency). 0 keeps only the ids seen at the cursor's time.
	 */
	lookbackMs: number;
	/** Bound on the remembered ids; it must exceed the events of one lookback window. */
	maxIds: number;
}

export const CURSOR_KEY = 'pollingCursor';

/**
 * Ids for one page's events from keys that can repeat (events a cloud lists without an id and
 * equal in every field it lists). Equal events cannot be told apart, only counted: the first keeps
 * its key and the n-th repeat gets `key#n`, so a page with one more equal event than the last poll
 * saw yields exactly one id the cursor has not seen, and the same events listed again yield the same ids.
 */
export function distinctIds(keys: string[]): string[] {
	const counts = new Map<string, number>();
	return keys.map((key) => {
		const repeat = counts.get(key) ?? 0;
		counts.set(key, repeat + 1);
		return repeat === 0 ? key : `${key}#${repeat}`;
	});
}

function seenEventOf(value: unknown): SeenEvent | undefined {
	if (!isRecord(value) || typeof value.id !== 'string') return undefined;
	return Number.isFinite(value.time) ? { id: value.id, time: Number(value.time) } : undefined;
}

/** The saved cursor; on first activation (or unreadable data) one that starts at `nowMs`. */
export function readCursor(staticData: IDataObject, nowMs: number): PollingCursor {
	const value: unknown = staticData[CURSOR_KEY];
	const fresh: PollingCursor = { time: nowMs, since: nowMs, seen: [] };
	if (!isRecord(value) || !Array.isArray(value.seen)) return fresh;
	const { time, since } = value;
	if (typeof time !== 'number' || typeof since !== 'number') return fresh;
	if (!Number.isFinite(time) || !Number.isFinite(since)) return fresh;
	const seen = value.seen.map(seenEventOf).filter((event) => event !== undefined);
	return { time, since, seen };
}

/** Assigns a fresh object, so n8n's observable static data marks itself changed. */
export function writeCursor(staticData: IDataObject, cursor: PollingCursor): void {
	staticData[CURSOR_KEY] = {
		time: cursor.time,
		since: cursor.since,
		seen: cursor.seen.map(({ id, time }) => ({ id, time })),
	};
}

/** The earliest event time the next poll asks for. */
export function windowStart(cursor: PollingCursor, policy: CursorPolicy): number {
	return Math.max(cursor.since, cursor.time - policy.lookbackMs);
}

/** The page's events not emitted yet, inside the window, each id once, oldest first. */
export function selectNew<T>(
	page: Array<PolledEvent<T>>,
	cursor: PollingCursor,
	policy: CursorPolicy,
): Array<PolledEvent<T>> {
	const start = windowStart(cursor, policy);
	const taken = new Set(cursor.seen.map((event) => event.id));
	const selected: Array<PolledEvent<T>> = [];
	for (const event of [...page].sort((a, b) => a.time - b.time)) {
		if (event.time < start || taken.has(event.id)) continue;
		taken.add(event.id);
		selected.push(event);
	}
	return selected;
}

/** Moves the cursor past the emitted events and forgets ids older than the lookback window. */
export function advanceCursor(
	cursor: PollingCursor,
	emitted: SeenEvent[],
	policy: CursorPolicy,
): PollingCursor {
	const time = Math.max(cursor.time, ...emitted.map((event) => event.time));
	const seen = [...cursor.seen, ...emitted.map(({ id, time: at }) => ({ id, time: at }))]
		.filter((event) => event.time >= time - policy.lookbackMs)
		.sort((a, b) => a.time - b.time)
		.slice(-policy.maxIds);
	return { time, since: cursor.since, seen };
}

export interface CursorPoll<T> {
	nowMs: number;
	/** Manual executions ("Fetch Test Event") return one sample and leave the cursor where it is. */
	manual: boolean;
	policy: CursorPolicy;
	/** Events with a time at or after `since`; with `since` undefined, the latest whatever their time. */
	fetchPage(since: number | undefined): Promise<Array<PolledEvent<T>>>;
}

/**
 * What each new event becomes before the cursor moves past it (its output, with what a second
 * call adds, such as its snapshot URLs). A throw leaves that event and every later one unsaved.
 */
export type CompleteEvent<T, R> = (event: PolledEvent<T>) => Promise<R>;

/**
 * Completes the events oldest first and stops at the first failure, so the cursor can move past
 * the completed ones only: an event that failed is neither emitted nor skipped.
 */
async function completeInOrder<T, R>(
	events: Array<PolledEvent<T>>,
	complete: CompleteEvent<T, R>,
): Promise<{ done: Array<PolledEvent<T>>; outputs: R[]; failure?: unknown }> {
	const outputs: R[] = [];
	for (const [index, event] of events.entries()) {
		try {
			outputs.push(await complete(event));
		} catch (failure) {
			return { done: events.slice(0, index), outputs, failure };
		}
	}
	return { done: events, outputs };
}

/**
 * One poll with a completion step: reads the cursor, fetches, selects, completes each new event
 * oldest first and saves the cursor past the completed ones only. A failed fetch throws before
 * the cursor moves. A failed completion stops there: the events completed before it are returned
 * and the failed one is fetched and completed again next poll; when it is the first, the poll
 * throws its error (so a lasting failure shows as a failed poll, and nothing is lost). Only a
 * first activation's start is saved before fetching, so events finishing while the first fetches
 * fail are still emitted later. A manual run completes the newest event and saves nothing.
 */
export async function pollAndComplete<T, R>(
	staticData: IDataObject,
	poll: CursorPoll<T>,
	complete: CompleteEvent<T, R>,
): Promise<R[]> {
	const cursor = readCursor(staticData, poll.nowMs);
	if (poll.manual) {
		const page = await poll.fetchPage(undefined);
		const newest = [...page].sort((a, b) => b.time - a.time)[0];
		return newest ? [await complete(newest)] : [];
	}
	if (!isRecord(staticData[CURSOR_KEY])) writeCursor(staticData, cursor);
	const page = await poll.fetchPage(windowStart(cursor, poll.policy));
	const fresh = selectNew(page, cursor, poll.policy);
	const { done, outputs, failure } = await completeInOrder(fresh, complete);
	if (done.length === 0 && failure !== undefined) throw failure;
	writeCursor(staticData, advanceCursor(cursor, done, poll.policy));
	return outputs;
}

/** One poll whose events need no completion: `pollAndComplete` with the events as they are. */
export async function pollWithCursor<T>(
	staticData: IDataObject,
	poll: CursorPoll<T>,
): Promise<Array<PolledEvent<T>>> {
	return await pollAndComplete(staticData, poll, async (event) => await Promise.resolve(event));
}
