import { UserError } from 'n8n-workflow';

/** A page of a list addressed by page number or by offset. */
export interface CountedPage<T> {
	items: T[];
	/** Total number of items across all pages, when the API reports it. */
	total?: number;
}

export interface PageNumberOptions {
	/** Stop after this many items; undefined = all. */
	limit?: number;
	/** The largest page the API accepts. */
	maxPageSize: number;
	/** First page number (Aliyun and Huawei count from 1). */
	firstPage?: number;
}

export type FetchNumberedPage<T> = (pageNo: number, pageSize: number) => Promise<CountedPage<T>>;

/**
 * The page size never changes between pages, because page numbers only address the same items
 * with the same size; a small limit asks for a small page from the start.
 */
export function pageSizeFor(limit: number | undefined, maxPageSize: number): number {
	return limit === undefined ? maxPageSize : Math.max(1, Math.min(limit, maxPageSize));
}

/**
 * PageNo/PageSize paging. Stops as soon as `limit` items are collected, and on an empty page, a
 * short page, or when `total` items have been seen.
 */
export async function collectByPageNumber<T>(
	fetchPage: FetchNumberedPage<T>,
	options: PageNumberOptions,
): Promise<T[]> {
	const { limit, maxPageSize, firstPage = 1 } = options;
	if (limit !== undefined && limit <= 0) return [];
	const pageSize = pageSizeFor(limit, maxPageSize);
	const items: T[] = [];
	for (let pageNo = firstPage; ; pageNo++) {
		const page = await fetchPage(pageNo, pageSize);
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		const lastPage =
			page.items.length < pageSize || (page.total !== undefined && items.length >= page.total);
		if (lastPage) return items;
	}
}

export interface TokenPage<T> {
	items: T[];
	/** NextPageToken; absent or empty on the last page. */
	nextToken?: string;
}

export interface TokenPagingOptions {
	limit?: number;
	maxPageSize: number;
}

export type FetchTokenPage<T> = (
	token: string | undefined,
	pageSize: number,
) => Promise<TokenPage<T>>;

/**
 * NextPageToken paging. Each request asks only for what is still missing, and paging
 * stops at the limit, on an empty page, without a token, or when the API repeats a token.
 */
export async function collectByToken<T>(
	fetchPage: FetchTokenPage<T>,
	options: TokenPagingOptions,
): Promise<T[]> {
	const { limit, maxPageSize } = options;
	if (limit !== undefined && limit <= 0) return [];
	const items: T[] = [];
	const usedTokens = new Set<string>();
	let token: string | undefined;
	for (;;) {
		const remaining = limit === undefined ? maxPageSize : limit - items.length;
		const page = await fetchPage(token, Math.min(maxPageSize, remaining));
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		const next = page.nextToken;
		if (page.items.length === 0 || !next || usedTokens.has(next)) return items;
		usedTokens.add(next);
		token = next;
	}
}

export interface OffsetPagingOptions {
	limit?: number;
	maxPageSize: number;
	/** The largest offset the API accepts (Huawei VOD: 20,000); paging never asks past it. */
	maxOffset?: number;
}

export type FetchOffsetPage<T> = (offset: number, limit: number) => Promise<CountedPage<T>>;

function offsetCapError(maxOffset: number, read: number, total: number | undefined): UserError {
	const of = total === undefined ? '' : ` of ${total}`;
	return new UserError(
		`Cannot page past offset ${maxOffset}, the largest the API accepts: ${read} items${of} were read and the list goes on. Narrow the query, or set Limit to ${read} or less.`,
	);
}

/**
 * Offset/limit paging (Huawei `offset` + `limit`). Each request asks only for what is still
 * missing; paging stops at the limit, on a short page, or when `total` items have been seen. An
 * offset above `maxOffset` is refused by the API, so reaching it without the end is an error
 * rather than a silently shortened list.
 */
export async function collectByOffset<T>(
	fetchPage: FetchOffsetPage<T>,
	options: OffsetPagingOptions,
): Promise<T[]> {
	const { limit, maxPageSize, maxOffset } = options;
	if (limit !== undefined && limit <= 0) return [];
	const items: T[] = [];
	let total: number | undefined;
	for (;;) {
		const offset = items.length;
		if (maxOffset !== undefined && offset > maxOffset) {
			throw offsetCapError(maxOffset, items.length, total);
		}
		const pageSize = limit === undefined ? maxPageSize : Math.min(maxPageSize, limit - offset);
		const page = await fetchPage(offset, pageSize);
		items.push(...page.items);
		total = page.total;
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		const lastPage = page.items.length < pageSize || (total !== undefined && items.length >= total);
		if (lastPage) return items;
	}
}

export interface MarkerPage<T> {
	items: T[];
	/** `next_marker`; absent or empty on the last page. */
	nextMarker?: string;
}

export type FetchMarkerPage<T> = (
	marker: string | undefined,
	limit: number,
) => Promise<MarkerPage<T>>;

/**
 * Marker paging (Huawei `marker` in, `next_marker` out): the same walk as `collectByToken`, so it
 * also stops at the limit, on an empty page, without a marker, or on a repeated marker.
 */
export async function collectByMarker<T>(
	fetchPage: FetchMarkerPage<T>,
	options: TokenPagingOptions,
): Promise<T[]> {
	return await collectByToken(async (marker, limit) => {
		const page = await fetchPage(marker, limit);
		return { items: page.items, nextToken: page.nextMarker };
	}, options);
}
