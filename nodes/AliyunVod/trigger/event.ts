import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../../credentials/common/json';

const SNAPSHOT_COUNT_PLACEHOLDER = '{SnapshotCount}';

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
