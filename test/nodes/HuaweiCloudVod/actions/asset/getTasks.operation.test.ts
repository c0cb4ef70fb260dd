import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile } from '../../huaweiStandIn';
import type { HuaweiStandIn, HuaweiWireCall } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

function tasks(extra: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'asset', operation: 'getTasks', ...extra } as INodeParameters;
}

function param(call: HuaweiWireCall, name: string): string | undefined {
	return call.query.find(([key]) => key === name)?.[1];
}

/** `total` task results behind VOD-style opaque markers (`m<index>`). */
function taskPages(total: number) {
	return (call: HuaweiWireCall) => {
		const marker = param(call, 'marker');
		const start = marker === undefined ? 0 : Number(marker.slice(1));
		const limit = Number(param(call, 'limit'));
		const end = Math.min(total, start + limit);
		const results = Array.from({ length: end - start }, (_, k) => ({
			task_id: `task-${start + k}`,
			type: 'THUMBNAIL',
			asset_id: 'asset-1',
			status: 'SUCCEED',
			create_time: '2026-12-01T10:00:00Z',
			end_time: '2026-12-01T10:00:05Z',
		}));
		return end < total
			? { results, count: total, next_marker: `m${end}` }
			: { results, count: total };
	};
}

async function run(parameters: INodeParameters) {
	return await runHuaweiVod(parameters, against(vod.url));
}

describe('Asset → Get Many Tasks (GET asset/tasks)', () => {
	it('sends every filter, times in RFC 3339 UTC, in a signed request and outputs the results as VOD returns them', async () => {
		vod.answer(taskPages(1));
		const result = await run(
			tasks({
				limit: 5,
				filters: {
					type: 'THUMBNAIL',
					status: 'SUCCEED',
					assetId: 'asset-1',
					taskId: 'task-0',
					createdAfter: '2026-12-01T11:00:00+01:00',
					createdBefore: '2026-12-02T00:00:00Z',
					endedAfter: '2026-12-01T10:00:00.250Z',
					endedBefore: '2026-12-01t23:59:59z',
				},
			}),
		);
		expect(vod.calls()).toEqual([
			{
				method: 'GET',
				path: `/v1/${huaweiProjectId}/asset/tasks`,
				query: [
					['asset_id', 'asset-1'],
					['create_time_after', '2026-12-01T10:00:00Z'],
					['create_time_before', '2026-12-02T00:00:00Z'],
					['end_time_after', '2026-12-01T10:00:00Z'],
					['end_time_before', '2026-12-01T23:59:59Z'],
					['limit', '5'],
					['status', 'SUCCEED'],
					['task_id', 'task-0'],
					['type', 'THUMBNAIL'],
				],
				body: undefined,
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE).map((item) => item.json)).toEqual([
			{
				task_id: 'task-0',
				type: 'THUMBNAIL',
				asset_id: 'asset-1',
				status: 'SUCCEED',
				create_time: '2026-12-01T10:00:00Z',
				end_time: '2026-12-01T10:00:05Z',
			},
		]);
	});

	it.each<[string, number, Record<string, unknown>, Array<[string | undefined, number]>, number]>([
		['no results', 0, { returnAll: true }, [[undefined, 100]], 0],
		[
			'one page plus one by marker',
			101,
			{ returnAll: true },
			[
				[undefined, 100],
				['m100', 100],
			],
			101,
		],
		[
			'250 results',
			250,
			{ returnAll: true },
			[
				[undefined, 100],
				['m100', 100],
				['m200', 100],
			],
			250,
		],
		[
			'a limit over one page, asking only for what is missing',
			250,
			{ limit: 130 },
			[
				[undefined, 100],
				['m100', 30],
			],
			130,
		],
		['the default limit of 50', 250, {}, [[undefined, 50]], 50],
	])('pages %s', async (_name, total, extra, pages, count) => {
		vod.answer(taskPages(total));
		const result = await run(tasks({ ...extra, options: { maxRequestsPerSecond: 1000 } }));
		expect(
			vod.calls().map((call) => [param(call, 'marker'), Number(param(call, 'limit'))]),
		).toEqual(pages);
		expect(nodeOutput(result, HW_NODE)).toHaveLength(count);
	});

	it('stops when VOD repeats a marker instead of looping', async () => {
		vod.answer(() => ({ results: [{ task_id: 't' }], count: 1000, next_marker: 'same' }));
		const result = await run(tasks({ returnAll: true, options: { maxRequestsPerSecond: 1000 } }));
		expect(vod.calls()).toHaveLength(2);
		expect(nodeOutput(result, HW_NODE)).toHaveLength(2);
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'a date without a time',
			{ createdAfter: '2026-12-01' },
			'Created After must be an RFC 3339 date-time such as 2020-09-01T18:50:20Z (got "2026-12-01")',
		],
		[
			'a time without a zone',
			{ endedBefore: '2026-12-01T10:00:00' },
			'Ended Before must be an RFC 3339 date-time such as 2020-09-01T18:50:20Z (got "2026-12-01T10:00:00")',
		],
		[
			'words',
			{ endedAfter: 'yesterday' },
			'Ended After must be an RFC 3339 date-time such as 2020-09-01T18:50:20Z (got "yesterday")',
		],
	])('refuses %s in a time window before any request', async (_name, filters, message) => {
		const result = await run(tasks({ filters }));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});
});
