import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../aliyun/vod/videos';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, delay, lastRequest, popClient, send } from '../../clients/aliyunRpc';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

const params = { VideoId: seedVideoIds.normal };

/**
 * A GetVideoInfo query signed by the SDK, for tests that must see the raw answer; the reset
 * forgets the nonce the signing call used.
 */
async function signedUrl(): Promise<string> {
	await popClient(emulator).request('GetVideoInfo', params, { method: 'GET' });
	const recorded = lastRequest(emulator, 'GetVideoInfo');
	emulator.reset();
	return recorded.rawUrl;
}

describe('injected faults', () => {
	it('serverError answers 503 ServiceUnavailable in the Aliyun error format', async () => {
		const url = await signedUrl();
		emulator.injectFault({ kind: 'serverError' });
		const response = await send(emulator, 'GET', url);
		expect(response.status).toBe(503);
		expect(response.json()).toMatchObject({
			Code: 'ServiceUnavailable',
			RequestId: expect.any(String),
			HostId: expect.any(String),
		});
	});

	it('serverError with status 500 answers InternalError', async () => {
		emulator.injectFault({ kind: 'serverError', status: 500 });
		await expect(callRpc(emulator, 'GetVideoInfo', params)).rejects.toMatchObject({
			code: 'InternalError',
		});
		expect(emulator.requests().at(-1)?.outcome).toEqual({
			status: 500,
			code: 'InternalError',
			fault: 'serverError',
		});
	});

	it('reset destroys the connection before the handler runs', async () => {
		emulator.injectFault({ kind: 'reset', match: { action: 'SubmitSnapshotJob' } });
		await expect(callRpc(emulator, 'SubmitSnapshotJob', { ...params, Count: 1 })).rejects.toThrow();
		expect(emulator.requests().at(-1)?.outcome).toEqual({ status: 0, fault: 'reset' });
	});

	it("reset in phase 'after' creates the job yet loses the answer", async () => {
		emulator.setJobDuration(10);
		emulator.injectFault({ kind: 'reset', phase: 'after', match: { action: 'SubmitSnapshotJob' } });
		await expect(callRpc(emulator, 'SubmitSnapshotJob', { ...params, Count: 1 })).rejects.toThrow();
		await delay(100);
		const listed = await callRpc<{ MediaSnapshot: { Total: number } }>(emulator, 'ListSnapshots', {
			...params,
			SnapshotType: 'NormalSnapshot',
		});
		expect(listed.MediaSnapshot.Total).toBe(1);
	});

	it('delay holds the answer for delayMs', async () => {
		emulator.injectFault({ kind: 'delay', delayMs: 300 });
		const started = Date.now();
		await callRpc(emulator, 'GetVideoInfo', params);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('malformed truncates the JSON body', async () => {
		const url = await signedUrl();
		emulator.injectFault({ kind: 'malformed' });
		const response = await send(emulator, 'GET', url);
		expect(response.status).toBe(200);
		expect(response.text.startsWith('{"RequestId"')).toBe(true);
		expect(() => response.json()).toThrow();
	});

	it('errorBody200 answers HTTP 200 with an error body', async () => {
		const url = await signedUrl();
		emulator.injectFault({ kind: 'errorBody200', code: 'ServiceUnavailable' });
		const response = await send(emulator, 'GET', url);
		expect(response.status).toBe(200);
		expect(response.json()).toMatchObject({ Code: 'ServiceUnavailable' });
	});

	it('applies to the next N matching requests only', async () => {
		emulator.injectFault({ kind: 'serverError', count: 2, match: { action: 'GetVideoInfo' } });
		await expect(callRpc(emulator, 'SearchMedia', {})).resolves.toBeDefined();
		await expect(callRpc(emulator, 'GetVideoInfo', params)).rejects.toMatchObject({
			code: 'ServiceUnavailable',
		});
		await expect(callRpc(emulator, 'GetVideoInfo', params)).rejects.toMatchObject({
			code: 'ServiceUnavailable',
		});
		await expect(callRpc(emulator, 'GetVideoInfo', params)).resolves.toBeDefined();
	});

	it('filters by path prefix', async () => {
		emulator.injectFault({ kind: 'serverError', match: { path: '/queues/' } });
		await expect(callRpc(emulator, 'GetVideoInfo', params)).resolves.toBeDefined();
	});

	it('can be injected and cleared through the HTTP control API', async () => {
		const injected = await send(
			emulator,
			'POST',
			'/__emulator/faults',
			{ 'content-type': 'application/json' },
			JSON.stringify({ kind: 'serverError', count: 5 }),
		);
		expect(injected.status).toBe(200);
		await expect(callRpc(emulator, 'GetVideoInfo', params)).rejects.toMatchObject({
			code: 'ServiceUnavailable',
		});
		await send(emulator, 'DELETE', '/__emulator/faults');
		await expect(callRpc(emulator, 'GetVideoInfo', params)).resolves.toBeDefined();
	});

	it('answers a Huawei path in the Huawei error format', async () => {
		emulator.injectFault({ kind: 'serverError', status: 502 });
		const response = await send(
			emulator,
			'GET',
			'/v1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/details',
		);
		expect(response.status).toBe(502);
		expect(response.json()).toMatchObject({
			error_code: 'APIGW.0201',
			error_msg: expect.any(String),
		});
	});
});
