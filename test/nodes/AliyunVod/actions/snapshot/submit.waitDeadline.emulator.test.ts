/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, runVod, VOD_NODE } from '../../harness';
import { submitParameters } from './submitParameters';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

/** When the emulator received each ListSnapshots (the wait's status call), in order. */
function statusCallTimes(): number[] {
	return emulator
		.requests()
		.filter((request) => request.action === 'ListSnapshots')
		.map((request) => request.receivedAt);
}

describe('Submit with Wait for Completion: Max Wait Time bounds the retries of every status call', () => {
	it('ends near Max Wait when VOD throttles every status call', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 400,
			code: 'Throttling.User',
			match: { action: 'ListSnapshots' },
			count: 1000,
		});
		const maxWaitMs = 1000;

		const run = await runVod(
			submitParameters(seedVideoIds.normal, {
				waitForCompletion: true,
				options: { pollInterval: 0.5, maxWaitTime: maxWaitMs / 1000 },
			}),
			againstEmulator(emulator, { onError: 'continueRegularOutput' }),
		);
		const endedAt = Date.now();

		const [item] = nodeOutput(run, VOD_NODE);
		expect(String(item.json.error)).toMatch(
			/^Snapshot job \w+ did not complete within 1 seconds \(the last check failed: Throttling\.User/,
		);
		const times = statusCallTimes();
		const firstPoll = times[0];
		// Each check's 4 attempts span at least 0.25 + 0.5 + 1 s of backoff: without the bound the
		// first check alone sends its last attempt 1.75 s after its first. With it, no status call
		// is sent after the deadline (slack for the loopback and a loaded box).
		expect(times[times.length - 1] - firstPoll).toBeLessThanOrEqual(maxWaitMs + 500);
		expect(endedAt - firstPoll).toBeGreaterThanOrEqual(maxWaitMs - 50);
		expect(endedAt - firstPoll).toBeLessThan(maxWaitMs + 2000);
	}, 30_000);
});
