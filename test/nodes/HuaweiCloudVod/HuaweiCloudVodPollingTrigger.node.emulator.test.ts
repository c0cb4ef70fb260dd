import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { HuaweiCloudVodPollingTrigger } from '../../../nodes/HuaweiCloudVod/HuaweiCloudVodPollingTrigger.node';
import { huaweiProjectId } from '../../emulator/accounts';
import { delay } from '../../emulator/clients/aliyunRpc';
import { taskIdOf, vodApi } from '../../emulator/clients/huaweiVod';
import type { Emulator } from '../../emulator/server';
import { pollTrigger, type PollTrigger } from '../../support/pollTrigger';
import { huaweiEmulatorPerFile, vodCalls } from './emulatorRuns';
import { akSkCredentials } from './harness';

let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

async function trigger(parameters: INodeParameters = {}): Promise<PollTrigger> {
	return await pollTrigger({
		nodeType: new HuaweiCloudVodPollingTrigger(),
		typeName: 'huaweiCloudVodPollingTrigger',
		parameters,
		credentialTypes: { huaweiCloudApi: new HuaweiCloudApi() },
		credentials: { huaweiCloudApi: akSkCredentials(emulator.url) },
	});
}

/** Starts a snapshot task that runs `durationMs` (the emulator's per-task duration). */
async function startTask(durationMs: number): Promise<string> {
	emulator.huawei.setTaskDuration(durationMs);
	return taskIdOf(await vodApi(emulator.url).process({ type: 'quantity', quantity: 2 }));
}

function taskOf(taskId: string) {
	const task = emulator.huawei.tasks().find((candidate) => candidate.taskId === taskId);
	if (!task) throw new Error(`no task ${taskId}`);
	return task;
}

const taskIds = (items: INodeExecutionData[]) =>
	items.map((item) => (item.json.thumbnail_info as { task_id: string }).task_id);

const DETAILS_PATH = `/v1/${huaweiProjectId}/asset/thumbnail/details`;

