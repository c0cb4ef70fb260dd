import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, receivedActions, runVod, VOD_NODE } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

describe('Video → Search against the emulator', () => {
	it('returns every match over pages of 100, scrolling with the ScrollToken', async () => {
		emulator.seedVideos(
			Array.from({ length: 150 }, (_, index) => ({
				videoId: `b${String(index).padStart(31, '0')}`,
				title: `Batch clip ${index}`,
			})),
		);
		emulator.clearRequests();
		const run = await runVod(
			{ resource: 'video', operation: 'search', match: "Title = 'Batch clip'", returnAll: true },
			againstEmulator(emulator),
		);
		expect(receivedActions(emulator)).toEqual(['SearchMedia', 'SearchMedia']);
		const output = nodeOutput(run, VOD_NODE);
		expect(output).toHaveLength(150);
		expect(new Set(output.map((item) => item.json.MediaId)).size).toBe(150);
	});

	it('finds the seeded sample clip by exact VideoId', async () => {
		const run = await runVod(
			{ resource: 'video', operation: 'search', match: `VideoId = '${seedVideoIds.normal}'` },
			againstEmulator(emulator),
		);
		expect(nodeOutput(run, VOD_NODE).map((item) => item.json.MediaId)).toEqual([
			seedVideoIds.normal,
		]);
	});
});
