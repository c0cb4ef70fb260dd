import type { INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AliyunVod } from '../../../../../nodes/AliyunVod/AliyunVod.node';
import { DOCUMENTED_QPS } from '../../../../../nodes/AliyunVod/transport';
import { DEFAULT_QPS } from '../../../../../nodes/shared/pacing';
import { startImageServer } from '../../../../support/imageServer';
import type { ImageServer } from '../../../../support/imageServer';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { CREATION_TIME, JOB_ID, listSnapshotsPage } from '../../fakeSnapshots';
import { againstEndpoint, runVod, VOD_NODE, vodErrorMessage } from '../../harness';
import type { VodRun } from '../../harness';
import { ProviderError, vodStandInPerFile } from '../../vodStandIn';
import type { VodStandIn } from '../../vodStandIn';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

async function run(parameters: INodeParameters, options: VodRun = {}) {
	return await runVod(parameters, againstEndpoint(vod.url, options));
}

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';

function list(extra: Record<string, unknown> = {}) {
	return {
		resource: 'snapshot',
		operation: 'getAll',
		videoId: VIDEO_ID,
		snapshotType: 'NormalSnapshot',
		...extra,
	};
}

function pagesRequested(): Array<[number, number]> {
	return vod.calls().map((call) => [Number(call.params.PageNo), Number(call.params.PageSize)]);
}

