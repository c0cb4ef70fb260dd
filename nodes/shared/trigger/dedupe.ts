import type { IDataObject } from 'n8n-workflow';

const SEEN_KEY = 'seenEvents';

/** Bounds the static data and the memory per trigger node. */
export const MAX_SEEN_EVENTS = 200;

/**
 * Senders deliver an event again within minutes (VOD: 3 attempts seconds apart, and again when the
 * answer is late); an equal event after this is a new one, since some (Huawei's) carry no id or time.
 */
export const DEDUPE_WINDOW_MS = 15 * 60 * 1000;

/** Trigger nodes this process keeps a memory for; the least recently used is forgotten first. */
export const MAX_REMEMBERED_SCOPES = 1000;

/** An event id and when its first delivery arrived (ms since the epoch). */
interface SeenEvent {
	id: string;
	at: number;
}

/**
 * What this n8n process saw lately, per trigger node. n8n loads static data from the database for
 * every delivery, so two deliveries handled at once both read the list as it was; this memory is
 * shared by them and closes that gap within one process.
 */
const recentByScope = new Map<string, SeenEvent[]>();

function isSeenEvent(value: unknown): value is SeenEvent {
	if (typeof value !== 'object' || value === null) return false;
	const { id, at } = value as Record<string, unknown>;
	return typeof id === 'string' && typeof at === 'number';
}

function storedEvents(staticData: IDataObject): SeenEvent[] {
	const value: unknown = staticData[SEEN_KEY];
	return Array.isArray(value) ? value.filter(isSeenEvent) : [];
}

/** Both lists, each id once with its first arrival, oldest first, the newest MAX_SEEN_EVENTS kept. */
function mergeSeen(...lists: ReadonlyArray<readonly SeenEvent[]>): SeenEvent[] {
	const firstSeen = new Map<string, number>();
	for (const { id, at } of lists.flat()) firstSeen.set(id, Math.min(at, firstSeen.get(id) ?? at));
	return [...firstSeen]
		.map(([id, at]) => ({ id, at }))
		.sort((left, right) => left.at - right.at)
		.slice(-MAX_SEEN_EVENTS);
}

function withinWindow(events: SeenEvent[], now: number): SeenEvent[] {
	return events.filter((event) => now - event.at < DEDUPE_WINDOW_MS);
}

function keepRecent(scope: string, events: SeenEvent[]): void {
	recentByScope.delete(scope);
	recentByScope.set(scope, events);
	if (recentByScope.size <= MAX_REMEMBERED_SCOPES) return;
	const oldest = recentByScope.keys().next().value;
	if (oldest !== undefined) recentByScope.delete(oldest);
}

function sameEvents(left: readonly SeenEvent[], right: readonly SeenEvent[]): boolean {
	return (
		left.length === right.length &&
		left.every((event, index) => event.id === right[index].id && event.at === right[index].at)
	);
}

/**
 * Records the event id and tells whether it is new: not seen within DEDUPE_WINDOW_MS. `scope`
 * names the trigger node (workflow and node id), `now` is the delivery's arrival. The list lives in
 * the node's static data, which n8n saves when the webhook's answer comes before the run starts
 * (see `handleWebhook`), and in this process's memory. A fresh array is assigned (never pushed
 * into) so the observable static data marks itself changed; it is also assigned for a repeat when
 * entries expired or the memory knows ids the stored list lacks, so the database catches up.
 */
export function rememberEvent(
	staticData: IDataObject,
	eventId: string,
	scope: string,
	now: number,
): boolean {
	const stored = storedEvents(staticData);
	const seen = withinWindow(mergeSeen(stored, recentByScope.get(scope) ?? []), now);
	const isNew = !seen.some((event) => event.id === eventId);
	const updated = isNew ? mergeSeen(seen, [{ id: eventId, at: now }]) : seen;
	keepRecent(scope, updated);
	if (!sameEvents(stored, updated)) staticData[SEEN_KEY] = updated.map((event) => ({ ...event }));
	return isNew;
}
