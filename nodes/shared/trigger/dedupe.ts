import type { IDataObject } from 'n8n-workflow';

const SEEN_KEY = 'seenEventIds';

/** Webhook senders retry within seconds, so a short memory is enough; it also bounds the static data. */
export const MAX_SEEN_EVENTS = 200;

function seenIds(staticData: IDataObject): string[] {
	const value: unknown = staticData[SEEN_KEY];
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Records the event id and tells whether it is new. n8n saves static data after a production
 * webhook answers, so the list outlives the request; a fresh array is assigned (never pushed into)
 * so the observable static data marks itself changed. Two deliveries handled at the same moment
 * by different n8n processes could both pass, but senders only retry after a failed attempt.
 */
export function rememberEvent(staticData: IDataObject, eventId: string): boolean {
	const seen = seenIds(staticData);
	if (seen.includes(eventId)) return false;
	staticData[SEEN_KEY] = [...seen, eventId].slice(-MAX_SEEN_EVENTS);
	return true;
}