describe('Snapshot → Get Many (ListSnapshots)', () => {
	it('paces its ListSnapshots calls to the Max Requests per Second option', async () => {
		vod.answer((call) => listSnapshotsPage(call, 1));
		await run(list({ videoId: '={{ $json.id }}', options: { maxRequestsPerSecond: 5 } }), {
			items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
		});
		expect(vod.calls().map((call) => call.params.VideoId)).toEqual(['a', 'b', 'c', 'd']);
		// 5 per second: slots 210 ms apart (the default 20 per second: 52 ms). The first arrival is
		// left out: the first connection's set-up delays it by an unknown time.
		const arrivals = vod.arrivals();
		expect(arrivals[3] - arrivals[1]).toBeGreaterThanOrEqual(300);
	});

	it('offers Max Requests per Second at the default pace, saying VOD documents no limit', async () => {
		const { description } = new AliyunVod();
		const options = description.properties.find(
			(property) =>
				property.name === 'options' && property.displayOptions?.show?.operation?.[0] === 'getAll',
		);
		const option = (options?.options ?? []).find(
			(candidate) => candidate.name === 'maxRequestsPerSecond',
		);
		expect(option).toMatchObject({ default: DEFAULT_QPS });
		expect(option && 'description' in option ? option.description : '').toContain(
			'VOD documents no limit for this action',
		);
	});

	it('sends the exact ListSnapshots request and outputs one item per snapshot', async () => {
		vod.answer((call) => listSnapshotsPage(call, 2));
		const result = await run(
			list({ snapshotType: 'SpriteSnapshot', returnAll: true, options: { authTimeout: 7200 } }),
		);
		expect(vod.calls()).toEqual([
			{
				method: 'POST',
				path: '/',
				action: 'ListSnapshots',
				version: '2017-03-21',
				params: {
					VideoId: VIDEO_ID,
					SnapshotType: 'SpriteSnapshot',
					AuthTimeout: '7200',
					PageNo: '1',
					PageSize: '100',
				},
				body: '',
				signed: true,
			},
		]);
		// no documented QPS: the transport's default pace
		expect(DOCUMENTED_QPS).not.toHaveProperty('ListSnapshots');
		expect(nodeOutput(result, VOD_NODE)).toEqual([
			{
				json: {
					JobId: JOB_ID,
					Index: 1,
					Url: 'http://image.com/snapshot/sample00001.jpg',
					CreationTime: CREATION_TIME,
					Total: 2,
					Regular: 'http://image.com/snapshot/sample{SnapshotCount}.jpg',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					JobId: JOB_ID,
					Index: 2,
					Url: 'http://image.com/snapshot/sample00002.jpg',
					CreationTime: CREATION_TIME,
					Total: 2,
					Regular: 'http://image.com/snapshot/sample{SnapshotCount}.jpg',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends ListSnapshots again after a 500: it is idempotent', async () => {
		let answered = 0;
		vod.answer((call) => {
			answered++;
			if (answered === 1)
				throw new ProviderError('InternalError', 'The request processing has failed.', 500, 'R-1');
			return listSnapshotsPage(call, 1);
		});
		const result = await run(list({ returnAll: true }));
		expect(vod.calls().map((call) => call.action)).toEqual(['ListSnapshots', 'ListSnapshots']);
		expect(nodeOutput(result, VOD_NODE)).toHaveLength(1);
	});

	it.each<[string, number, Record<string, unknown>, Array<[number, number]>, number]>([
		// name, snapshots in the job, parameters, (PageNo, PageSize) requested, items out
		['0 snapshots', 0, { returnAll: true }, [[1, 100]], 0],
		['1 snapshot', 1, { returnAll: true }, [[1, 100]], 1],
		['exactly one page', 100, { returnAll: true }, [[1, 100]], 100],
		[
			'one page plus one',
			101,
			{ returnAll: true },
			[
				[1, 100],
				[2, 100],
			],
			101,
		],
		[
			'10,000 snapshots in ceil(N/100) requests',
			10_000,
			{ returnAll: true },
			Array.from({ length: 100 }, (_, p): [number, number] => [p + 1, 100]),
			10_000,
		],
		['a limit smaller than a page', 250, { returnAll: false, limit: 5 }, [[1, 5]], 5],
		[
			'a limit over one page',
			250,
			{ returnAll: false, limit: 150 },
			[
				[1, 100],
				[2, 100],
			],
			150,
		],
		['a limit above the total', 20, { returnAll: false, limit: 50 }, [[1, 50]], 20],
		['the default limit of 50', 250, {}, [[1, 50]], 50],
	])('pages %s', async (_name, total, extra, pages, count) => {
		vod.answer((call) => listSnapshotsPage(call, total));
		const result = await run(list(extra));
		expect(pagesRequested()).toEqual(pages);
		const output = nodeOutput(result, VOD_NODE);
		expect(output).toHaveLength(count);
		if (count > 0) expect(output[count - 1].json.Index).toBe(count);
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'Auth Timeout below 3600',
			{ options: { authTimeout: 3599 } },
			'Auth Timeout must be a whole number from 3600 to 2592000 (got 3599)',
		],
		[
			'Auth Timeout above 30 days',
			{ options: { authTimeout: 2592001 } },
			'Auth Timeout must be a whole number from 3600 to 2592000 (got 2592001)',
		],
		['Limit 0', { limit: 0 }, 'Limit must be a whole number from 1 to 10000 (got 0)'],
		[
			'a Video ID expression that resolves to blanks',
			{ videoId: '={{ "  " }}' },
			'Video ID is required',
		],
	])('rejects %s before any request', async (_name, extra, message) => {
		vod.answer((call) => listSnapshotsPage(call, 1));
		const result = await run(list(extra));
		expect(vodErrorMessage(result)).toContain(message);
		expect(vod.calls()).toHaveLength(0);
	});

	it('pairs each input item with its own snapshots', async () => {
		vod.answer((call) => listSnapshotsPage(call, call.params.VideoId === 'a' ? 1 : 2));
		const result = await run(list({ videoId: '={{ $json.id }}', returnAll: true }), {
			items: [{ id: 'a' }, { id: 'b' }],
		});
		expect(nodeOutput(result, VOD_NODE).map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});
});

describe('Snapshot → Get Many with Download Images', () => {
	let images: ImageServer;
	beforeAll(async () => {
		images = await startImageServer();
	});
	afterAll(async () => await images.close());

	it('downloads each snapshot into binary data, one item per image', async () => {
		vod.answer((call) =>
			listSnapshotsPage(
				call,
				3,
				(index) => `${images.url}/img/sample0000${index}.jpg?size=${index * 10}`,
			),
		);
		const result = await run(
			list({ returnAll: true, downloadImages: true, options: { binaryPropertyName: 'image' } }),
		);
		const output = nodeOutput(result, VOD_NODE);
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(output.map((item) => item.json.Index)).toEqual([1, 2, 3]);
		expect(output.map((item) => item.binary?.image?.fileName)).toEqual([
			'sample00001.jpg',
			'sample00002.jpg',
			'sample00003.jpg',
		]);
		expect(output.map((item) => item.binary?.image?.mimeType)).toEqual([
			'image/jpeg',
			'image/jpeg',
			'image/jpeg',
		]);
		expect(output.map((item) => item.binary?.image?.fileSize)).toEqual(['10 B', '20 B', '30 B']);
	});

	it('turns a failing URL into an error item and keeps the other images with continue-on-fail', async () => {
		vod.answer((call) =>
			listSnapshotsPage(call, 3, (index) =>
				index === 2
					? `${images.url}/missing/sample00002.jpg`
					: `${images.url}/img/sample0000${index}.jpg`,
			),
		);
		const result = await run(list({ returnAll: true, downloadImages: true }), {
			onError: 'continueRegularOutput',
		});
		const output = nodeOutput(result, VOD_NODE);
		expect(output).toHaveLength(3);
		expect(output[0].binary?.data?.fileName).toBe('sample00001.jpg');
		expect(output[1].binary).toBeUndefined();
		expect(output[1].json).toEqual({
			error: 'Could not download snapshot sample00002.jpg',
			details: expect.objectContaining({
				Index: 2,
				Url: `${images.url}/missing/sample00002.jpg`,
				JobId: JOB_ID,
			}),
		});
		expect(output[1].pairedItem).toEqual({ item: 0 });
		expect(output[2].binary?.data?.fileName).toBe('sample00003.jpg');
	});

	it('routes a failed download to the error output and the downloaded images to the main output', async () => {
		vod.answer((call) =>
			listSnapshotsPage(call, 2, (index) =>
				index === 1 ? `${images.url}/missing/sample00001.jpg` : `${images.url}/img/sample00002.jpg`,
			),
		);
		const result = await run(list({ returnAll: true, downloadImages: true }), {
			items: [{ source: 'input' }],
			onError: 'continueErrorOutput',
		});
		expect(nodeOutput(result, VOD_NODE, 0).map((item) => item.binary?.data?.fileName)).toEqual([
			'sample00002.jpg',
		]);
		const [failed] = nodeOutput(result, VOD_NODE, 1);
		expect(failed.json).toMatchObject({
			source: 'input',
			error: 'Could not download snapshot sample00001.jpg',
		});
		expect(failed.pairedItem).toEqual({ item: 0 });
	});

	it('fails the node naming the file when a download fails without continue-on-fail', async () => {
		vod.answer((call) => listSnapshotsPage(call, 1, () => `${images.url}/missing/sample00001.jpg`));
		const result = await run(list({ returnAll: true, downloadImages: true }));
		expect(vodErrorMessage(result)).toBe('Could not download snapshot sample00001.jpg');
	});

	it('rejects an image above Max File Size, naming the file', async () => {
		vod.answer((call) => listSnapshotsPage(call, 1, () => `${images.url}/img/big.jpg?size=2000`));
		// 0.001 MB = 1048 bytes
		const result = await run(
			list({ returnAll: true, downloadImages: true, options: { maxFileSize: 0.001 } }),
		);
		expect(vodErrorMessage(result)).toBe(
			'Snapshot big.jpg is 2000 bytes, more than the Max File Size of 1048 bytes',
		);
	});
});
