import type { IDataObject } from 'n8n-workflow';

const SEEN_KEY = 'seenEventIds';

/** Webhook senders retry within seconds, so a short memory is enough; it also bounds the static data. */
export const MAX_SEEN_EVENTS = 200;

/** Trigger nodes this process keeps a memory for; the least recently used is forgotten first. */
export const MAX_REMEMBERED_SCOPES = 1000;

/**
 * What this n8n process saw lately, per trigger node. n8n loads static data from the database for
 * every delivery, so two deliveries handled at once both read the list as it was; this memory is
 * shared by them and closes that gap within one process.
 */
const recentByScope = new Map<string, string[]>();

function seenIds(staticData: IDataObject): string[] {
	const value: unknown = staticData[SEEN_KEY];
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Both lists in order, each id once, the newest MAX_SEEN_EVENTS kept. */
function mergeSeen(stored: readonly string[], recent: readonly string[]): string[] {
	return [...new Set([...stored, ...recent])].slice(-MAX_SEEN_EVENTS);
}

function keepRecent(scope: string, ids: string[]): void {
	recentByScope.delete(scope);
	recentByScope.set(scope, ids);
	if (recentByScope.size <= MAX_REMEMBERED_SCOPES) return;
	const oldest = recentByScope.keys().next().value;
	if (oldest !== undefined) recentByScope.delete(oldest);
}

function sameIds(left: readonly string[], right: readonly string[]): boolean {
	return left.length === right.length && left.every((id, index) => id === right[index]);
}

/**
 * Records the event id and tells whether it is new. `scope` names the trigger node (workflow and
 * node id). The list lives in the node's static data, which n8n saves when the webhook's answer
 * comes before the run starts (see `handleWebhook`), and in this process's memory. A fresh array is
 * assigned (never pushed into) so the observable static data marks itself changed; it is also
 * assigned for a repeat when the memory knows ids the stored list lacks, so the database catches up.
 */
export function rememberEvent(staticData: IDataObject, eventId: string, scope: string): boolean {
	const stored = seenIds(staticData);
	const seen = mergeSeen(stored, recentByScope.get(scope) ?? []);
	const isNew = !seen.includes(eventId);
	const updated = isNew ? mergeSeen(seen, [eventId]) : seen;
	keepRecent(scope, updated);
	if (!sameIds(stored, updated)) staticData[SEEN_KEY] = updated;
	return isNew;
}
