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

	it.each(['v3', 'v1'] as const)(
		'a failed download names the object, never its signed link (credential %s)',
		async (signatureVersion) => {
			emulator.injectFault({
				kind: 'serverError',
				status: 500,
				match: { path: '/snaps/out/00002.jpg' },
			});
			const credentials = aliyunApiDataFor(emulator.url, signatureVersion, aliyunStsKey);
			const result = await runMps(emulator, waitParameters({ downloadImages: true }), {
				continueOnFail: true,
				credentials,
			});
			const failed = result.items[1].json;
			expect(failed.details).toMatchObject({
				Type: 'snapshot',
				Index: 2,
				Bucket: 'snaps',
				Location: 'oss-cn-shanghai',
				Object: 'out/00002.jpg',
			});
			expect(String((failed.details as { description?: string }).description)).toContain(
				'/snaps/out/00002.jpg failed',
			);
			const text = JSON.stringify(failed);
			for (const signed of [
				'Url',
				'?',
				'x-oss-signature',
				'x-oss-credential',
				'security-token',
				'Signature=',
				'OSSAccessKeyId',
				'Expires=',
				aliyunStsKey.accessKeyId,
			]) {
				expect(text).not.toContain(signed);
			}

			emulator.injectFault({
				kind: 'serverError',
				status: 500,
				code: 'InternalError',
				match: { path: '/snaps/out/00001.jpg' },
			});
			const stopped = await runMps(emulator, waitParameters({ downloadImages: true }), {
				credentials,
			});
			expect(errorMessage(stopped)).toBe('Could not download snapshot 00001.jpg');
			const description = (stopped.error as { description?: string }).description ?? '';
			expect(description).toContain('/snaps/out/00001.jpg failed');
			// OSS's <Error> body read through the OSS error provider: its code, message and request id.
			expect(description).toMatch(/\(InternalError: .+, request id [0-9A-Za-z-]+\)$/);
			expect(description).not.toContain('?');
		},
	);

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

	it("under continue-on-fail, a failed job is an error item with MPS's Code and Message and the job", async () => {
		emulator.failNextJobs('mts', {
			code: 'InvalidParameter.ResourceNotFound',
			message: 'The resource operated InputFile cannot be found',
		});
		const result = await runMps(emulator, waitParameters({ downloadImages: true }), {
			continueOnFail: true,
			items: [{ video: 1 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(String(item.json.error)).toMatch(
			/^MPS snapshot job [0-9a-f]{32} failed: InvalidParameter\.ResourceNotFound: The resource operated InputFile cannot be found$/,
		);
		expect(item.json.details).toMatchObject({
			jobId: expect.stringMatching(/^[0-9a-f]{32}$/),
			description: expect.stringContaining('MPS error code InvalidParameter.ResourceNotFound'),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(emulator.requests().some((request) => request.rawUrl.startsWith('/snaps/'))).toBe(false);
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

	it('keeps the job id in a time-out whose last check failed on a connection reset', async () => {
		emulator.setJobDuration(60_000);
		emulator.injectFault({
			kind: 'reset',
			count: 1000,
			match: { action: 'QuerySnapshotJobList' },
		});
		const result = await runMps(
			emulator,
			waitParameters({ options: { pollInterval: 0.5, maxWaitTime: 1 } }),
		);
		expect(errorMessage(result)).toMatch(
			/^Snapshot job [0-9a-f]{32} did not complete within 1 seconds \(the last check failed: /,
		);
	});

	it.each([false, true])(
		'keeps a Fail code that holds a Node.js error code (ResourceNotFound ⊃ ENOTFOUND) as written (continue-on-fail %s)',
		async (continueOnFail) => {
			emulator.failNextJobs('mts', {
				code: 'InvalidParameter.ResourceNotFound',
				message: 'The resource operated InputFile cannot be found',
			});
			const result = await runMps(emulator, waitParameters(), { continueOnFail });
			const message = continueOnFail ? String(result.items[0].json.error) : errorMessage(result);
			expect(message).toMatch(
				/^MPS snapshot job [0-9a-f]{32} failed: InvalidParameter\.ResourceNotFound: The resource operated InputFile cannot be found$/,
			);
		},
	);

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
