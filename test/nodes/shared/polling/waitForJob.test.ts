import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { systemClock } from '../../../../nodes/shared/clock';
import { waitForJob } from '../../../../nodes/shared/polling';
import type { WaitSettings } from '../../../../nodes/shared/polling';
import { aliyunRpcRequest } from '../../../../nodes/shared/transport/aliyunRpc';
import { ALIYUN_REGION, aliyunAccessKey } from '../../../emulator/accounts';
import { runCaller } from '../../../support/callerNode';
import { nodeError } from '../../../support/inProcessN8n';
import { startScriptedServer } from '../../../support/scriptedServer';
import type { ScriptedResponse, ScriptedServer } from '../../../support/scriptedServer';

/**
 * The kit's clock, faked: it moves only when the kit sleeps (retry backoff, pace, poll interval),
 * so a wait of 30 s runs in no real time. One clock for the file, never going back, because the
 * process-wide pacer of the status call remembers its last slot between tests.
 */
let fakeNow = Date.now();
const sleeps: number[] = [];

function throttling(headers: Record<string, string> = {}): ScriptedResponse {
	return {
		status: 400,
		headers,
		body: {
			RequestId: 'THROTTLED',
			HostId: 'vod.cn-shanghai.aliyuncs.com',
			Code: 'Throttling.User',
			Message: 'Request was denied due to user flow control.',
		},
	};
}

let server: ScriptedServer;
let answer: ScriptedResponse = throttling();

beforeAll(async () => {
	server = await startScriptedServer(() => answer);
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	// A minute between tests: no pace slot of the previous test is still ahead.
	fakeNow += 60_000;
	server.reset();
	sleeps.length = 0;
	answer = throttling();
	vi.spyOn(systemClock, 'now').mockImplementation(() => fakeNow);
	vi.spyOn(systemClock, 'sleep').mockImplementation(async (ms: number) => {
		sleeps.push(ms);
		fakeNow += ms;
	});
});

afterEach(() => {
	vi.restoreAllMocks();
});

/** One ListSnapshots call, as the Aliyun VOD wait's status check makes it. */
async function statusCall(this: IExecuteFunctions, deadlineMs?: number): Promise<IDataObject> {
	return await (aliyunRpcRequest<IDataObject>).call(this, {
		product: 'vod',
		action: 'ListSnapshots',
		params: { VideoId: 'v-1', SnapshotType: 'NormalSnapshot', PageNo: 1, PageSize: 1 },
		idempotent: true,
		itemIndex: 0,
		deadlineMs,
	});
}

async function run(body: (this: IExecuteFunctions) => Promise<unknown>) {
	const started = fakeNow;
	const { run: result } = await runCaller(
		async function (this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			await body.call(this);
			return [{ json: {}, pairedItem: { item: 0 } }];
		},
		{
			name: 'Wait',
			credentialTypes: { aliyunApi: new AliyunApi() },
			credentials: {
				aliyunApi: {
					...aliyunAccessKey,
					securityToken: '',
					regionId: ALIYUN_REGION,
					signatureVersion: 'v3',
					vodEndpoint: server.url,
					mpsEndpoint: server.url,
					mnsEndpoint: '',
				},
			},
		},
	);
	return { result, elapsedMs: fakeNow - started };
}

const thirtySeconds: WaitSettings = { maxWaitSeconds: 30, pollIntervalSeconds: 10 };

async function waitThrottled(this: IExecuteFunctions): Promise<unknown> {
	return await waitForJob.call(
		this,
		{
			jobId: 'job-1',
			resumeHint: 'Use Get Many later.',
			name: 'snapshot job job-1',
			check: async (deadlineMs) => await statusCall.call(this, deadlineMs),
		},
		thirtySeconds,
		0,
	);
}

describe('waitForJob: Max Wait Time bounds the status calls and their retries', () => {
	it('ends by the deadline while every status call is throttled, naming the last failure', async () => {
		const { result, elapsedMs } = await run(waitThrottled);

		expect(nodeError(result, 'Wait')).toMatchObject({
			message: expect.stringMatching(
				/^Snapshot job job-1 did not complete within 30 seconds \(the last check failed: Throttling\.User/,
			),
		});
		// The last check at the deadline is sent, but none of its retries: no backoff past 30 s.
		expect(elapsedMs).toBe(30_000);
		expect(server.requests.length).toBeGreaterThanOrEqual(4);
	});

	it('does not sleep a Retry-After that would end past the deadline', async () => {
		answer = throttling({ 'Retry-After': '20' });

		const { result, elapsedMs } = await run(waitThrottled);

		expect(nodeError(result, 'Wait')).toMatchObject({
			message: expect.stringMatching(/did not complete within 30 seconds .+Throttling\.User/),
		});
		// At 0 s: throttled, wait 20 s; at 20 s: throttled, a wait to 40 s is not started; poll
		// interval to 30 s; at 30 s: throttled, time out. Without the deadline: 0, 20, 40, 60 s.
		expect(elapsedMs).toBe(30_000);
		expect(sleeps.filter((ms) => ms === 20_000)).toHaveLength(1);
		expect(server.requests).toHaveLength(3);
	});

	it('retries a status call without a deadline as before: 4 attempts over 3 backoffs', async () => {
		const { result } = await run(async function (this: IExecuteFunctions) {
			return await statusCall.call(this);
		});

		expect(nodeError(result, 'Wait')).toMatchObject({
			message: expect.stringMatching(/^Throttling\.User/),
		});
		expect(server.requests).toHaveLength(4);
		expect(sleeps).toHaveLength(3);
		const [first, second, third] = sleeps;
		expect(first).toBeGreaterThanOrEqual(250);
		expect(first).toBeLessThanOrEqual(500);
		expect(second).toBeGreaterThanOrEqual(500);
		expect(third).toBeGreaterThanOrEqual(1000);
	});
});
