/**
 * The MPS Performance targets of issue 9, in one run against the in-process emulator, with the real
 * Alibaba Cloud MPS node in n8n-core's real WorkflowExecute (test/nodes/AliyunMps/harness.ts):
 *
 *  1. Snapshot Job → Get with 1,000 IDs: exactly ceil(1000/10) = 100 QuerySnapshotJobList requests.
 *  2. Snapshot Job → Get Many, Return All, over 10,000 jobs: exactly ceil(10000/300) = 34 requests.
 *  3. 1,000 Submits at the default pace (MPS's documented 50 QPS), the emulator throttling
 *     mts:SubmitSnapshotJob above 50 QPS: elapsed within 1.1x of N/QPS, zero throttled.
 * The unpaced cost of one request, measured first, is the baseline the paced timings are set against.
 */
import { sleep, type INodeParameters } from 'n8n-workflow';

import { callRpc, MPS_VERSION } from '../emulator/clients/aliyunRpc';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import { runMps, submitParameters } from '../nodes/AliyunMps/harness';
import { actionRequests, densestWindow, isThrottled } from '../support/requestRates';
import { line, verdict } from './report';

const GET_IDS = 1_000;
const IDS_PER_QUERY = 10;
const LIST_JOBS = 10_000;
const LIST_PAGE_SIZE = 300;
const SUBMIT_ITEMS = 1_000;
const SUBMIT_QPS = 50;
const SUBMIT_TARGET_RATIO = 1.1;
const SEED_BATCH = 50;
const UNPACED = 1_000_000;
/** The emulator counts an action's requests over the last second; a little more. */
const THROTTLE_WINDOW_MS = 1_100;

/** `count` finished synchronous jobs, created straight at the emulator; their ids. */
async function seedJobs(emulator: Emulator, count: number): Promise<string[]> {
	emulator.setQpsLimits({ 'mts:SubmitSnapshotJob': UNPACED });
	const ids: string[] = [];
	for (let start = 0; start < count; start += SEED_BATCH) {
		const batch = Array.from({ length: Math.min(SEED_BATCH, count - start) }, (_, offset) =>
			callRpc<{ SnapshotJob: { Id: string } }>(
				emulator,
				'SubmitSnapshotJob',
				{
					Input: JSON.stringify({ Bucket: 'v', Location: 'oss-cn-shanghai', Object: 'a.mp4' }),
					SnapshotConfig: JSON.stringify({
						OutputFile: {
							Bucket: 'o',
							Location: 'oss-cn-shanghai',
							Object: `f${start + offset}.jpg`,
						},
						Time: '0',
					}),
				},
				{ version: MPS_VERSION },
			),
		);
		for (const body of await Promise.all(batch)) ids.push(body.SnapshotJob.Id);
	}
	return ids;
}

/** Runs the node once; its items, the time it took and the requests of `action` it sent. */
async function timedRun(
	emulator: Emulator,
	parameters: INodeParameters,
	action: string,
	items?: Array<Record<string, number>>,
): Promise<{ items: number; failed: number; ms: number; requests: RecordedRequest[] }> {
	emulator.clearRequests();
	const started = performance.now();
	const result = await runMps(emulator, parameters, { items });
	const ms = performance.now() - started;
	if (result.error) throw new Error(`the node failed: ${String(result.error)}`);
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	return { items: result.items.length, failed, ms, requests: actionRequests(emulator, action) };
}

async function baselineMsPerRequest(emulator: Emulator, ids: string[]): Promise<number> {
	const get = { resource: 'snapshotJob', operation: 'get', jobIds: ids.slice(0, 500).join(',') };
	await timedRun(emulator, { ...get, options: { maxRequestsPerSecond: UNPACED } }, 'x');
	const run = await timedRun(
		emulator,
		{ ...get, options: { maxRequestsPerSecond: UNPACED } },
		'QuerySnapshotJobList',
	);
	const msPerRequest = run.ms / run.requests.length;
	line('1. Baseline: Snapshot Job → Get, 500 IDs, unpaced');
	line(
		`   ${run.requests.length} requests in ${(run.ms / 1000).toFixed(2)} s: ${msPerRequest.toFixed(2)} ms per request`,
	);
	line();
	// The baseline's burst must leave the emulator's one-second window (mts:QuerySnapshotJobList,
	// 100 QPS) before the paced Get starts, or the two together count as one second over the limit.
	await sleep(THROTTLE_WINDOW_MS);
	return msPerRequest;
}

