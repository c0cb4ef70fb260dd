/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The Huawei Cloud VOD Polling Trigger over 1,000 snapshot tasks that end in random order while it
 * polls (its real `poll` in n8n-core's PollContext, against the emulator): every task must be
 * emitted exactly once. Prints the requests per kind beside a baseline measured in the same run
 * (one Return All listing of the same tasks: ceil(N/100) asset/tasks requests).
 */
import { setTimeout as delay } from 'node:timers/promises';

import type { INodeExecutionData } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../credentials/HuaweiCloudApi.credentials';
import { HuaweiCloudVodPollingTrigger } from '../../nodes/HuaweiCloudVod/HuaweiCloudVodPollingTrigger.node';
import { akSkCredentials } from '../nodes/HuaweiCloudVod/harness';
import { sdkSend } from '../emulator/clients/huaweiSdk';
import { SEEDED_ASSET_IDS } from '../emulator/huawei';
import type { AssetProcessResponse, ListAssetTaskInfoResponse } from '../emulator/huawei/vod/types';
import { startEmulator, type Emulator } from '../emulator/server';
import { pollTrigger } from '../support/pollTrigger';

const TASKS = 1_000;
const PAGE_SIZE = 100;
/** Tasks are created in batches; the trigger polls between batches, while earlier ones still run. */
const BATCH = 100;
const MAX_TASK_MS = 400;

/** asset/process with a one-image snapshot, signed by the official SDK; its task id. */
async function startTask(emulator: Emulator): Promise<string> {
	const response = await sdkSend<AssetProcessResponse>(emulator.url, {
		method: 'POST',
		path: '/v1.0/{project_id}/asset/process',
		body: { asset_id: SEEDED_ASSET_IDS[0], thumbnail: { type: 'quantity', quantity: 1 } },
	});
	const taskId = response.json.thumbnail_task_id;
	if (!taskId) throw new Error(`asset/process failed: ${JSON.stringify(response.json)}`);
	return taskId;
}

function line(text = ''): void {
	process.stdout.write(`${text}\n`);
}

function requestsTo(emulator: Emulator, path: string): number {
	return emulator.requests().filter((request) => request.rawUrl.includes(path)).length;
}

function emittedTaskIds(items: INodeExecutionData[]): string[] {
	return items.map((item) => String((item.json.thumbnail_info as { task_id?: unknown }).task_id));
}

/** Creates the tasks in batches with random durations, polling after each batch and at the end. */
async function createWhilePolling(
	emulator: Emulator,
	poll: () => Promise<INodeExecutionData[]>,
): Promise<{ created: string[]; emitted: string[]; polls: number }> {
	const created: string[] = [];
	const emitted: string[] = [];
	let polls = 0;
	while (created.length < TASKS) {
		for (let index = 0; index < BATCH; index++) {
			emulator.huawei.setTaskDuration(1 + Math.floor(Math.random() * MAX_TASK_MS));
			created.push(await startTask(emulator));
		}
		emitted.push(...emittedTaskIds(await poll()));
		polls++;
	}
	await emulator.huawei.idle();
	// Past the end of the last task's second, then the polls that find nothing new.
	await delay(1_100);
	for (let quiet = 0; quiet < 2; quiet++) {
		emitted.push(...emittedTaskIds(await poll()));
		polls++;
	}
	return { created, emitted, polls };
}

/** Whether each created task was emitted exactly once (and nothing else was). */
function exactlyOnce(created: string[], emitted: string[]): boolean {
	const counts = new Map<string, number>();
	for (const id of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
	return created.length === counts.size && created.every((id) => counts.get(id) === 1);
}

function outOfOrderShare(emulator: Emulator): number {
	const tasks = emulator.huawei.tasks();
	const byEnd = [...tasks].sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
	const moved = byEnd.filter((task, index) => tasks[index].taskId !== task.taskId).length;
	return moved / tasks.length;
}

/** Every task through the emulator's own paging, signed by the official SDK: the baseline listing. */
async function vodApiListAll(emulator: Emulator): Promise<number> {
	let marker: string | undefined;
	let count = 0;
	do {
		const query: Record<string, string> = { type: 'THUMBNAIL', limit: String(PAGE_SIZE) };
		if (marker) query.marker = marker;
		const page = await sdkSend<ListAssetTaskInfoResponse>(emulator.url, {
			method: 'GET',
			path: '/v1/{project_id}/asset/tasks',
			query,
		});
		count += page.json.results.length;
		marker = page.json.next_marker;
	} while (marker);
	return count;
}

export async function runHuaweiPollingBench(): Promise<boolean> {
	const emulator = await startEmulator();
	try {
		emulator.huawei.setQps(100_000);
		const trigger = await pollTrigger({
			nodeType: new HuaweiCloudVodPollingTrigger(),
			typeName: 'huaweiCloudVodPollingTrigger',
			parameters: {},
			credentialTypes: { huaweiCloudApi: new HuaweiCloudApi() },
			credentials: { huaweiCloudApi: akSkCredentials(emulator.url) },
		});
		line(`5. Huawei VOD Polling Trigger over ${TASKS} snapshot tasks ending in random order`);
		await trigger.poll();
		emulator.clearRequests();
		const started = performance.now();
		const { created, emitted, polls } = await createWhilePolling(emulator, trigger.poll);
		const pollingMs = performance.now() - started;
		const listings = requestsTo(emulator, '/asset/tasks');
		const details = requestsTo(emulator, '/asset/thumbnail/details');

		emulator.clearRequests();
		const baselineStart = performance.now();
		const all = await vodApiListAll(emulator);
		const baselineMs = performance.now() - baselineStart;
		const baselineListings = requestsTo(emulator, '/asset/tasks');

		const once = exactlyOnce(created, emitted);
		line(
			`   ${emitted.length} emitted for ${created.length} tasks (${(outOfOrderShare(emulator) * 100).toFixed(0)}% ended out of creation order) over ${polls} polls: each exactly once: ${once ? 'met' : 'MISSED'}`,
		);
		line(
			`   requests: ${listings} asset/tasks, ${details} asset/thumbnail/details (${(details / TASKS).toFixed(2)} per task, target 1.00: ${details === TASKS ? 'met' : 'MISSED'})`,
		);
		line(
			`   baseline: one Return All listing of the ${all} tasks, ${baselineListings} asset/tasks requests (ceil(N/${PAGE_SIZE}) = ${Math.ceil(TASKS / PAGE_SIZE)}) in ${baselineMs.toFixed(0)} ms; polling took ${(pollingMs / baselineMs).toFixed(1)}x that (task creation included)`,
		);
		line();
		return once && details === TASKS;
	} finally {
		await emulator.close();
	}
}
