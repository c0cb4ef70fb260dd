import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, runVod, VOD_NODE } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

describe('Video → Get against the emulator', () => {
	it('outputs the video information', async () => {
		const run = await runVod(
			{ resource: 'video', operation: 'get', videoId: seedVideoIds.normal },
			againstEmulator(emulator),
		);
		const [item] = nodeOutput(run, VOD_NODE);
		expect(item.json).toMatchObject({
			VideoId: seedVideoIds.normal,
			Title: 'Emulator sample clip',
			Status: 'Normal',
		});
		expect(item.json.RequestId).toEqual(expect.any(String));
	});

	it('turns an unknown video into an error item carrying the provider code', async () => {
		const run = await runVod(
			{ resource: 'video', operation: 'get', videoId: 'ffffffffffffffffffffffffffffffff' },
			againstEmulator(emulator, { onError: 'continueRegularOutput' }),
		);
		const [item] = nodeOutput(run, VOD_NODE);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.error).toMatch(/^InvalidVideo\.NotFound/);
		expect(item.json.details).toMatchObject({
			code: 'InvalidVideo.NotFound',
			requestId: expect.any(String),
		});
	});
});