async function getByIds(emulator: Emulator, ids: string[], msPerRequest: number): Promise<boolean> {
	const run = await timedRun(
		emulator,
		{ resource: 'snapshotJob', operation: 'get', jobIds: ids.slice(0, GET_IDS).join(',') },
		'QuerySnapshotJobList',
	);
	const expected = Math.ceil(GET_IDS / IDS_PER_QUERY);
	const chunks = run.requests.map((request) =>
		new URL(request.rawUrl, 'http://x').searchParams.get('SnapshotJobIds')?.split(','),
	);
	const inOrder =
		chunks.flatMap((chunk) => chunk ?? []).join(',') === ids.slice(0, GET_IDS).join(',');
	const met =
		run.requests.length === expected && run.items === GET_IDS && run.failed === 0 && inOrder;
	line(`2. Snapshot Job → Get with ${GET_IDS} IDs at the default pace (100 QPS)`);
	line(
		`   QuerySnapshotJobList requests ${run.requests.length}, ceil(N/${IDS_PER_QUERY}) = ${expected} (target: exactly equal): ${verdict(run.requests.length === expected)}`,
	);
	line(`   output items ${run.items}, IDs sent in the order given: ${inOrder}: ${verdict(met)}`);
	line(
		`   elapsed ${(run.ms / 1000).toFixed(2)} s; ${(run.ms / run.requests.length / msPerRequest).toFixed(1)}x the unpaced baseline per request (the pace sets it)`,
	);
	line();
	return met;
}

async function getManyReturnAll(emulator: Emulator, msPerRequest: number): Promise<boolean> {
	const run = await timedRun(
		emulator,
		{ resource: 'snapshotJob', operation: 'getAll', returnAll: true },
		'QuerySnapshotJobList',
	);
	const expected = Math.ceil(LIST_JOBS / LIST_PAGE_SIZE);
	const sizes = new Set(
		run.requests.map((request) =>
			new URL(request.rawUrl, 'http://x').searchParams.get('MaximumPageSize'),
		),
	);
	const met = run.requests.length === expected && run.items === LIST_JOBS;
	line(`3. Snapshot Job → Get Many, Return All, over ${LIST_JOBS} jobs`);
	line(
		`   QuerySnapshotJobList requests ${run.requests.length}, ceil(N/${LIST_PAGE_SIZE}) = ${expected} (target: exactly equal): ${verdict(run.requests.length === expected)}`,
	);
	line(
		`   MaximumPageSize sent: ${[...sizes].join(', ')}; output items ${run.items}: ${verdict(run.items === LIST_JOBS)}`,
	);
	line(
		`   elapsed ${(run.ms / 1000).toFixed(2)} s, ${(run.ms / run.requests.length).toFixed(1)} ms per page (${(run.ms / run.requests.length / msPerRequest).toFixed(1)}x the baseline request: a page carries 300 jobs)`,
	);
	line();
	return met;
}

async function submitThroughput(emulator: Emulator, msPerRequest: number): Promise<boolean> {
	emulator.setQpsLimits({ 'mts:SubmitSnapshotJob': SUBMIT_QPS });
	const items = Array.from({ length: SUBMIT_ITEMS }, (_, index) => ({ index }));
	const run = await timedRun(
		emulator,
		// Options left empty: the node's default Max Requests per Second is MPS's documented 50.
		submitParameters({ outputObject: '={{ "bench/" + $json.index + ".jpg" }}' }),
		'SubmitSnapshotJob',
		items,
	);
	const throttled = run.requests.filter(isThrottled).length;
	const baselineMs = (SUBMIT_ITEMS / SUBMIT_QPS) * 1000;
	const ratio = run.ms / baselineMs;
	const met =
		ratio <= SUBMIT_TARGET_RATIO &&
		throttled === 0 &&
		run.items === SUBMIT_ITEMS &&
		run.failed === 0;
	line(
		`4. Submit: ${SUBMIT_ITEMS} items at the default pace, emulator limit ${SUBMIT_QPS} QPS (mts:SubmitSnapshotJob)`,
	);
	line(
		`   elapsed ${(run.ms / 1000).toFixed(2)} s; N/QPS baseline ${(baselineMs / 1000).toFixed(2)} s`,
	);
	line(
		`   ratio elapsed/(N/QPS) = ${ratio.toFixed(3)} (target <= ${SUBMIT_TARGET_RATIO}): ${verdict(ratio <= SUBMIT_TARGET_RATIO)}`,
	);
	line(
		`   throttled requests (emulator log): ${throttled} (target 0): ${verdict(throttled === 0)}`,
	);
	line(
		`   output items ${run.items}, failed ${run.failed}; requests sent ${run.requests.length}; densest 1 s window ${densestWindow(run.requests)} (limit ${SUBMIT_QPS})`,
	);
	line(
		`   unpaced cost of ${SUBMIT_ITEMS} requests (baseline) would be ${((msPerRequest * SUBMIT_ITEMS) / 1000).toFixed(2)} s: the pace, not the node, sets the time`,
	);
	line();
	return met;
}

/** Runs the MPS cases on their own emulator; whether every target was met. */
export async function runMpsBench(): Promise<boolean> {
	const emulator = await startEmulator({ jobDurationMs: 200 });
	try {
		line(`Benchmark: Alibaba Cloud MPS node in-process against the emulator at ${emulator.url}`);
		const seedStarted = performance.now();
		const ids = await seedJobs(emulator, LIST_JOBS);
		line(
			`(seeded ${ids.length} finished jobs in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`,
		);
		line();
		const msPerRequest = await baselineMsPerRequest(emulator, ids);
		const results = [
			await getByIds(emulator, ids, msPerRequest),
			await getManyReturnAll(emulator, msPerRequest),
			await submitThroughput(emulator, msPerRequest),
		];
		return results.every(Boolean);
	} finally {
		await emulator.close();
	}
}
