import { describe, expect, it } from 'vitest';

import { collectByPageNumber, collectByToken, pageSizeFor } from '../../../nodes/shared/pagination';

/** A server holding `total` numbered items, paged by number; records every request. */
function numberedServer(total: number, reportTotal = true) {
	const all = Array.from({ length: total }, (_, i) => i + 1);
	const requests: Array<{ pageNo: number; pageSize: number }> = [];
	const fetchPage = async (pageNo: number, pageSize: number) => {
		requests.push({ pageNo, pageSize });
		const items = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		return reportTotal ? { items, total } : { items };
	};
	return { requests, fetchPage };
}

/** Same items behind NextPageToken paging. */
function tokenServer(total: number) {
	const all = Array.from({ length: total }, (_, i) => i + 1);
	const requests: Array<{ token: string | undefined; pageSize: number }> = [];
	const fetchPage = async (token: string | undefined, pageSize: number) => {
		requests.push({ token, pageSize });
		const start = token === undefined ? 0 : Number(token);
		const items = all.slice(start, start + pageSize);
		const next = start + pageSize < total ? String(start + pageSize) : undefined;
		return { items, nextToken: next };
	};
	return { requests, fetchPage };
}

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('pageSizeFor', () => {
	it.each([
		[undefined, 50, 50],
		[10, 50, 10],
		[200, 50, 50],
		[0, 50, 1],
	])('limit %s, max %i → %i', (limit, max, size) => {
		expect(pageSizeFor(limit, max)).toBe(size);
	});
});

describe('collectByPageNumber', () => {
	it.each([
		// total, limit, expected item count, expected requests
		[0, undefined, 0, 1],
		[1, undefined, 1, 1],
		[10, undefined, 10, 1], // exactly one page, Total says done
		[11, undefined, 11, 2], // one page + 1
		[25, undefined, 25, 3],
		[100, 3, 3, 1], // limit smaller than a page: one small page
		[100, 10, 10, 1],
		[100, 15, 15, 2],
		[5, 8, 5, 1],
	])('total %i, limit %s → %i items in %i requests', async (total, limit, count, requestCount) => {
		const server = numberedServer(total);
		const items = await collectByPageNumber(server.fetchPage, { limit, maxPageSize: 10 });
		expect(items).toEqual(range(1, count));
		expect(server.requests).toHaveLength(requestCount);
	});

	it('without Total, a full last page costs one extra (empty) request', async () => {
		const server = numberedServer(20, false);
		expect(await collectByPageNumber(server.fetchPage, { maxPageSize: 10 })).toEqual(range(1, 20));
		expect(server.requests).toEqual([
			{ pageNo: 1, pageSize: 10 },
			{ pageNo: 2, pageSize: 10 },
			{ pageNo: 3, pageSize: 10 },
		]);
	});

	it('keeps the page size constant so page numbers stay aligned', async () => {
		const server = numberedServer(100);
		const items = await collectByPageNumber(server.fetchPage, { limit: 15, maxPageSize: 10 });
		expect(items).toEqual(range(1, 15));
		expect(server.requests).toEqual([
			{ pageNo: 1, pageSize: 10 },
			{ pageNo: 2, pageSize: 10 },
		]);
	});

	it('makes no request for a limit of 0', async () => {
		const server = numberedServer(5);
		expect(await collectByPageNumber(server.fetchPage, { limit: 0, maxPageSize: 10 })).toEqual([]);
		expect(server.requests).toHaveLength(0);
	});

	it('honours a first page of 0', async () => {
		const requests: number[] = [];
		const items = await collectByPageNumber(
			async (pageNo) => {
				requests.push(pageNo);
				return { items: pageNo === 0 ? ['a', 'b'] : [] };
			},
			{ maxPageSize: 2, firstPage: 0 },
		);
		expect(items).toEqual(['a', 'b']);
		expect(requests).toEqual([0, 1]);
	});
});

describe('collectByToken', () => {
	it.each([
		[0, undefined, 0, 1],
		[1, undefined, 1, 1],
		[10, undefined, 10, 1],
		[11, undefined, 11, 2],
		[100, 3, 3, 1],
		[100, 25, 25, 3],
	])('total %i, limit %s → %i items in %i requests', async (total, limit, count, requestCount) => {
		const server = tokenServer(total);
		const items = await collectByToken(server.fetchPage, { limit, maxPageSize: 10 });
		expect(items).toEqual(range(1, count));
		expect(server.requests).toHaveLength(requestCount);
	});

	it('asks only for the items still missing', async () => {
		const server = tokenServer(100);
		await collectByToken(server.fetchPage, { limit: 25, maxPageSize: 10 });
		expect(server.requests).toEqual([
			{ token: undefined, pageSize: 10 },
			{ token: '10', pageSize: 10 },
			{ token: '20', pageSize: 5 },
		]);
	});

	it('stops when the API repeats a token', async () => {
		let calls = 0;
		const items = await collectByToken(
			async () => {
				calls++;
				return { items: [calls], nextToken: 'same' };
			},
			{ maxPageSize: 1 },
		);
		expect(items).toEqual([1, 2]);
		expect(calls).toBe(2);
	});
});