describe('Huawei Cloud VOD Polling Trigger against the emulator', () => {
	it('emits no history, then each ended task once in any completion order, in the webhook output shape', async () => {
		const history = await startTask(50);
		await emulator.huawei.idle();
		await delay(1100); // task end times are whole seconds
		const vod = await trigger();
		expect(await vod.poll()).toEqual([]);

		const slow = await startTask(2500);
		const fast = await startTask(100);
		await delay(600);
		const first = await vod.poll();
		expect(taskIds(first)).toEqual([fast]);
		expect(first[0].json).toEqual({
			event_type: 'thumbnailComplete',
			thumbnail_info: {
				asset_id: taskOf(fast).assetId,
				task_id: fast,
				status: 'SUCCEED',
				create_time: expect.stringMatching(/Z$/),
				end_time: expect.stringMatching(/Z$/),
			},
			snapshots: taskOf(fast).images,
			eventId: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(await vod.poll()).toEqual([]);

		await emulator.huawei.idle();
		const second = await vod.poll();
		expect(taskIds(second)).toEqual([slow]);
		expect(second[0].json.snapshots).toEqual(taskOf(slow).images);
		expect(await vod.poll()).toEqual([]);
		expect(taskIds([...first, ...second])).not.toContain(history);
	});

	it('emits a FAILED task with its message, and only the statuses chosen', async () => {
		const all = await trigger();
		const onlySucceeded = await trigger({ statuses: ['SUCCEED'] });
		await all.poll();
		await onlySucceeded.poll();
		emulator.huawei.failNextTask({ error_code: 'VOD.10051', error_msg: 'Internal system error.' });
		const failed = await startTask(50);
		const succeeded = await startTask(50);
		await emulator.huawei.idle();

		const emitted = await all.poll();
		expect(taskIds(emitted).sort()).toEqual([failed, succeeded].sort());
		const failure = emitted.find((item) => taskIds([item])[0] === failed);
		expect(failure?.json).toMatchObject({
			thumbnail_info: { status: 'FAILED', error_msg: 'Internal system error.' },
			snapshots: [],
		});
		expect(taskIds(await onlySucceeded.poll())).toEqual([succeeded]);
	});

	it('keeps a task whose snapshot URLs cannot be fetched for the next poll, then emits it once', async () => {
		const vod = await trigger({ lookBackMinutes: 0 });
		await vod.poll();
		const taskId = await startTask(50);
		await emulator.huawei.idle();

		emulator.injectFault({ kind: 'serverError', count: 100, match: { path: DETAILS_PATH } });
		await expect(vod.poll()).rejects.toThrow();
		emulator.clearFaults();

		const retried = await vod.poll();
		expect(taskIds(retried)).toEqual([taskId]);
		expect(retried[0].json.snapshots).toEqual(taskOf(taskId).images);
		expect(await vod.poll()).toEqual([]);
	});

	it('emits a task VOD says no longer exists (deleted before its URLs were read) without snapshots, instead of failing every poll', async () => {
		const vod = await trigger({ lookBackMinutes: 0 });
		await vod.poll();
		const gone = await startTask(50);
		await emulator.huawei.idle();
		await delay(1100);
		const next = await startTask(50);
		await emulator.huawei.idle();

		emulator.injectFault({
			kind: 'echoRequest',
			code: 'VOD.10062',
			count: 1,
			match: { path: DETAILS_PATH },
		});
		const emitted = await vod.poll();
		expect(taskIds(emitted)).toEqual([gone, next]);
		expect(emitted[0].json).toMatchObject({
			snapshots: [],
			snapshotsUnavailable: expect.stringContaining('VOD.10062'),
		});
		expect(emitted[1].json.snapshots).toEqual(taskOf(next).images);
		expect(await vod.poll()).toEqual([]);
	});

	it('returns the latest ended task on "Fetch Test Event" and leaves the cursor where it was', async () => {
		const vod = await trigger();
		expect(await vod.poll()).toEqual([]);
		const earlier = await startTask(50);
		await emulator.huawei.idle();
		await delay(1100);
		const latest = await startTask(50);
		await emulator.huawei.idle();

		const sample = await vod.poll('manual');
		expect(taskIds(sample)).toEqual([latest]);
		expect(sample[0].json.snapshots).toEqual(taskOf(latest).images);
		// The sample did not move the active poll's cursor: both tasks are still ahead of it.
		expect(taskIds(await vod.poll())).toEqual([earlier, latest]);
	});

	it('asks VOD for type THUMBNAIL tasks that ended since the cursor, then one details call per succeeded task', async () => {
		const vod = await trigger();
		await vod.poll();
		emulator.clearRequests();
		await startTask(50);
		await emulator.huawei.idle();
		emulator.clearRequests();

		expect(await vod.poll()).toHaveLength(1);
		expect(vodCalls(emulator)).toEqual(['GET /asset/tasks', 'GET /asset/thumbnail/details']);
		const listed = new URL(emulator.requests()[0].rawUrl, emulator.url).searchParams;
		expect(listed.get('type')).toBe('THUMBNAIL');
		expect(listed.get('end_time_after')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		expect(listed.get('status')).toBeNull();
	});
});

describe('Huawei Cloud VOD Polling Trigger, tasks VOD lists without task_id', () => {
	/** Starts a snapshot task on `assetId` that runs `durationMs`. */
	async function startOn(assetId: string, durationMs: number): Promise<void> {
		emulator.huawei.setTaskDuration(durationMs);
		const response = await vodApi(emulator.url).process({ type: 'quantity', quantity: 2 }, assetId);
		expect(response.json).toEqual({ asset_id: assetId });
	}

	/**
	 * An active trigger past its first poll, then two tasks of one asset VOD names by no id, running
	 * the given times: a stopped VOD clock gives both the same create_time and end_time.
	 */
	async function twinTasks(durationsMs: [number, number]) {
		const asset = emulator.huawei.seedAsset({ taskIds: 'none' });
		const vod = await trigger();
		expect(await vod.poll()).toEqual([]);
		emulator.freezeClock(true);
		for (const durationMs of durationsMs) await startOn(asset.assetId, durationMs);
		return { asset, vod };
	}

	const eventIds = (items: INodeExecutionData[]) => items.map((item) => item.json.eventId);

	it('fires once for each of two tasks of one asset created and ended in the same second', async () => {
		const { asset, vod } = await twinTasks([50, 50]);
		await emulator.huawei.idle();

		const emitted = await vod.poll();
		expect(emitted).toHaveLength(2);
		const [first, second] = emitted.map((item) => item.json.thumbnail_info);
		expect(first).toEqual(second);
		expect(first).toMatchObject({ asset_id: asset.assetId, status: 'SUCCEED' });
		expect(new Set(eventIds(emitted)).size).toBe(2);
		expect(await vod.poll()).toEqual([]);
		// Their ids in static data are hashes, not the listed fields (a description has no bound).
		expect(vod.savedStaticData()).not.toContain(asset.assetId);
	});

	it('fires a same-second task once when an earlier poll already saw its twin, and nothing when both are listed again', async () => {
		const { vod } = await twinTasks([50, 1500]);
		await delay(400);

		const first = await vod.poll();
		expect(first).toHaveLength(1);
		await emulator.huawei.idle();
		const second = await vod.poll();
		expect(second).toHaveLength(1);
		expect(second[0].json.thumbnail_info).toEqual(first[0].json.thumbnail_info);
		expect(second[0].json.eventId).not.toBe(first[0].json.eventId);
		expect(await vod.poll()).toEqual([]);
	});
});
