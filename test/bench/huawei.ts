/**
 * `npm run bench`, Huawei Cloud VOD (issue 10's Performance targets), the real node in n8n-core's
 * WorkflowExecute (test/support) against its own in-process emulator:
 *
 *  1. Baseline: 100 Asset → Get items, unpaced: the cost of one request through n8n and the emulator.
 *  2. Snapshot → Get Many, Return All, over 5,000 task results of one asset: asset/thumbnails requests
 *     vs ceil(5000/100) = 50 (target: exactly equal), and the time per page vs the baseline request.
 *  3. 500 Snapshot → Create items at asset/process's documented rate: elapsed vs N/QPS (target <= 1.1x)
 *     and throttled requests (target 0). VOD documents 100 calls a minute, which makes 500 creates take
 *     five minutes; the bench runs the same limit 12 times faster, 1,200 a minute = 20 a second, in
 *     both the emulator (APIG's 429 APIGW.0308 above it) and the node's Max Requests per Second.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../credentials/HuaweiCloudApi.credentials';
import { HuaweiCloudVod } from '../../nodes/HuaweiCloudVod/HuaweiCloudVod.node';
import { DOCUMENTED_CALLS_PER_MINUTE } from '../../nodes/HuaweiCloudVod/transport';
import { SEEDED_ASSET_IDS } from '../emulator/huawei';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import { huaweiAkSkCredential } from '../e2e/fixtures/clouds';
import { densestWindow } from '../support/requestRates';
import { runNode, type BenchNode } from './kit';
import { line, verdict } from './report';

const BASELINE_ITEMS = 100;
const TASK_RESULTS = 5_000;
const PAGE_SIZE = 100;
const CREATE_ITEMS = 500;
/** Documented 100 calls a minute, run 12 times faster (see the file comment). */
const TIME_COMPRESSION = 12;
const CREATE_QPS = (DOCUMENTED_CALLS_PER_MINUTE.CreateAssetProcessTask * TIME_COMPRESSION) / 60;
const CREATE_TARGET_RATIO = 1.1;
const UNPACED = 1_000_000;
/** The asset whose 5,000 task results are listed; the creates use another one. */
const LISTED_ASSET = SEEDED_ASSET_IDS[1];
const CREATED_ASSET = SEEDED_ASSET_IDS[2];

const HUAWEI_NODE: Omit<BenchNode, 'credentials'> = {
	name: 'Huawei Cloud VOD',
	type: 'huaweiCloudVod',
	nodeType: new HuaweiCloudVod(),
	credentialType: new HuaweiCloudApi(),
};

async function runHuaweiNode(
	emulator: Emulator,
	parameters: INodeParameters,
	items: IDataObject[],
): Promise<INodeExecutionData[]> {
	const credentials = huaweiAkSkCredential('BenchHuawei01', emulator.url).data;
	return await runNode({ ...HUAWEI_NODE, credentials }, parameters, items);
}

function vodRequests(emulator: Emulator, method: string, pathEnd: string): RecordedRequest[] {
	return emulator.requests().filter((request) => {
		const path = new URL(request.rawUrl, emulator.url).pathname;
		return request.method === method && path.endsWith(pathEnd);
	});
}

function isThrottled(request: RecordedRequest): boolean {
	return request.outcome.status === 429;
}

/** 100 Asset → Get items, unpaced: ms per request. */
async function baseline(emulator: Emulator): Promise<number> {
	emulator.huawei.setQps(UNPACED);
	const parameters: INodeParameters = {
		resource: 'asset',
		operation: 'get',
		assetId: LISTED_ASSET,
		options: { maxRequestsPerSecond: UNPACED },
	};
	await runHuaweiNode(emulator, parameters, [{}]); // loads n8n-core and compiles the code paths
	emulator.clearRequests();
	const started = performance.now();
	const items = await runHuaweiNode(
		emulator,
		parameters,
		Array.from({ length: BASELINE_ITEMS }, () => ({})),
	);
	const elapsed = performance.now() - started;
	const requests = vodRequests(emulator, 'GET', '/asset/details').length;
	if (items.length !== BASELINE_ITEMS || requests !== BASELINE_ITEMS)
		throw new Error(`baseline: ${items.length} items from ${requests} requests`);
	line('1. Baseline: Asset → Get (asset/details), unpaced');
	line(
		`   ${BASELINE_ITEMS} items, ${requests} requests in ${(elapsed / 1000).toFixed(2)} s: ${(elapsed / requests).toFixed(2)} ms per request`,
	);
	line();
	return elapsed / requests;
}

/** Snapshot → Create of one Quantity-1 task per item, without waiting, at `pace` requests per second. */
function createOneSnapshot(assetId: string, pace: number): INodeParameters {
	return {
		resource: 'snapshot',
		operation: 'create',
		assetId,
		snapshotType: 'quantity',
		quantity: 1,
		options: { maxRequestsPerSecond: pace },
	};
}

/** 5,000 Quantity-1 tasks on one asset, created unpaced by the node itself, and finished. */
async function seedTaskResults(emulator: Emulator): Promise<void> {
	emulator.huawei.setQps(UNPACED);
	emulator.huawei.setTaskDuration(0);
	await runHuaweiNode(
		emulator,
		createOneSnapshot(LISTED_ASSET, UNPACED),
		Array.from({ length: TASK_RESULTS }, () => ({})),
	);
	await emulator.huawei.idle();
	const seeded = emulator.huawei.tasks().filter((task) => task.assetId === LISTED_ASSET);
	if (seeded.length !== TASK_RESULTS || seeded.some((task) => task.status !== 'SUCCEED'))
		throw new Error(`seeded ${seeded.length} tasks, not ${TASK_RESULTS} finished ones`);
}

