/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * `npm run bench`: the Performance targets of issue 3, measured in one run against the in-process
 * emulator, with the real Alibaba Cloud VOD node in n8n-core's real WorkflowExecute (test/support).
 *
 *  1. Baseline: 100 GetVideoInfo items, unpaced, give the cost of one request through n8n and the emulator.
 *  2. 1,000 Submit items at the node's default Max Requests per Second (VOD's documented 30 QPS),
 *     against an emulator that throttles SubmitSnapshotJob above 30 QPS: elapsed vs N/QPS (target ≤ 1.1x)
 *     and throttled requests (target 0).
 *  3. Snapshot → List, Return All, over a job with 10,000 snapshots: ListSnapshots requests vs
 *     ceil(N/100) (target: exactly equal), time and heap growth vs the baseline.
 *  4. The signers' operations per second beside the official SDKs' signers (signers.ts), as ratios
 *     (target >= 1).
 *
 * A missed target prints MISSED; the exit code is non-zero only when the benchmark itself fails.
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { IDataObject, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

import { AliyunApi } from '../../credentials/AliyunApi.credentials';
import { AliyunVod } from '../../nodes/AliyunVod/AliyunVod.node';
import { aliyunApiDataFor } from '../emulator/accounts';
import { seedVideoIds } from '../emulator/aliyun/vod/videos';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import { callRpc } from '../emulator/clients/aliyunRpc';
import { nodeOutput, runWorkflow } from '../support/inProcessN8n';
import { actionRequests, densestWindow, isThrottled } from '../support/requestRates';
import { runHuaweiBench } from './huawei';
import { runHuaweiPollingBench } from './huaweiPolling';
import { runMpsBench } from './mps';
import { runMpsQueueBench } from './mpsQueue';
import { line, verdict } from './report';
import { measureSigners } from './signers';

const SUBMIT_ITEMS = 1_000;
const SUBMIT_QPS = 30;
const SUBMIT_TARGET_RATIO = 1.1;
const BASELINE_ITEMS = 100;
const LIST_SNAPSHOTS = 10_000;
const LIST_PAGE_SIZE = 100;
const BENCH_VIDEO_ID = 'be7c4000000000000000000000010000';
const NODE_NAME = 'Alibaba Cloud VOD';

type Gc = () => void;

/** `global.gc` without a command-line flag (npm run bench runs plain `node --import tsx`). */
function exposeGc(): Gc {
	setFlagsFromString('--expose-gc');
	const gc: unknown = runInNewContext('gc');
	if (typeof gc !== 'function') throw new Error('could not expose the garbage collector');
	return () => {
		(gc as Gc)();
	};
}

const gc = exposeGc();

function heapUsed(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function runVodNode(
	emulator: Emulator,
	parameters: INodeParameters,
	items: IDataObject[],
): Promise<IRun> {
	return await runWorkflow({
		nodes: [
			{
				id: 'vod',
				name: NODE_NAME,
				type: 'aliyunVod',
				typeVersion: 1,
				position: [0, 0],
				parameters,
			},
		],
		connections: {},
		nodeTypes: { aliyunVod: new AliyunVod() },
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: {
			aliyunApi: aliyunApiDataFor(emulator.url),
		},
		inputItems: items.map((json): INodeExecutionData => ({ json })),
	});
}

function outputOf(run: IRun): INodeExecutionData[] {
	const error = run.data.resultData.runData[NODE_NAME]?.[0]?.error;
	if (error) throw new Error(`the node failed: ${error.message}`);
	return nodeOutput(run, NODE_NAME);
}

function smallestGap(requests: RecordedRequest[]): number {
	let smallest = Number.POSITIVE_INFINITY;
	for (let index = 1; index < requests.length; index++) {
		smallest = Math.min(smallest, requests[index].receivedAt - requests[index - 1].receivedAt);
	}
	return smallest;
}

/** Loads n8n-core and compiles the node's code paths, so the baseline measures requests only. */
async function warmUp(emulator: Emulator): Promise<void> {
	emulator.setQpsLimits({ 'vod:GetVideoInfo': 1_000_000 });
	outputOf(
		await runVodNode(
			emulator,
			{
				resource: 'video',
				operation: 'get',
				videoId: '={{ $json.videoId }}',
				options: { maxRequestsPerSecond: 1_000_000 },
			},
			Array.from({ length: 20 }, () => ({ videoId: seedVideoIds.normal })),
		),
	);
}

async function baseline(emulator: Emulator): Promise<{ msPerRequest: number; heapDelta: number }> {
	// Unpaced: the emulator's limit and the node's pace are both far above what one process sends.
	emulator.clearRequests();
	const before = heapUsed();
	const started = performance.now();
	const run = await runVodNode(
		emulator,
		{
			resource: 'video',
			operation: 'get',
			videoId: '={{ $json.videoId }}',
			options: { maxRequestsPerSecond: 1_000_000 },
		},
		Array.from({ length: BASELINE_ITEMS }, () => ({ videoId: seedVideoIds.normal })),
	);
	const elapsed = performance.now() - started;
	const items = outputOf(run);
	const heapDelta = heapUsed() - before;
	if (items.length !== BASELINE_ITEMS) throw new Error(`baseline returned ${items.length} items`);
	const requests = actionRequests(emulator, 'GetVideoInfo').length;
	line('1. Baseline: GetVideoInfo, unpaced');
	line(
		`   ${BASELINE_ITEMS} items, ${requests} requests in ${(elapsed / 1000).toFixed(2)} s: ${(elapsed / requests).toFixed(2)} ms per request`,
	);
	line(`   heap growth with the run's output held: ${mb(heapDelta)}`);
	line();
	return { msPerRequest: elapsed / requests, heapDelta };
}

async function submitThroughput(emulator: Emulator, msPerRequest: number): Promise<void> {
	emulator.clearRequests();
	const started = performance.now();
	const run = await runVodNode(
		emulator,
		// Options left empty: the node's default Max Requests per Second is VOD's documented 30.
		{
			resource: 'snapshot',
			operation: 'submit',
			videoId: '={{ $json.videoId }}',
			snapshotSettings: { count: 1 },
			options: {},
		},
		Array.from({ length: SUBMIT_ITEMS }, () => ({ videoId: seedVideoIds.normal })),
	);
	const elapsedMs = performance.now() - started;
	const items = outputOf(run);
	const requests = actionRequests(emulator, 'SubmitSnapshotJob');
	const throttled = requests.filter(isThrottled).length;
	const failedItems = items.filter(
		(item) => item.json.error !== undefined || typeof item.json.JobId !== 'string',
	).length;
	const baselineMs = (SUBMIT_ITEMS / SUBMIT_QPS) * 1000;
	const ratio = elapsedMs / baselineMs;
	const first = requests[0]?.receivedAt ?? 0;
	const last = requests[requests.length - 1]?.receivedAt ?? 0;
	line(
		`2. Submit: ${SUBMIT_ITEMS} items at the default pace, emulator limit ${SUBMIT_QPS} QPS (vod:SubmitSnapshotJob)`,
	);
	line(
		`   elapsed ${(elapsedMs / 1000).toFixed(2)} s; N/QPS baseline ${(baselineMs / 1000).toFixed(2)} s`,
	);
	line(
		`   ratio elapsed/(N/QPS) = ${ratio.toFixed(3)} (target <= ${SUBMIT_TARGET_RATIO}): ${verdict(ratio <= SUBMIT_TARGET_RATIO)}`,
	);
	line(
		`   throttled requests (emulator log): ${throttled} (target 0): ${verdict(throttled === 0)}`,
	);
	line(
		`   output items ${items.length}, items without a JobId ${failedItems}: ${verdict(items.length === SUBMIT_ITEMS && failedItems === 0)}; requests sent ${requests.length} (${requests.length - SUBMIT_ITEMS} retries after throttling)`,
	);
	line(
		`   densest 1 s window at the emulator: ${densestWindow(requests)} requests (limit ${SUBMIT_QPS}); smallest gap between two requests ${smallestGap(requests)} ms`,
	);
	line(
		`   first to last request ${((last - first) / 1000).toFixed(2)} s; observed rate ${((requests.length - 1) / ((last - first) / 1000)).toFixed(2)} QPS`,
	);
	line(
		`   unpaced cost of ${SUBMIT_ITEMS} requests (baseline) would be ${((msPerRequest * SUBMIT_ITEMS) / 1000).toFixed(2)} s: the pace, not the node, sets the time`,
	);
	line();
}

async function seedTenThousandSnapshots(emulator: Emulator): Promise<string> {
	// Count 10000 with Interval 0 spreads the snapshots over the video: it needs no duration per snapshot.
	emulator.seedVideos([
		{ videoId: BENCH_VIDEO_ID, title: 'Benchmark: 10,000 snapshots', durationSeconds: 36_000 },
	]);
	const submitted = await callRpc<{ SnapshotJob: { JobId: string } }>(
		emulator,
		'SubmitSnapshotJob',
		{
			VideoId: BENCH_VIDEO_ID,
			Count: LIST_SNAPSHOTS,
			Interval: 0,
		},
	);
	const jobId = submitted.SnapshotJob.JobId;
	const deadline = Date.now() + 30_000;
	while (emulator.vodJob(jobId)?.state !== 'Success') {
		if (Date.now() > deadline)
			throw new Error(`seed job ${jobId} did not finish: ${emulator.vodJob(jobId)?.state}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const count = emulator
		.vodJob(jobId)
		?.outputs.find((output) => output.type === 'NormalSnapshot')?.count;
	if (count !== LIST_SNAPSHOTS)
		throw new Error(`the emulator made ${String(count)} snapshots, not ${LIST_SNAPSHOTS}`);
	return jobId;
}

async function listAll(
	emulator: Emulator,
	jobId: string,
	baselineResult: { msPerRequest: number; heapDelta: number },
): Promise<void> {
	emulator.clearRequests();
	const before = heapUsed();
	const started = performance.now();
	const run = await runVodNode(
		emulator,
		{
			resource: 'snapshot',
			operation: 'getAll',
			videoId: BENCH_VIDEO_ID,
			snapshotType: 'NormalSnapshot',
			returnAll: true,
			options: {},
		},
		[{}],
	);
	const elapsedMs = performance.now() - started;
	const items = outputOf(run);
	const heapDelta = heapUsed() - before;
	const requests = actionRequests(emulator, 'ListSnapshots');
	const expected = Math.ceil(LIST_SNAPSHOTS / LIST_PAGE_SIZE);
	const indexes = new Set(items.map((item) => Number(item.json.Index)));
	const complete =
		items.length === LIST_SNAPSHOTS &&
		indexes.size === LIST_SNAPSHOTS &&
		items.every((item) => item.json.JobId === jobId);
	const pageSizes = new Set(
		requests.map(
			(request) =>
				new URLSearchParams(request.body).get('PageSize') ??
				new URL(request.rawUrl, emulator.url).searchParams.get('PageSize'),
		),
	);
	line(`3. Snapshot → List, Return All, over ${LIST_SNAPSHOTS} snapshots`);
	line(
		`   ListSnapshots requests ${requests.length}, ceil(N/${LIST_PAGE_SIZE}) = ${expected} (target: exactly equal): ${verdict(requests.length === expected)}`,
	);
	line(
		`   page sizes requested: ${[...pageSizes].join(', ')}; output items ${items.length}, distinct indexes ${indexes.size}: ${verdict(complete)}`,
	);
	line(
		`   elapsed ${(elapsedMs / 1000).toFixed(2)} s (${(elapsedMs / requests.length).toFixed(1)} ms per page, paced by the node's default rate; ${baselineResult.msPerRequest.toFixed(2)} ms per unpaced baseline request)`,
	);
	line(
		`   heap growth with the 10,000 items held: ${mb(heapDelta)} (${(heapDelta / items.length).toFixed(0)} bytes per item); baseline run of ${BASELINE_ITEMS} items: ${mb(baselineResult.heapDelta)} (${(baselineResult.heapDelta / BASELINE_ITEMS).toFixed(0)} bytes per item)`,
	);
	line();
}

/** Each signer's rate beside its SDK's, from one run, and the ratio (target >= 1). */
function printSignerRatios(): void {
	line('4. Signers beside the official SDKs (same run, same request, operations per CPU second)');
	for (const result of measureSigners()) {
		line(`   ${result.name}`);
		line(
			`   ours ${Math.round(result.oursOpsPerSecond)}/s, SDK ${Math.round(result.sdkOpsPerSecond)}/s: ratio ${result.ratio.toFixed(2)}x (target >= 1): ${verdict(result.ratio >= 1)}`,
		);
	}
	line();
}

async function main(): Promise<void> {
	const emulator = await startEmulator({
		jobDurationMs: 200,
		qpsLimits: { 'vod:SubmitSnapshotJob': SUBMIT_QPS },
	});
	let failed = false;
	try {
		line(
			`Benchmark: Alibaba Cloud VOD node in-process (n8n-core WorkflowExecute) against the emulator at ${emulator.url}`,
		);
		line(
			`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
				.map((load) => load.toFixed(2))
				.join(' ')}, ${new Date().toISOString()}`,
		);
		line('(timings are wall clock: other processes on the machine make them worse, never better)');
		line();
		// Seeded first, so that its SubmitSnapshotJob never shares a QPS window with the measured ones.
		const jobId = await seedTenThousandSnapshots(emulator);
		await warmUp(emulator);
		const baselineResult = await baseline(emulator);
		await submitThroughput(emulator, baselineResult.msPerRequest);
		await listAll(emulator, jobId, baselineResult);
		printSignerRatios();
		if (!(await runMpsBench())) failed = true;
		if (!(await runHuaweiPollingBench())) failed = true;
		if (!(await runHuaweiBench())) failed = true;
		if (!(await runMpsQueueBench())) failed = true;
	} catch (error) {
		failed = true;
		process.stderr.write(
			`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
	} finally {
		await emulator.close();
	}
	process.exit(failed ? 1 : 0);
}

void main();
