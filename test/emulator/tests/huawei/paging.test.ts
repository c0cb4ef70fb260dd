import { describe, expect, it } from 'vitest';

import type { Emulator } from '../../server';
import { huaweiVodPerFile, taskIdOf, type VodApi } from '../../clients/huaweiVod';

let emulator: Emulator;
let api: VodApi;

huaweiVodPerFile(
	(started, client) => {
		emulator = started;
		api = client;
	},
	(started) => {
		started.huawei.setQps(1000);
		started.huawei.setTaskDuration(0);
	},
);

async function createTasks(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) ids.push(taskIdOf(await api.process({ type: 'time', time: 30 })));
	await emulator.huawei.idle();
	return ids;
}

describe('ListThumbnailInfo paging (offset/limit, default limit 10)', () => {
	it.each([
		{ tasks: 0, limit: 3, pages: [[0, 0]] },
		{ tasks: 1, limit: 3, pages: [[1, 1]] },
		{
			tasks: 3,
			limit: 3,
			pages: [
				[3, 3],
				[3, 0],
			],
		},
		{
			tasks: 4,
			limit: 3,
			pages: [
				[4, 3],
				[4, 1],
			],
		},
	])('$tasks tasks, limit $limit', async ({ tasks, limit, pages }) => {
		const ids = await createTasks(tasks);
		const seen: string[] = [];
		for (const [index, [total, size]] of pages.entries()) {
			const page = await api.listThumbnails({
				offset: String(index * limit),
				limit: String(limit),
			});
			expect(page.status).toBe(200);
			expect(page.json.total).toBe(total);
			expect(page.json.thumbnails).toHaveLength(size);
			seen.push(...page.json.thumbnails.map((item) => item.task_id));
		}
		expect(seen.sort()).toEqual([...ids].sort());
	});

	it('returns 10 items when no limit is given', async () => {
		await createTasks(11);
		const page = await api.listThumbnails();
		expect(page.json.total).toBe(11);
		expect(page.json.thumbnails).toHaveLength(10);
	});
});

describe('ListThumbnailDetails paging (default limit 20)', () => {
	it('pages the six snapshots of a 60-second video sampled every 10 seconds', async () => {
		const taskId = taskIdOf(await api.process({ type: 'time', time: 10 }));
		await emulator.huawei.idle();
		const all = await api.thumbnailDetails({ task_id: taskId });
		expect(all.json.thumbnail_result).toHaveLength(6);
		const exact = await api.thumbnailDetails({ task_id: taskId, limit: '6' });
		expect(exact.json.thumbnail_result).toHaveLength(6);
		expect(
			(await api.thumbnailDetails({ task_id: taskId, offset: '6', limit: '6' })).json
				.thumbnail_result,
		).toEqual([]);
		const first = await api.thumbnailDetails({ task_id: taskId, limit: '5' });
		const second = await api.thumbnailDetails({ task_id: taskId, offset: '5', limit: '5' });
		expect(first.json.total).toBe(6);
		expect(second.json.thumbnail_result.map((image) => image.offset)).toEqual([50]);
	});

	it('returns 20 snapshots when no limit is given', async () => {
		emulator.huawei.seedAsset({ assetId: 'long0000000000000000000000000000', durationSeconds: 25 });
		const taskId = taskIdOf(
			await api.process({ type: 'time', time: 1 }, 'long0000000000000000000000000000'),
		);
		await emulator.huawei.idle();
		const page = await api.thumbnailDetails({ task_id: taskId });
		expect(page.json.total).toBe(25);
		expect(page.json.thumbnail_result).toHaveLength(20);
	});
});

describe('ListAssetTaskInfo marker paging', () => {
	it.each([
		{ tasks: 0, sizes: [0] },
		{ tasks: 1, sizes: [1] },
		{ tasks: 3, sizes: [3] },
		{ tasks: 4, sizes: [3, 1] },
	])('$tasks tasks with limit 3 give pages of $sizes', async ({ tasks, sizes }) => {
		const ids = await createTasks(tasks);
		const seen: string[] = [];
		let marker: string | undefined;
		for (const [index, size] of sizes.entries()) {
			const query: Record<string, string> = { type: 'THUMBNAIL', limit: '3' };
			if (marker !== undefined) query.marker = marker;
			const page = await api.tasks(query);
			expect(page.json.count).toBe(tasks);
			expect(page.json.results).toHaveLength(size);
			seen.push(...page.json.results.map((result) => result.task_id));
			marker = page.json.next_marker;
			if (index === sizes.length - 1) expect(marker).toBeUndefined();
			else expect(marker).toBeTruthy();
		}
		expect(seen.sort()).toEqual([...ids].sort());
	});

	it('filters by status', async () => {
		await createTasks(2);
		emulator.huawei.failNextTask();
		await createTasks(1);
		expect((await api.tasks({ type: 'THUMBNAIL', status: 'FAILED' })).json.count).toBe(1);
		expect((await api.tasks({ type: 'THUMBNAIL', status: 'SUCCEED' })).json.count).toBe(2);
	});
});
