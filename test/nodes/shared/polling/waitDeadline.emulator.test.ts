/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../emulator/accounts';
import { SEEDED_ASSET_IDS } from '../../../emulator/huawei';
import type { Emulator } from '../../../emulator/server';
import { nodeOutput } from '../../../support/inProcessN8n';
import { errorMessage, runMps, submitParameters } from '../../AliyunMps/harness';
import { againstEmulator, huaweiEmulatorPerFile } from '../../HuaweiCloudVod/emulatorRuns';
import { HW_NODE, runHuaweiVod } from '../../HuaweiCloudVod/harness';

/**
 * The other two clouds' waits get Max Wait Time as their status calls' deadline too (Aliyun VOD:
 * test/nodes/AliyunVod/actions/snapshot/submit.waitDeadline.emulator.test.ts).
 */
let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

/** When the emulator received each request `matches` picks, in order. */
function receivedTimes(matches: (rawUrl: string, action?: string) => boolean): number[] {
	return emulator
		.requests()
		.filter((request) => matches(request.rawUrl, request.action))
		.map((request) => request.receivedAt);
}

describe('Max Wait Time bounds the retries of every status call, on each cloud', () => {
	it('Aliyun MPS Submit with wait ends near Max Wait while QuerySnapshotJobList is throttled', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 400,
			code: 'Throttling.User',
			match: { action: 'QuerySnapshotJobList' },
			count: 1000,
		});

		const result = await runMps(
			emulator,
			submitParameters({
				outputObject: 'out/{Count}.jpg',
				snapshotSettings: { num: 3, time: 0 },
				waitForCompletion: true,
				options: { pollInterval: 0.5, maxWaitTime: 1 },
			}),
		);
		const endedAt = Date.now();

		expect(errorMessage(result)).toMatch(
			/^Snapshot job \w+ did not complete within 1 seconds \(the last check failed: Throttling\.User/,
		);
		const times = receivedTimes((_, action) => action === 'QuerySnapshotJobList');
		// Without the bound the first check's 4 attempts alone span at least 1.75 s of backoff.
		expect(times[times.length - 1] - times[0]).toBeLessThanOrEqual(1000 + 500);
		expect(endedAt - times[0]).toBeLessThan(1000 + 2000);
	}, 30_000);

	it('Huawei VOD Create with wait ends near Max Wait while asset/tasks is throttled (APIGW.0308)', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 429,
			code: 'APIGW.0308',
			match: { path: `/v1/${huaweiProjectId}/asset/tasks` },
			count: 1000,
		});

		const run = await runHuaweiVod(
			{
				resource: 'snapshot',
				operation: 'create',
				assetId: SEEDED_ASSET_IDS[0],
				snapshotType: 'quantity',
				quantity: 3,
				waitForCompletion: true,
				options: { pollInterval: 0.5, maxWaitTime: 2, maxRequestsPerSecond: 100 },
			},
			againstEmulator(emulator, { onError: 'continueRegularOutput' }),
		);
		const endedAt = Date.now();

		const [item] = nodeOutput(run, HW_NODE);
		expect(String(item.json.error)).toMatch(
			/did not complete within 2 seconds \(the last check failed: APIGW\.0308/,
		);
		const times = receivedTimes((rawUrl) => rawUrl.includes('/asset/tasks'));
		// Huawei asks for 2 s after APIGW.0308: without the bound one check alone spans 6 s.
		expect(times[times.length - 1] - times[0]).toBeLessThanOrEqual(2000 + 500);
		expect(endedAt - times[0]).toBeLessThan(2000 + 2000);
	}, 30_000);
});
