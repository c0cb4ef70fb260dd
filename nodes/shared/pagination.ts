import { UnexpectedError, UserError } from 'n8n-workflow';

/** A page of a list addressed by page number or by offset. */
export interface CountedPage<T> {
	items: T[];
	/** Total number of items across all pages, when the API reports it. */
	total?: number;
}

export interface TokenPagingOptions {
	/** Stop after this many items; undefined = all. */
	limit?: number;
	/** The largest page the API accepts. */
	maxPageSize: number;
}

export interface PageNumberOptions extends TokenPagingOptions {
	/** First page number (Aliyun and Huawei count from 1). */
	firstPage?: number;
}

export interface OffsetPagingOptions extends TokenPagingOptions {
	/** The largest offset the API accepts (Huawei VOD: 20,000); paging never asks past it. */
	maxOffset?: number;
}

export type FetchNumberedPage<T> = (pageNo: number, pageSize: number) => Promise<CountedPage<T>>;

/** A short page, or `total` items seen, is the end of a counted list. */
function endsCountedList<T>(page: CountedPage<T>, pageSize: number, seen: number): boolean {
	return page.items.length < pageSize || (page.total !== undefined && seen >= page.total);
}

/** Where paging can address any item, each request asks only for what is still missing. */
function missingPageSize(options: TokenPagingOptions, collected: number): number {
	const { limit, maxPageSize } = options;
	return limit === undefined ? maxPageSize : Math.min(maxPageSize, limit - collected);
}

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
		if (endsCountedList(page, pageSize, items.length)) return items;
	}
}

export type FetchOffsetPage<T> = (offset: number, limit: number) => Promise<CountedPage<T>>;

function offsetCapError(maxOffset: number, read: number, total: number | undefined): UserError {
	const of = total === undefined ? '' : ` of ${total}`;
	return new UserError(
		`Cannot page past offset ${maxOffset}, the largest the API accepts: ${read} items${of} were read and the list goes on. Narrow the query, or set Limit to ${read} or less.`,
	);
}

/**
 * Offset/limit paging (Huawei `offset` + `limit`, an item offset). Stops as soon as `limit` items
 * are collected, and on a short page or when `total` items have been seen. The API refuses an
 * offset above `maxOffset`, so needing one is an error rather than a silently shortened list.
 */
export async function collectByOffset<T>(
	fetchPage: FetchOffsetPage<T>,
	options: OffsetPagingOptions,
): Promise<T[]> {
	const { limit, maxOffset } = options;
	if (limit !== undefined && limit <= 0) return [];
	const items: T[] = [];
	let total: number | undefined;
	for (;;) {
		const offset = items.length;
		if (maxOffset !== undefined && offset > maxOffset) {
			throw offsetCapError(maxOffset, offset, total);
		}
		const pageSize = missingPageSize(options, offset);
		const page = await fetchPage(offset, pageSize);
		items.push(...page.items);
		total = page.total;
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		if (endsCountedList(page, pageSize, items.length)) return items;
	}
}

export interface TokenPage<T> {
	items: T[];
	/** Aliyun NextPageToken or Huawei next_marker; absent or empty on the last page. */
	nextToken?: string;
}

export type FetchTokenPage<T> = (
	token: string | undefined,
	pageSize: number,
) => Promise<TokenPage<T>>;

/**
 * NextPageToken paging (Aliyun) and marker paging (Huawei: `marker` in, `next_marker` out), one
 * walk: each request asks only for what is still missing, and paging stops at the limit, on an
 * empty page, without a token, or when the API repeats a token.
 */
export async function collectByToken<T>(
	fetchPage: FetchTokenPage<T>,
	options: TokenPagingOptions,
): Promise<T[]> {
	const { limit } = options;
	if (limit !== undefined && limit <= 0) return [];
	const items: T[] = [];
	const usedTokens = new Set<string>();
	let token: string | undefined;
	for (;;) {
		const page = await fetchPage(token, missingPageSize(options, items.length));
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		const next = page.nextToken;
		if (page.items.length === 0 || !next || usedTokens.has(next)) return items;
		usedTokens.add(next);
		token = next;
	}
}

/** The items in order, `size` at a time (for APIs that take at most `size` IDs per call). */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
	if (!(size >= 1)) throw new UnexpectedError('chunk size must be at least 1');
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size)
		chunks.push(items.slice(start, start + size));
	return chunks;
}