async function getManyReturnAll(emulator: Emulator, msPerRequest: number): Promise<boolean> {
	await seedTaskResults(emulator);
	// The node's default pace for asset/thumbnails (no documented limit) against APIG's default.
	emulator.huawei.setQps(20);
	emulator.clearRequests();
	const started = performance.now();
	const items = await runHuaweiNode(
		emulator,
		{
			resource: 'snapshot',
			operation: 'getAll',
			assetId: LISTED_ASSET,
			returnAll: true,
			options: {},
		},
		[{}],
	);
	const elapsed = performance.now() - started;
	const requests = vodRequests(emulator, 'GET', '/asset/thumbnails');
	const expected = Math.ceil(TASK_RESULTS / PAGE_SIZE);
	const distinct = new Set(items.map((item) => String(item.json.task_id))).size;
	const exact = requests.length === expected;
	const complete = items.length === TASK_RESULTS && distinct === TASK_RESULTS;
	const limits = new Set(
		requests.map((request) => new URL(request.rawUrl, emulator.url).searchParams.get('limit')),
	);
	line(`2. Snapshot → Get Many, Return All, over ${TASK_RESULTS} task results of one asset`);
	line(
		`   asset/thumbnails requests ${requests.length}, ceil(N/${PAGE_SIZE}) = ${expected} (target: exactly equal): ${verdict(exact)}`,
	);
	line(
		`   limits requested: ${[...limits].join(', ')}; output items ${items.length}, distinct task ids ${distinct}: ${verdict(complete)}`,
	);
	line(
		`   elapsed ${(elapsed / 1000).toFixed(2)} s, ${(elapsed / requests.length).toFixed(1)} ms per page = ${(elapsed / requests.length / msPerRequest).toFixed(1)}x the baseline request (paced at the node's default 20 per second)`,
	);
	line();
	return exact && complete;
}

async function createThroughput(emulator: Emulator, msPerRequest: number): Promise<boolean> {
	emulator.huawei.setQps(CREATE_QPS);
	emulator.huawei.setTaskDuration(50);
	emulator.clearRequests();
	const started = performance.now();
	const items = await runHuaweiNode(
		emulator,
		createOneSnapshot(CREATED_ASSET, CREATE_QPS),
		Array.from({ length: CREATE_ITEMS }, () => ({})),
	);
	const elapsedMs = performance.now() - started;
	const requests = vodRequests(emulator, 'POST', '/asset/process');
	const throttled = requests.filter(isThrottled).length;
	const withTask = items.filter((item) => typeof item.json.thumbnail_task_id === 'string').length;
	const nOverQpsMs = (CREATE_ITEMS / CREATE_QPS) * 1000;
	const ratio = elapsedMs / nOverQpsMs;
	const met = ratio <= CREATE_TARGET_RATIO && throttled === 0 && withTask === CREATE_ITEMS;
	line(
		`3. Snapshot → Create: ${CREATE_ITEMS} items at ${CREATE_QPS} per second (VOD documents ${DOCUMENTED_CALLS_PER_MINUTE.CreateAssetProcessTask} a minute; run ${TIME_COMPRESSION}x faster), emulator limit ${CREATE_QPS} per second`,
	);
	line(
		`   elapsed ${(elapsedMs / 1000).toFixed(2)} s; N/QPS baseline ${(nOverQpsMs / 1000).toFixed(2)} s`,
	);
	line(
		`   ratio elapsed/(N/QPS) = ${ratio.toFixed(3)} (target <= ${CREATE_TARGET_RATIO}): ${verdict(ratio <= CREATE_TARGET_RATIO)}`,
	);
	line(
		`   throttled requests (429 APIGW.0308): ${throttled} (target 0): ${verdict(throttled === 0)}`,
	);
	line(
		`   output items ${items.length}, with a thumbnail_task_id ${withTask}: ${verdict(withTask === CREATE_ITEMS)}; requests sent ${requests.length}; densest 1 s window ${densestWindow(requests)} (limit ${CREATE_QPS})`,
	);
	const span = (requests.at(-1)?.receivedAt ?? 0) - (requests[0]?.receivedAt ?? 0);
	line(
		`   first to last request ${(span / 1000).toFixed(2)} s: ${(span / Math.max(1, requests.length - 1)).toFixed(1)} ms apart on average (the node's pace: ${Math.ceil((1000 * 1.05) / CREATE_QPS)} ms)`,
	);
	line(
		`   unpaced cost of ${CREATE_ITEMS} requests (baseline) would be ${((msPerRequest * CREATE_ITEMS) / 1000).toFixed(2)} s: the pace, not the node, sets the time`,
	);
	line();
	return met;
}

/** Huawei Cloud VOD's Performance targets; true when every one is met. */
export async function runHuaweiBench(): Promise<boolean> {
	const emulator = await startEmulator();
	try {
		line(`Benchmark: Huawei Cloud VOD node in-process against the emulator at ${emulator.url}`);
		line();
		const msPerRequest = await baseline(emulator);
		const listed = await getManyReturnAll(emulator, msPerRequest);
		const created = await createThroughput(emulator, msPerRequest);
		return listed && created;
	} finally {
		await emulator.close();
	}
}
