/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals -- the CLI test spawns `npm run emulator`'s command */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { aliyunAccessKey } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, send } from '../../clients/aliyunRpc';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

const JSON_HEADERS = { 'content-type': 'application/json' };
const post = async (path: string, body: unknown) =>
	await send(emulator, 'POST', `/__emulator/${path}`, JSON_HEADERS, JSON.stringify(body));
const get = async (path: string) => await send(emulator, 'GET', `/__emulator/${path}`);

describe('HTTP control API', () => {
	it('describes the emulator and its identities', async () => {
		const info = (await get('info')).json();
		expect(info).toMatchObject({
			url: emulator.url,
			aliyun: { accessKey: { accessKeyId: aliyunAccessKey.accessKeyId } },
		});
	});

	it('seeds videos the VOD API then serves', async () => {
		const seeded = await post('aliyun/videos', {
			videos: [
				{ videoId: 'feedfeedfeedfeedfeedfeedfeedfeed', title: 'From control', status: 'Normal' },
			],
		});
		expect(seeded.status).toBe(200);
		const body = await callRpc<{ Video: { Title: string } }>(emulator, 'GetVideoInfo', {
			VideoId: 'feedfeedfeedfeedfeedfeedfeedfeed',
		});
		expect(body.Video.Title).toBe('From control');
	});

	it('lists received requests with their outcome, and clears them', async () => {
		await callRpc(emulator, 'GetVideoInfo', { VideoId: 'missing' }).catch(() => undefined);
		const requests = (await get('requests')).json();
		expect(requests).toEqual([
			expect.objectContaining({
				action: 'GetVideoInfo',
				identity: aliyunAccessKey.accessKeyId,
				outcome: { status: 404, code: 'InvalidVideo.NotFound' },
			}),
		]);
		await send(emulator, 'DELETE', '/__emulator/requests');
		expect((await get('requests')).json()).toEqual([]);
	});

	it('skews the clock', async () => {
		await post('clock', { skewMs: 3_600_000 });
		const { now } = (await get('clock')).json() as { now: number };
		expect(now - Date.now()).toBeGreaterThan(3_590_000);
		await expect(callRpc(emulator, 'SearchMedia', {})).rejects.toMatchObject({
			code: 'InvalidTimeStamp.Expired',
		});
	});

	it('sets QPS limits, job duration and queue bindings', async () => {
		expect((await post('qps', { limits: { 'vod:SearchMedia': 1 } })).status).toBe(200);
		await callRpc(emulator, 'SearchMedia', {});
		await expect(callRpc(emulator, 'SearchMedia', {})).rejects.toMatchObject({
			code: 'Throttling.User',
		});
		expect((await post('jobs/duration', { ms: 5 })).status).toBe(200);
		expect((await post('mns/queues/q1', {})).status).toBe(200);
		expect((await post('mps/pipelines/p1/queue', { queueName: 'q1' })).status).toBe(200);
		expect((await get('mns/queues/q1')).json()).toEqual([]);
	});

	it('answers 400 for a bad body and 404 for an unknown route', async () => {
		expect((await post('faults', { kind: 'explode' })).status).toBe(400);
		expect((await post('clock', { skewMs: 'soon' })).status).toBe(400);
		expect((await get('nothing-here')).status).toBe(404);
	});

	it('routes Huawei paths to the Huawei emulator', async () => {
		const response = await send(
			emulator,
			'GET',
			'/v1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/details',
		);
		expect(response.json()).toMatchObject({ error_code: expect.stringMatching(/^APIGW\./) });
	});

	it('answers 404 outside every emulated API', async () => {
		expect((await send(emulator, 'GET', '/elsewhere')).status).toBe(404);
	});
});

describe('npm run emulator entry point', () => {
	it('prints its URL and identities, serves, and stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'test/emulator/main.ts', '--port', '0'],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		const url = await new Promise<string>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
				if (found && output.includes(aliyunAccessKey.accessKeyId)) resolve(found[1]);
			});
			child.once('exit', () => reject(new Error(`emulator exited: ${output}`)));
		});
		expect((await fetch(`${url}/__emulator/info`)).status).toBe(200);
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});
