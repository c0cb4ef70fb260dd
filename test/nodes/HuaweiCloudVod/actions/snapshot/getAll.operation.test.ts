import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile } from '../../huaweiStandIn';
import type { HuaweiStandIn, HuaweiWireCall } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

const ASSET_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

function list(extra: Record<string, unknown> = {}): INodeParameters {
	return {
		resource: 'snapshot',
		operation: 'getAll',
		assetId: ASSET_ID,
		...extra,
	} as INodeParameters;
}

function param(call: HuaweiWireCall, name: string): string | undefined {
	return call.query.find(([key]) => key === name)?.[1];
}

/** A page of `total` snapshot task results, as asset/thumbnails answers offset and limit. */
function tasksPage(total: number) {
	return (call: HuaweiWireCall) => {
		const offset = Number(param(call, 'offset'));
		const limit = Number(param(call, 'limit'));
		const count = Math.max(0, Math.min(limit, total - offset));
		return {
			total,
			thumbnails: Array.from({ length: count }, (_, k) => ({
				task_id: `task-${offset + k + 1}`,
				thumbnail_para: { type: 'time', time: 12 },
				thumbnail_count: 5,
			})),
		};
	};
}

function pagesRequested(): Array<[number, number]> {
	return vod.calls().map((call) => [Number(param(call, 'offset')), Number(param(call, 'limit'))]);
}

describe('Snapshot → Get Many (GET asset/thumbnails)', () => {
	it('sends the exact signed request and outputs one item per task result, keys as VOD returns them', async () => {
		vod.answer(tasksPage(1));
		const result = await run(list({ taskId: 'task-1', returnAll: true }));
		expect(vod.calls()).toEqual([
			{
				method: 'GET',
				path: `/v1/${huaweiProjectId}/asset/thumbnails`,
				// the signer's canonical (sorted) order, as sent
				query: [
					['asset_id', ASSET_ID],
					['limit', '100'],
					['offset', '0'],
					['task_id', 'task-1'],
				],
				body: undefined,
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE)).toEqual([
			{
				json: { task_id: 'task-1', thumbnail_para: { type: 'time', time: 12 }, thumbnail_count: 5 },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('lists by Task ID alone, sending no asset_id', async () => {
		vod.answer(tasksPage(1));
		await run(list({ assetId: '', taskId: 'task-1', limit: 5 }));
		expect(vod.calls()[0].query.map(([name]) => name)).toEqual(['limit', 'offset', 'task_id']);
	});

	it.each<[string, number, Record<string, unknown>, Array<[number, number]>, number]>([
		['0 results', 0, { returnAll: true }, [[0, 100]], 0],
		['exactly one page', 100, { returnAll: true }, [[0, 100]], 100],
		[
			'one page plus one',
			101,
			{ returnAll: true },
			[
				[0, 100],
				[100, 100],
			],
			101,
		],
		[
			'5,000 results in ceil(5000/100) requests',
			5000,
			{ returnAll: true, options: { maxRequestsPerSecond: 1000 } },
			Array.from({ length: 50 }, (_, p): [number, number] => [p * 100, 100]),
			5000,
		],
		['a limit smaller than a page', 250, { limit: 5 }, [[0, 5]], 5],
		[
			'a limit over one page, asking only for what is missing',
			250,
			{ limit: 150 },
			[
				[0, 100],
				[100, 50],
			],
			150,
		],
		['the default limit of 50', 250, {}, [[0, 50]], 50],
	])('pages %s', async (_name, total, extra, pages, count) => {
		vod.answer(tasksPage(total));
		const result = await run(list(extra));
		expect(pagesRequested()).toEqual(pages);
		expect(nodeOutput(result, HW_NODE)).toHaveLength(count);
	});

	it('reads up to offset 20,000, the largest VOD accepts, and fails clearly rather than cutting the list short', async () => {
		vod.answer(tasksPage(25_000));
		const result = await run(list({ returnAll: true, options: { maxRequestsPerSecond: 1000 } }));
		const offsets = pagesRequested().map(([offset]) => offset);
		expect(offsets).toHaveLength(201);
		expect(offsets.at(-1)).toBe(20_000);
		expect(hwErrorMessage(result)).toBe(
			'Cannot page past offset 20000, the largest the API accepts: 20100 items of 25000 were read and the list goes on. Narrow the query, or set Limit to 20100 or less.',
		);
	});

	it('returns 20,100 results without error when that is the whole list', async () => {
		vod.answer(tasksPage(20_100));
		const result = await run(list({ limit: 20_100, options: { maxRequestsPerSecond: 1000 } }));
		expect(nodeOutput(result, HW_NODE)).toHaveLength(20_100);
		expect(pagesRequested().at(-1)).toEqual([20_000, 100]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'neither Asset ID nor Task ID',
			{ assetId: ' ', taskId: '' },
			'Asset ID or Task ID is required',
		],
		['a Limit of 0', { limit: 0 }, 'Limit must be a whole number from 1 to 20100 (got 0)'],
		[
			'a Limit above 20,100',
			{ limit: 20_101 },
			'Limit must be a whole number from 1 to 20100 (got 20101)',
		],
	])('refuses %s before any request', async (_name, extra, message) => {
		const result = await run(list(extra));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});
});

async function run(parameters: INodeParameters) {
	return await runHuaweiVod(parameters, against(vod.url));
}
