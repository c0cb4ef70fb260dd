import { describe, expect, it } from 'vitest';

import { aliyunStsKey } from '../../accounts';
import { seedVideoIds } from '../../aliyun/vod/videos';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, delay, MPS_VERSION, rpcFailure } from '../../clients/aliyunRpc';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	start: { qpsLimits: { 'vod:GetVideoInfo': 3 } },
});

const getVideoInfo = async () =>
	await callRpc(emulator, 'GetVideoInfo', { VideoId: seedVideoIds.normal });

describe('per-action QPS limits (sliding 1 s window per AccessKeyId)', () => {
	it('denies the call over the limit with Throttling.User, as documented', async () => {
		for (let call = 0; call < 3; call++) await getVideoInfo();
		expect(await rpcFailure(emulator, 'GetVideoInfo', { VideoId: seedVideoIds.normal })).toEqual({
			status: 400,
			Code: 'Throttling.User',
			Message: 'Request was denied due to user flow control.',
		});
	});

	it('admits calls again once the window has slid past', async () => {
		for (let call = 0; call < 3; call++) await getVideoInfo();
		await delay(1050);
		await expect(getVideoInfo()).resolves.toBeDefined();
	});

	it('counts each AccessKeyId and each action separately', async () => {
		for (let call = 0; call < 3; call++) await getVideoInfo();
		await expect(
			callRpc(emulator, 'GetVideoInfo', { VideoId: seedVideoIds.normal }, { key: aliyunStsKey }),
		).resolves.toBeDefined();
		await expect(callRpc(emulator, 'SearchMedia', {})).resolves.toBeDefined();
	});

	it('applies limits set per test, to MPS as well', async () => {
		emulator.setQpsLimits({ 'mts:QuerySnapshotJobList': 1 });
		await callRpc(
			emulator,
			'QuerySnapshotJobList',
			{ SnapshotJobIds: 'a' },
			{ version: MPS_VERSION },
		);
		expect(
			await rpcFailure(
				emulator,
				'QuerySnapshotJobList',
				{ SnapshotJobIds: 'a' },
				{ version: MPS_VERSION },
			),
		).toMatchObject({
			Code: 'Throttling.User',
		});
	});

	it('uses the documented default of 30 QPS for VOD SubmitSnapshotJob', async () => {
		emulator.setJobDuration(10);
		const submissions = Array.from(
			{ length: 31 },
			async () =>
				await callRpc(emulator, 'SubmitSnapshotJob', {
					VideoId: seedVideoIds.normal,
					Count: 1,
				}).then(
					() => 'ok',
					(error: unknown) => (error as { code?: string }).code,
				),
		);
		const outcomes = await Promise.all(submissions);
		expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(30);
		expect(outcomes.filter((outcome) => outcome === 'Throttling.User')).toHaveLength(1);
	});
});
