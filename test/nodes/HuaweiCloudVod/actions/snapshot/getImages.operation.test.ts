import type { INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { startImageServer } from '../../../../support/imageServer';
import type { ImageServer } from '../../../../support/imageServer';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile } from '../../huaweiStandIn';
import type { HuaweiStandIn, HuaweiWireCall } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

let images: ImageServer;
beforeAll(async () => {
	images = await startImageServer();
});
afterAll(async () => await images.close());

const TASK_ID = '3f8a0c2e9b7d4e61a5c0d2b8e7f6a9c1';

function getImages(extra: Record<string, unknown> = {}): INodeParameters {
	return {
		resource: 'snapshot',
		operation: 'getImages',
		taskId: TASK_ID,
		options: { maxRequestsPerSecond: 1000 },
		...extra,
	} as INodeParameters;
}

function param(call: HuaweiWireCall, name: string): number {
	return Number(call.query.find(([key]) => key === name)?.[1]);
}

/** asset/thumbnail/details over `total` images, one every 5 seconds, at `base`. */
function detailsPage(total: number, base = 'https://cdn.example.invalid/snap') {
	return (call: HuaweiWireCall) => {
		const offset = param(call, 'offset');
		const count = Math.max(0, Math.min(param(call, 'limit'), total - offset));
		return {
			total,
			thumbnail_result: Array.from({ length: count }, (_, k) => ({
				offset: (offset + k) * 5,
				url: `${base}/${offset + k}.jpg`,
			})),
		};
	};
}

async function run(parameters: INodeParameters, onError?: 'continueRegularOutput') {
	return await runHuaweiVod(parameters, against(vod.url, { onError }));
}

describe('Snapshot → Get Images (GET asset/thumbnail/details)', () => {
	it('sends the exact signed request and outputs one item per image with its task, offset and URL', async () => {
		vod.answer(detailsPage(2));
		const result = await run(getImages({ returnAll: true }));
		expect(vod.calls()).toEqual([
			{
				method: 'GET',
				path: `/v1/${huaweiProjectId}/asset/thumbnail/details`,
				query: [
					['limit', '100'],
					['offset', '0'],
					['task_id', TASK_ID],
				],
				body: undefined,
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE).map((item) => item.json)).toEqual([
			{ task_id: TASK_ID, offset: 0, url: 'https://cdn.example.invalid/snap/0.jpg' },
			{ task_id: TASK_ID, offset: 5, url: 'https://cdn.example.invalid/snap/1.jpg' },
		]);
	});

	it.each<[string, number, Record<string, unknown>, Array<[number, number]>, number]>([
		['0 images', 0, { returnAll: true }, [[0, 100]], 0],
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
		['a limit of 3', 50, { limit: 3 }, [[0, 3]], 3],
	])('pages %s', async (_name, total, extra, pages, count) => {
		vod.answer(detailsPage(total));
		const result = await run(getImages(extra));
		expect(vod.calls().map((call) => [param(call, 'offset'), param(call, 'limit')])).toEqual(pages);
		expect(nodeOutput(result, HW_NODE)).toHaveLength(count);
	});

	it('fails clearly past offset 20,480, the largest asset/thumbnail/details accepts', async () => {
		vod.answer(detailsPage(30_000));
		const result = await run(getImages({ returnAll: true }));
		expect(hwErrorMessage(result)).toMatch(
			/^Cannot page past offset 20480, the largest the API accepts/,
		);
	});

	it('downloads each image as binary data, and a failed download becomes an error item with continue-on-fail', async () => {
		const page = detailsPage(3, `${images.url}/img`);
		// the image server answers 404 outside /img/
		vod.answer((call) => {
			const answer = page(call);
			answer.thumbnail_result[1].url = `${images.url}/gone/1.jpg`;
			return answer;
		});
		const result = await run(
			getImages({ returnAll: true, downloadImages: true }),
			'continueRegularOutput',
		);
		const output = nodeOutput(result, HW_NODE);
		expect(output.map((item) => item.binary?.data?.mimeType)).toEqual([
			'image/jpeg',
			undefined,
			'image/jpeg',
		]);
		expect(output[1].json.error).toMatch(/^Could not download snapshot 1\.jpg/);
		expect(output[1].json.details).toMatchObject({ task_id: TASK_ID, offset: 5 });
	});

	it.each<[string, Record<string, unknown>, string]>([
		['a blank Task ID', { taskId: ' ' }, 'Task ID is required'],
		[
			'a Limit above 20,580',
			{ limit: 20_581 },
			'Limit must be a whole number from 1 to 20580 (got 20581)',
		],
	])('refuses %s before any request', async (_name, extra, message) => {
		const result = await run(getImages(extra));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});
});
