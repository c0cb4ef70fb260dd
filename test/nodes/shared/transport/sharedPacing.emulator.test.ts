/**
 * Parallel executions in one n8n process share the pace of one account and action (issue 7, point
 * 11): four executions of the real VOD node in n8n-core's WorkflowExecute submit at once against an
 * emulator that throttles SubmitSnapshotJob just above the node's Max Requests per Second. Paced
 * per execution, they sent four times the limit.
 */
import { describe, expect, it } from 'vitest';

import { aliyunApiDataFor } from '../../../emulator/accounts';
import { seedVideoIds } from '../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../emulator/lifecycle';
import type { Emulator } from '../../../emulator/server';
import { nodeOutput } from '../../../support/inProcessN8n';
import { runVod, VOD_NODE } from '../../AliyunVod/harness';

/** The emulator's limit; the node paces a little under it, so a loaded test machine's jitter fits. */
const EMULATOR_QPS = 10;
const NODE_QPS = 8;
const EXECUTIONS = 4;
const SUBMITS_PER_EXECUTION = 6;

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.setQpsLimits({ 'vod:SubmitSnapshotJob': EMULATOR_QPS }),
});

/** One execution submitting `SUBMITS_PER_EXECUTION` items; odd ones sign with V1, even ones with V3. */
async function submitExecution(index: number) {
	return await runVod(
		{
			resource: 'snapshot',
			operation: 'submit',
			videoId: seedVideoIds.normal,
			snapshotSettings: { count: 1, interval: 0 },
			options: { maxRequestsPerSecond: NODE_QPS },
		},
		{
			items: Array.from({ length: SUBMITS_PER_EXECUTION }, () => ({})),
			credentials: aliyunApiDataFor(emulator.url, index % 2 === 1 ? 'v1' : 'v3'),
		},
	);
}

/** The most arrivals in any one-second window. */
function busiestSecond(arrivals: number[]): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let most = 0;
	for (let first = 0, last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= 1000) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

describe('pacing shared by parallel executions in one process', () => {
	it(`keeps ${EXECUTIONS} parallel executions on one key within ${EMULATOR_QPS} QPS, none throttled`, async () => {
		const runs = await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, index) => await submitExecution(index)),
		);

		for (const run of runs) {
			const output = nodeOutput(run, VOD_NODE);
			expect(output).toHaveLength(SUBMITS_PER_EXECUTION);
			expect(output.every((item) => typeof item.json.JobId === 'string')).toBe(true);
		}
		const submits = emulator.requests().filter((request) => request.action === 'SubmitSnapshotJob');
		expect(submits.filter((request) => request.outcome.code !== undefined)).toEqual([]);
		expect(submits).toHaveLength(EXECUTIONS * SUBMITS_PER_EXECUTION);
		expect(busiestSecond(submits.map((request) => request.receivedAt))).toBeLessThanOrEqual(
			EMULATOR_QPS,
		);
	});
});
