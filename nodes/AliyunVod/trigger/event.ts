import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { isRecord, parseJson } from '../../../credentials/common/json';

const SNAPSHOT_COUNT_PLACEHOLDER = '{SnapshotCount}';

/** The callback body as an object, or undefined when it is not a JSON object. */
export function parseEventBody(
	rawBody: Buffer | undefined,
	parsedBody: unknown,
): IDataObject | undefined {
	if (rawBody === undefined || rawBody.length === 0)
		return isRecord(parsedBody) ? parsedBody : undefined;
	const value = parseJson(rawBody.toString('utf8'));
	return isRecord(value) ? value : undefined;
}

/** `{SnapshotCount}` is the 1-based index, zero-padded to 5 digits (00001, 00002, …). */
export function expandSnapshotUrls(regular: unknown, count: unknown): string[] {
	if (typeof regular !== 'string' || regular.length === 0) return [];
	if (!regular.includes(SNAPSHOT_COUNT_PLACEHOLDER)) return [regular];
	const total = Number(count);
	if (!Number.isSafeInteger(total) || total < 1) return [];
	return Array.from({ length: total }, (_, index) =>
		regular.split(SNAPSHOT_COUNT_PLACEHOLDER).join(String(index + 1).padStart(5, '0')),
	);
}

/** Adds `Urls` to each SnapshotInfo; entries that are not objects carry no snapshot and are dropped. */
export function expandSnapshotInfos(event: IDataObject): IDataObject {
	const infos: unknown = event.SnapshotInfos;
	if (!Array.isArray(infos)) return event;
	const expanded = infos.filter(isRecord).map((info) => ({
		...info,
		Urls: expandSnapshotUrls(info.SnapshotRegular, info.SnapshotCount),
	}));
	return { ...event, SnapshotInfos: expanded };
}

/** JSON with object keys sorted at every level, so equal events serialise to equal text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (isRecord(value)) {
		const members = Object.keys(value)
			.sort()
			.filter((key) => value[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * VOD re-sends the same body on each of its up to 3 attempts (only the timestamp header changes),
 * so a hash of the canonical body identifies the event across deliveries.
 */
export function eventIdOf(event: IDataObject): string {
	return createHash('sha256').update(canonicalJson(event), 'utf8').digest('hex');
}

const WITHHELD_HEADERS = new Set([
	// With the timestamp, the signature lets anyone replay a forged body inside the replay window.
	'x-vod-signature',
	'authorization',
	'proxy-authorization',
	'cookie',
]);

export function publicHeaders(headers: Record<string, string | string[] | undefined>): IDataObject {
	const kept: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined && !WITHHELD_HEADERS.has(name.toLowerCase())) kept[name] = value;
	}
	return kept;
}
