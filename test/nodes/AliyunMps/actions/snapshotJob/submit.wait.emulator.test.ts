import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { aliyunApiDataFor, aliyunStsKey } from '../../../../emulator/accounts';
import { TINY_JPEG } from '../../../../emulator/core/jpeg';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { delay } from '../../../../emulator/clients/aliyunRpc';
import { errorMessage, runMps, sentParams, startMps, submitParameters } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(60) });

const FAST_WAIT = { pollInterval: 0.5, maxWaitTime: 10 };

function waitParameters(extra: INodeParameters = {}): INodeParameters {
	return submitParameters({
		outputObject: 'out/{Count}.jpg',
		snapshotSettings: { num: 3, time: 0 },
		waitForCompletion: true,
		options: FAST_WAIT,
		...extra,
	});
}

describe('Snapshot Job → Submit with Wait for Completion', () => {
	it.each(['v3', 'v1'] as const)(
		'outputs one item per image with its key and a pre-signed link OSS accepts (credential %s)',
		async (signatureVersion) => {
			const result = await runMps(emulator, waitParameters(), {
				credentials: aliyunApiDataFor(emulator.url, signatureVersion),
			});
			expect(errorMessage(result)).toBe('');
			expect(
				result.items.map((item) => [item.json.Type, item.json.Index, item.json.Object]),
			).toEqual([
				['snapshot', 1, 'out/00001.jpg'],
				['snapshot', 2, 'out/00002.jpg'],
				['snapshot', 3, 'out/00003.jpg'],
			]);
			expect(result.items[0].json).toMatchObject({
				State: 'Success',
				Bucket: 'snaps',
				Location: 'oss-cn-shanghai',
			});
			const url = String(result.items[1].json.Url);
			expect(url).toContain(
				signatureVersion === 'v1' ? 'OSSAccessKeyId=' : 'x-oss-signature-version=OSS4-HMAC-SHA256',
			);
			const image = await fetch(url);
			expect(image.status).toBe(200);
			expect(Buffer.from(await image.arrayBuffer()).equals(TINY_JPEG)).toBe(true);
			expect(sentParams(emulator, 'QuerySnapshotJobList').length).toBeGreaterThanOrEqual(1);
		},
	);

	it('signs STS links with the token and lists sprite sheets ({TileCount}) without dropped cells', async () => {
		const result = await runMps(
			emulator,
			waitParameters({
				snapshotSettings: { num: 5, time: 0 },
				tileOut: true,
				tileOutputObject: 'out/sheet-{TileCount}.jpg',
				tileOutSettings: { lines: 1, columns: 2, keepCellPictures: false },
			}),
			{ credentials: aliyunApiDataFor(emulator.url, 'v3', aliyunStsKey) },
		);
		expect(errorMessage(result)).toBe('');
		expect(result.items.map((item) => item.json.Object)).toEqual([
			'out/sheet-00001.jpg',
			'out/sheet-00002.jpg',
			'out/sheet-00003.jpg',
		]);
		const url = String(result.items[0].json.Url);
		expect(url).toContain('x-oss-security-token=');
		expect((await fetch(url)).status).toBe(200);
	});

	it('downloads every image as binary data through OSS-signed GETs', async () => {
		const result = await runMps(emulator, waitParameters({ downloadImages: true }), {
			items: [{ a: 1 }],
		});
		expect(errorMessage(result)).toBe('');
		expect(result.items.map((item) => item.binary?.data?.fileName)).toEqual([
			'00001.jpg',
			'00002.jpg',
			'00003.jpg',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
		const gets = emulator.requests().filter((request) => request.rawUrl.startsWith('/snaps/'));
		expect(gets.map((request) => request.outcome.status)).toEqual([200, 200, 200]);
	});

	it('under continue-on-fail, a failing image becomes an error item carrying the job and the others still come', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 500,
			match: { path: '/snaps/out/00002.jpg' },
		});
		const result = await runMps(emulator, waitParameters({ downloadImages: true }), {
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(3);
		expect(result.items[0].binary?.data?.fileName).toBe('00001.jpg');
		expect(result.items[1].json.error).toEqual(expect.any(String));
		expect(JSON.stringify(result.items[1].json)).toMatch(/"jobId":"[0-9a-f]{32}"/);
		expect(result.items[2].binary?.data?.fileName).toBe('00003.jpg');
	});

	it("fails with MPS's Code and Message when the job fails, naming the job", async () => {
		emulator.failNextJobs('mts', {
			code: 'InvalidParameter.ResourceContentBad',
			message: 'The resource operated InputFile is bad',
		});
		const result = await runMps(emulator, waitParameters());
		const message = errorMessage(result);
		expect(message).toContain(
			'InvalidParameter.ResourceContentBad: The resource operated InputFile is bad',
		);
		expect(message).toMatch(/snapshot job [0-9a-f]{32} failed/);
	});

	it('times out with the job id and how to get it later', async () => {
		emulator.setJobDuration(60_000);
		const result = await runMps(
			emulator,
			waitParameters({ options: { pollInterval: 0.5, maxWaitTime: 1 } }),
		);
		expect(errorMessage(result)).toMatch(
			/Snapshot job [0-9a-f]{32} did not complete within 1 seconds/,
		);
		const description = (result.error as { description?: string }).description ?? '';
		expect(description).toContain('Snapshot Job → Get');
	});

	it('stops polling when the execution is cancelled', async () => {
		emulator.setJobDuration(60_000);
		const running = await startMps(
			emulator,
			waitParameters({ options: { pollInterval: 0.5, maxWaitTime: 60 } }),
		);
		await delay(1200);
		running.cancel();
		await delay(600);
		const checksAfterCancel = sentParams(emulator, 'QuerySnapshotJobList').length;
		await delay(1500);
		expect(checksAfterCancel).toBeGreaterThanOrEqual(1);
		expect(sentParams(emulator, 'QuerySnapshotJobList')).toHaveLength(checksAfterCancel);
	});

	it('lists a synchronous single snapshot at once, without polling', async () => {
		const result = await runMps(
			emulator,
			waitParameters({ outputObject: 'cover.jpg', snapshotSettings: { time: 1000 } }),
		);
		expect(result.items.map((item) => item.json.Object)).toEqual(['cover.jpg']);
		expect(sentParams(emulator, 'QuerySnapshotJobList')).toEqual([]);
	});
});
