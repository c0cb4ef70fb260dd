import { describe, expect, it } from 'vitest';

import {
	collectByOffset,
	collectByPageNumber,
	collectByToken,
	pageSizeFor,
} from '../../../nodes/shared/pagination';

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

/** Same items behind Huawei offset/limit paging (an item offset, as ListThumbnailInfo takes). */
function offsetServer(total: number, reportTotal = true) {
	const requests: Array<{ offset: number; limit: number }> = [];
	const fetchPage = async (offset: number, limit: number) => {
		requests.push({ offset, limit });
		const items = range(offset + 1, Math.min(total, offset + limit));
		return reportTotal ? { items, total } : { items };
	};
	return { requests, fetchPage };
}

/**
 * Same items behind Huawei marker paging (ListAssetTaskInfo: `marker` in, `next_marker` out), read
 * through `collectByToken` as the Huawei transport does: the answer's `next_marker` is the token.
 */
function markerServer(total: number) {
	const requests: Array<{ marker: string | undefined; limit: number }> = [];
	const listAssetTasks = (marker: string | undefined, limit: number) => {
		requests.push({ marker, limit });
		const start = marker === undefined ? 0 : Number(marker);
		const results = range(start + 1, Math.min(total, start + limit));
		return start + limit < total ? { results, next_marker: String(start + limit) } : { results };
	};
	const fetchPage = async (marker: string | undefined, limit: number) => {
		const answer = listAssetTasks(marker, limit);
		return { items: answer.results, nextToken: answer.next_marker };
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
	describe.each([
		['NextPageToken', tokenServer],
		['Huawei marker', markerServer],
	])('%s', (_name, server) => {
		it.each([
			[0, undefined, 0, 1], // empty first page, no token
			[1, undefined, 1, 1],
			[3, undefined, 3, 1],
			[10, undefined, 10, 1],
			[11, undefined, 11, 2],
			[20, undefined, 20, 2], // exact multiple: the last page has no token
			[21, undefined, 21, 3],
			[100, 3, 3, 1], // limit smaller than a page
			[100, 20, 20, 2],
			[100, 25, 25, 3], // limit crossing a page
		])(
			'total %i, limit %s → %i items in %i requests',
			async (total, limit, count, requestCount) => {
				const { fetchPage, requests } = server(total);
				const items = await collectByToken(fetchPage, { limit, maxPageSize: 10 });
				expect(items).toEqual(range(1, count));
				expect(requests).toHaveLength(requestCount);
			},
		);
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

describe('collectByOffset', () => {
	it.each([
		// total, limit, expected item count, expected requests (offset, limit)
		{ total: 0, limit: undefined, count: 0, requests: [[0, 10]] }, // empty first page
		{
			total: 20,
			limit: undefined,
			count: 20,
			requests: [
				[0, 10],
				[10, 10],
			],
		}, // total ends it
		{
			total: 25,
			limit: undefined,
			count: 25,
			requests: [
				[0, 10],
				[10, 10],
				[20, 10],
			],
		},
		{ total: 100, limit: 3, count: 3, requests: [[0, 3]] }, // limit smaller than a page
		{ total: 100, limit: 10, count: 10, requests: [[0, 10]] },
		{
			total: 100,
			limit: 15,
			count: 15,
			requests: [
				[0, 10],
				[10, 5],
			],
		}, // limit crossing a page
		{
			total: 100,
			limit: 20,
			count: 20,
			requests: [
				[0, 10],
				[10, 10],
			],
		}, // exact multiple
		{ total: 5, limit: 8, count: 5, requests: [[0, 8]] },
	])(
		'total $total, limit $limit → $count items, requests $requests',
		async ({ total, limit, count, requests }) => {
			const server = offsetServer(total);
			const items = await collectByOffset(server.fetchPage, { limit, maxPageSize: 10 });
			expect(items).toEqual(range(1, count));
			expect(server.requests.map(({ offset, limit: size }) => [offset, size])).toEqual(requests);
		},
	);

	it('without a total, an exact multiple of the page size costs one extra (empty) request', async () => {
		const server = offsetServer(20, false);
		expect(await collectByOffset(server.fetchPage, { maxPageSize: 10 })).toEqual(range(1, 20));
		expect(server.requests).toEqual([
			{ offset: 0, limit: 10 },
			{ offset: 10, limit: 10 },
			{ offset: 20, limit: 10 },
		]);
	});

	it('stops on a short page without a total', async () => {
		const server = offsetServer(13, false);
		expect(await collectByOffset(server.fetchPage, { maxPageSize: 10 })).toEqual(range(1, 13));
		expect(server.requests).toHaveLength(2);
	});

	it('makes no request for a limit of 0', async () => {
		const server = offsetServer(5);
		expect(await collectByOffset(server.fetchPage, { limit: 0, maxPageSize: 10 })).toEqual([]);
		expect(server.requests).toHaveLength(0);
	});

	describe('with the Huawei VOD offset cap (offset ≤ 20,000, limit ≤ 100)', () => {
		const cap = { maxPageSize: 100, maxOffset: 20_000 };

		it('throws naming the cap instead of truncating, and never asks past it', async () => {
			const server = offsetServer(30_000);
			await expect(collectByOffset(server.fetchPage, cap)).rejects.toThrow(
				'Cannot page past offset 20000, the largest the API accepts: 20100 items of 30000 were read',
			);
			// offsets 0, 100, …, 20000
			expect(server.requests).toHaveLength(201);
			expect(server.requests.at(-1)).toEqual({ offset: 20_000, limit: 100 });
		});

		it('throws without a total too, suggesting a Limit that fits', async () => {
			const server = offsetServer(30_000, false);
			await expect(collectByOffset(server.fetchPage, cap)).rejects.toThrow(
				/20100 items were read .*set Limit to 20100 or less/,
			);
		});

		it('throws when the limit lies past the cap and the list goes on', async () => {
			const server = offsetServer(30_000);
			await expect(collectByOffset(server.fetchPage, { ...cap, limit: 20_101 })).rejects.toThrow(
				'offset 20000',
			);
		});

		it('reads the last page the cap allows when the limit ends there', async () => {
			const server = offsetServer(30_000);
			const items = await collectByOffset(server.fetchPage, { ...cap, limit: 20_100 });
			expect(items).toHaveLength(20_100);
			expect(items.at(-1)).toBe(20_100);
			expect(server.requests.at(-1)).toEqual({ offset: 20_000, limit: 100 });
		});

		it('ends normally when the list ends on the page at the cap', async () => {
			const server = offsetServer(20_050, false);
			expect(await collectByOffset(server.fetchPage, cap)).toHaveLength(20_050);
			expect(server.requests).toHaveLength(201);
		});
	});
});

describe('collectByToken with Huawei markers', () => {
	it('sends next_marker back as marker and asks only for the items still missing', async () => {
		const server = markerServer(100);
		await collectByToken(server.fetchPage, { limit: 25, maxPageSize: 10 });
		expect(server.requests).toEqual([
			{ marker: undefined, limit: 10 },
			{ marker: '10', limit: 10 },
			{ marker: '20', limit: 5 },
		]);
	});

	it('takes an empty next_marker as the end', async () => {
		let calls = 0;
		const items = await collectByToken(
			async () => {
				calls++;
				return { items: ['a'], nextToken: '' };
			},
			{ maxPageSize: 10 },
		);
		expect(items).toEqual(['a']);
		expect(calls).toBe(1);
	});
});
