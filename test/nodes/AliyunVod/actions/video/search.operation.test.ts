import { describe, expect, it, vi } from 'vitest';

import type { AliyunRpcCall } from '../../../../../nodes/shared/transport/aliyunRpc';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { fakeVod, vodCalls } from '../../fakeTransport';
import { runVod, VOD_NODE, vodErrorMessage } from '../../harness';

vi.mock(
	'../../../../../nodes/shared/transport/aliyunRpc',
	async () => await import('../../fakeTransport'),
);

function media(index: number) {
	return {
		MediaType: 'video',
		MediaId: `video-${index}`,
		CreationTime: '2024-01-01T00:00:00Z',
		Video: { VideoId: `video-${index}`, Title: `Video ${index}`, Status: 'Normal' },
	};
}

/** SearchMedia over `total` videos; every page hands out a new ScrollToken. */
function searchPage(call: AliyunRpcCall, total: number): object {
	const pageNo = Number(call.params.PageNo);
	const pageSize = Number(call.params.PageSize);
	const list = [];
	for (
		let index = (pageNo - 1) * pageSize + 1;
		index <= Math.min(total, pageNo * pageSize);
		index++
	)
		list.push(media(index));
	return {
		RequestId: `REQ-${pageNo}`,
		Total: total,
		ScrollToken: `token-${pageNo}`,
		MediaList: list,
	};
}

function search(extra: Record<string, unknown> = {}) {
	return { resource: 'video', operation: 'search', ...extra };
}

describe('Video → Search (SearchMedia)', () => {
	it('sends the match expression, fields and sort order and outputs each media entry as VOD returns it', async () => {
		fakeVod((call) => searchPage(call, 2));
		const run = await runVod(
			search({
				match: "Status in ('Normal') and CreationTime = ('2024-01-01T00:00:00Z',)",
				options: { fields: 'Title,CoverURL', sortBy: 'CreationTime:Asc' },
			}),
		);
		expect(vodCalls).toEqual([
			{
				product: 'vod',
				action: 'SearchMedia',
				params: {
					SearchType: 'video',
					Match: "Status in ('Normal') and CreationTime = ('2024-01-01T00:00:00Z',)",
					Fields: 'Title,CoverURL',
					SortBy: 'CreationTime:Asc',
					PageNo: 1,
					PageSize: 50,
					ScrollToken: undefined,
				},
				idempotent: true,
				itemIndex: 0,
				maxRequestsPerSecond: 50,
				required: ['Total', 'MediaList[]?'],
			},
		]);
		expect(nodeOutput(run, VOD_NODE)).toEqual([
			{ json: media(1), pairedItem: { item: 0 } },
			{ json: media(2), pairedItem: { item: 0 } },
		]);
	});

	it.each<
		[string, number, Record<string, unknown>, Array<[number, number, string | undefined]>, number]
	>([
		// name, videos found, parameters, (PageNo, PageSize, ScrollToken) requested, items out
		['0 results', 0, { returnAll: true }, [[1, 100, undefined]], 0],
		['1 result', 1, { returnAll: true }, [[1, 100, undefined]], 1],
		['exactly one page', 100, { returnAll: true }, [[1, 100, undefined]], 100],
		[
			'one page plus one',
			101,
			{ returnAll: true },
			[
				[1, 100, undefined],
				[2, 100, 'token-1'],
			],
			101,
		],
		[
			'three pages',
			250,
			{ returnAll: true },
			[
				[1, 100, undefined],
				[2, 100, 'token-1'],
				[3, 100, 'token-2'],
			],
			250,
		],
		['a limit smaller than a page', 250, { limit: 7 }, [[1, 7, undefined]], 7],
		[
			'a limit over one page',
			250,
			{ limit: 120 },
			[
				[1, 100, undefined],
				[2, 100, 'token-1'],
			],
			120,
		],
	])('pages %s', async (_name, total, extra, pages, count) => {
		fakeVod((call) => searchPage(call, total));
		const run = await runVod(search(extra));
		expect(
			vodCalls.map((call) => [call.params.PageNo, call.params.PageSize, call.params.ScrollToken]),
		).toEqual(pages);
		expect(nodeOutput(run, VOD_NODE)).toHaveLength(count);
	});

	it('leaves Match, Fields and SortBy out when they are empty', async () => {
		fakeVod((call) => searchPage(call, 0));
		await runVod(search({ match: '' }));
		expect(vodCalls[0].params).toEqual({ SearchType: 'video', PageNo: 1, PageSize: 50 });
	});

	it.each<[string, Record<string, unknown>, string]>([
		['Limit 0', { limit: 0 }, 'Limit must be a whole number from 1 to 5000 (got 0)'],
		['Limit 5001', { limit: 5001 }, 'Limit must be a whole number from 1 to 5000 (got 5001)'],
	])('rejects %s before any request', async (_name, extra, message) => {
		fakeVod((call) => searchPage(call, 1));
		const run = await runVod(search(extra));
		expect(vodErrorMessage(run)).toContain(message);
		expect(vodCalls).toHaveLength(0);
	});
});
