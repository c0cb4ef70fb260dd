import type { IDataObject } from 'n8n-workflow';

import { isRecord, parseJson } from '../../../credentials/common/json';

/**
 * The VOD event in a delivery. MFS's envelope is unconfirmed (huawei.md §6.4): a body with a
 * string `message` carries the event as JSON text, any other body is the event itself.
 */
export function vodEventOf(body: IDataObject): IDataObject {
	if (typeof body.message !== 'string') return body;
	const inner = parseJson(body.message);
	return isRecord(inner) ? inner : body;
}

/** The `<x>_info` object of each event type (transcode_info, thumbnail_info, …). */
function infoOf(event: IDataObject): IDataObject | undefined {
	const key = Object.keys(event).find((name) => name.endsWith('_info'));
	const info = key === undefined ? undefined : event[key];
	return isRecord(info) ? info : undefined;
}

interface Snapshot {
	offset: number;
	url: string;
}

function snapshotsIn(value: unknown): Snapshot[] {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is Snapshot =>
			isRecord(entry) && typeof entry.url === 'string' && typeof entry.offset === 'number',
	);
}

/**
 * The event as the workflow gets it: as VOD sent it, plus `snapshots` (offset and URL) gathered
 * from the lists snapshot and cover events carry (`sample`, `dots`, `quantity`, `cover_urls`).
 */
export function eventOutput(body: IDataObject): IDataObject {
	const event = vodEventOf(body);
	const info = infoOf(event) ?? {};
	const snapshots = ['sample', 'dots', 'quantity', 'cover_urls'].flatMap((list) =>
		snapshotsIn(info[list]),
	);
	return { ...event, snapshots: snapshots.map((snapshot) => ({ ...snapshot })) };
}
