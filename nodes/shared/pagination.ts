export interface NumberedPage<T> {
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

export type FetchNumberedPage<T> = (pageNo: number, pageSize: number) => Promise<NumberedPage<T>>;

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
	/** NextPageToken / next marker; absent or empty on the last page. */
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
 * NextPageToken / marker paging. Each request asks only for what is still missing, and paging
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
