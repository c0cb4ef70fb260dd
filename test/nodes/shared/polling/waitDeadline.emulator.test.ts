import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../emulator/aliyun/vod/videos';
import { huaweiProjectId } from '../../../emulator/accounts';
import type { FaultSpec } from '../../../emulator/core/faults';
import { SEEDED_ASSET_IDS } from '../../../emulator/huawei';
import type { Emulator } from '../../../emulator/server';
import { nodeOutput } from '../../../support/inProcessN8n';
import { errorMessage, runMps, submitParameters as mpsSubmit } from '../../AliyunMps/harness';
import { againstEmulator as vodAgainst, runVod, VOD_NODE } from '../../AliyunVod/harness';
import { submitParameters as vodSubmit } from '../../AliyunVod/actions/snapshot/submitParameters';
import {
	againstEmulator as huaweiAgainst,
	huaweiEmulatorPerFile,
} from '../../HuaweiCloudVod/emulatorRuns';
import { HW_NODE, runHuaweiVod } from '../../HuaweiCloudVod/harness';

/**
 * Each cloud's Wait for Completion, through the real node, while the emulator throttles every
 * status call: Max Wait Time is the deadline of every status call, so no retry runs past it.
 */
let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

const aliyunThrottling = { kind: 'serverError', status: 400, code: 'Throttling.User' } as const;

function throttleEvery(fault: Omit<FaultSpec, 'count'>): void {
	emulator.injectFault({ ...fault, count: 1000 });
}

/**
 * Every status call (the requests `isStatusCall` picks) arrived within Max Wait Time, give or take
 * `slackMs` for the loopback on a loaded box, and the run ended soon after it.
 */
function expectEndedNearMaxWait(
	isStatusCall: (rawUrl: string, action?: string) => boolean,
	maxWaitMs: number,
	endedAt: number,
): void {
	const times = emulator
		.requests()
		.filter((request) => isStatusCall(request.rawUrl, request.action))
		.map((request) => request.receivedAt);
	expect(times.length).toBeGreaterThan(0);
	expect(times[times.length - 1] - times[0]).toBeLessThanOrEqual(maxWaitMs + 500);
	expect(endedAt - times[0]).toBeGreaterThanOrEqual(maxWaitMs - 50);
	expect(endedAt - times[0]).toBeLessThan(maxWaitMs + 2000);
}

const halfSecondPolls = (maxWaitTime: number) => ({ pollInterval: 0.5, maxWaitTime });

describe('Max Wait Time bounds the retries of every status call, on each cloud', () => {
	// The transport's backoff: each check's 4 attempts span at least 0.25 + 0.5 + 1 s, so without
	// the bound the first check alone sends its last attempt 1.75 s after its first.
	it('Aliyun VOD Submit with wait ends near Max Wait while ListSnapshots is throttled', async () => {
		throttleEvery({ ...aliyunThrottling, match: { action: 'ListSnapshots' } });

		const run = await runVod(
			vodSubmit(seedVideoIds.normal, { waitForCompletion: true, options: halfSecondPolls(1) }),
			vodAgainst(emulator, { onError: 'continueRegularOutput' }),
		);

		const endedAt = Date.now();
		const [item] = nodeOutput(run, VOD_NODE);
		expect(String(item.json.error)).toMatch(
			/^Snapshot job \w+ did not complete within 1 seconds \(the last check failed: Throttling\.User/,
		);
		expectEndedNearMaxWait((_, action) => action === 'ListSnapshots', 1000, endedAt);
	}, 30_000);

	it('Aliyun MPS Submit with wait ends near Max Wait while QuerySnapshotJobList is throttled', async () => {
		throttleEvery({ ...aliyunThrottling, match: { action: 'QuerySnapshotJobList' } });

		const result = await runMps(
			emulator,
			mpsSubmit({
				outputObject: 'out/{Count}.jpg',
				snapshotSettings: { num: 3, time: 0 },
				waitForCompletion: true,
				options: halfSecondPolls(1),
			}),
		);

		const endedAt = Date.now();
		expect(errorMessage(result)).toMatch(
			/^Snapshot job \w+ did not complete within 1 seconds \(the last check failed: Throttling\.User/,
		);
		expectEndedNearMaxWait((_, action) => action === 'QuerySnapshotJobList', 1000, endedAt);
	}, 30_000);

	// Huawei asks for 2 s after APIGW.0308: without the bound one check alone spans 6 s.
	it('Huawei VOD Create with wait ends near Max Wait while asset/tasks is throttled', async () => {
		throttleEvery({
			kind: 'serverError',
			status: 429,
			code: 'APIGW.0308',
			// The status calls (by task id), not the list of the asset's tasks taken before Create.
			match: { path: `/v1/${huaweiProjectId}/asset/tasks`, queryHas: 'task_id' },
		});

		const run = await runHuaweiVod(
			{
				resource: 'snapshot',
				operation: 'create',
				assetId: SEEDED_ASSET_IDS[0],
				snapshotType: 'quantity',
				quantity: 3,
				waitForCompletion: true,
				options: { ...halfSecondPolls(2), maxRequestsPerSecond: 100 },
			},
			huaweiAgainst(emulator, { onError: 'continueRegularOutput' }),
		);

		const endedAt = Date.now();
		const [item] = nodeOutput(run, HW_NODE);
		expect(String(item.json.error)).toMatch(
			/did not complete within 2 seconds \(the last check failed: APIGW\.0308/,
		);
		expectEndedNearMaxWait(
			(rawUrl) => rawUrl.includes('/asset/tasks?') && rawUrl.includes('task_id='),
			2000,
			endedAt,
		);
	}, 30_000);
});
