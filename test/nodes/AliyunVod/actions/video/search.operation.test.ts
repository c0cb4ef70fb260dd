import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { DOCUMENTED_QPS } from '../../../../../nodes/AliyunVod/transport';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEndpoint, runVod, VOD_NODE, vodErrorMessage } from '../../harness';
import type { VodRun } from '../../harness';
import { vodStandInPerFile } from '../../vodStandIn';
import type { VodStandIn, VodWireCall } from '../../vodStandIn';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

async function run(parameters: INodeParameters, options: VodRun = {}) {
	return await runVod(parameters, againstEndpoint(vod.url, options));
}

function media(index: number) {
	return {
		MediaType: 'video',
		MediaId: `video-${index}`,
		CreationTime: '2024-01-01T00:00:00Z',
		Video: { VideoId: `video-${index}`, Title: `Video ${index}`, Status: 'Normal' },
	};
}

/** SearchMedia over `total` videos; every page hands out a new ScrollToken. */
function searchPage(call: VodWireCall, total: number): object {
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
		vod.answer((call) => searchPage(call, 2));
		const result = await run(
			search({
				match: "Status in ('Normal') and CreationTime = ('2024-01-01T00:00:00Z',)",
				options: { fields: 'Title,CoverURL', sortBy: 'CreationTime:Asc' },
			}),
		);
		expect(vod.calls()).toEqual([
			{
				method: 'POST',
				path: '/',
				action: 'SearchMedia',
				version: '2017-03-21',
				params: {
					SearchType: 'video',
					Match: "Status in ('Normal') and CreationTime = ('2024-01-01T00:00:00Z',)",
					Fields: 'Title,CoverURL',
					SortBy: 'CreationTime:Asc',
					PageNo: '1',
					PageSize: '50',
				},
				body: '',
				signed: true,
			},
		]);
		expect(DOCUMENTED_QPS.SearchMedia).toBe(50);
		expect(nodeOutput(result, VOD_NODE)).toEqual([
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
		vod.answer((call) => searchPage(call, total));
		const result = await run(search(extra));
		expect(
			vod
				.calls()
				.map((call) => [
					Number(call.params.PageNo),
					Number(call.params.PageSize),
					call.params.ScrollToken,
				]),
		).toEqual(pages);
		expect(nodeOutput(result, VOD_NODE)).toHaveLength(count);
	});

	it('leaves Match, Fields and SortBy out when they are empty', async () => {
		vod.answer((call) => searchPage(call, 0));
		await run(search({ match: '' }));
		expect(vod.calls()[0].params).toEqual({ SearchType: 'video', PageNo: '1', PageSize: '50' });
	});

	it.each<[string, Record<string, unknown>, string]>([
		['Limit 0', { limit: 0 }, 'Limit must be a whole number from 1 to 5000 (got 0)'],
		['Limit 5001', { limit: 5001 }, 'Limit must be a whole number from 1 to 5000 (got 5001)'],
	])('rejects %s before any request', async (_name, extra, message) => {
		vod.answer((call) => searchPage(call, 1));
		const result = await run(search(extra));
		expect(vodErrorMessage(result)).toContain(message);
		expect(vod.calls()).toHaveLength(0);
	});
});
