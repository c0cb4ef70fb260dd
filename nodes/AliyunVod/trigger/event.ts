import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../../credentials/common/json';

const SNAPSHOT_COUNT_PLACEHOLDER = '{SnapshotCount}';

/**
 * VOD documents no maximum SnapshotCount (it pads `{SnapshotCount}` to five digits), so a sane cap
 * keeps a hostile count from filling memory: one event lists at most this many URLs, and at most
 * MAX_EVENT_URL_CHARS characters of them; what is left out is counted in `UrlsOmitted`.
 */
export const MAX_EVENT_URLS = 10_000;
export const MAX_EVENT_URL_CHARS = 4_000_000;

/** SnapshotCount as VOD sends it (a number, or digits in a string); 0 for anything else. */
function snapshotTotal(count: unknown): number {
	const total =
		typeof count === 'number'
			? count
			: typeof count === 'string' && /^\d+$/.test(count)
				? Number(count)
				: 0;
	return Number.isSafeInteger(total) && total > 0 ? total : 0;
}

/** How many URLs the rule stands for: one without placeholder, else SnapshotCount. */
function urlTotal(regular: unknown, count: unknown): number {
	if (typeof regular !== 'string' || regular.length === 0) return 0;
	return regular.includes(SNAPSHOT_COUNT_PLACEHOLDER) ? snapshotTotal(count) : 1;
}

/**
 * `{SnapshotCount}` is the 1-based index, zero-padded to 5 digits (00001, 00002, …). At most
 * `limit` URLs are built.
 */
export function expandSnapshotUrls(
	regular: unknown,
	count: unknown,
	limit: number = MAX_EVENT_URLS,
): string[] {
	const length = Math.min(urlTotal(regular, count), Math.max(0, limit));
	if (typeof regular !== 'string' || length === 0) return [];
	const parts = regular.split(SNAPSHOT_COUNT_PLACEHOLDER);
	return Array.from({ length }, (_, index) => parts.join(String(index + 1).padStart(5, '0')));
}

interface UrlBudget {
	urls: number;
	chars: number;
}

function expandInfo(info: IDataObject, budget: UrlBudget): IDataObject {
	const regular = info.SnapshotRegular;
	const perUrl = typeof regular === 'string' ? Math.max(1, regular.length) : 1;
	const limit = Math.min(budget.urls, Math.floor(budget.chars / perUrl));
	const urls = expandSnapshotUrls(regular, info.SnapshotCount, limit);
	budget.urls -= urls.length;
	budget.chars -= urls.length * perUrl;
	const omitted = urlTotal(regular, info.SnapshotCount) - urls.length;
	return omitted > 0 ? { ...info, Urls: urls, UrlsOmitted: omitted } : { ...info, Urls: urls };
}

/**
 * Adds `Urls` to each SnapshotInfo (and `UrlsOmitted` past the event's cap); entries that are not
 * objects carry no snapshot and are dropped.
 */
export function expandSnapshotInfos(event: IDataObject): IDataObject {
	const infos: unknown = event.SnapshotInfos;
	if (!Array.isArray(infos)) return event;
	const budget: UrlBudget = { urls: MAX_EVENT_URLS, chars: MAX_EVENT_URL_CHARS };
	const expanded = infos.filter(isRecord).map((info) => expandInfo(info, budget));
	return { ...event, SnapshotInfos: expanded };
}
