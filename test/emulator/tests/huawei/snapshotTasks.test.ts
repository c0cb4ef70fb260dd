/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';

import { SEEDED_ASSET_IDS } from '../../huawei';
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
	},
);

async function taskStatus(taskId: string): Promise<string | undefined> {
	const response = await api.tasks({ type: 'THUMBNAIL', task_id: taskId });
	return response.json.results[0]?.status;
}

async function thumbnailStatus(assetId: string): Promise<string | undefined> {
	return (await api.assetDetails(assetId, ['thumbnail_info'])).json.thumbnail_info
		?.thumbnail_status;
}

describe('asynchronous snapshot tasks', () => {
	it('go WAITING → PROCESSING → SUCCEED, as seen by asset/tasks and asset/details', async () => {
		emulator.huawei.setTaskDuration(900);
		const assetId = SEEDED_ASSET_IDS[1];
		expect(await thumbnailStatus(assetId)).toBe('UN_THUMBNAIL');
		const taskId = taskIdOf(await api.process({ type: 'time', time: 10 }, assetId));
		expect(await taskStatus(taskId)).toBe('WAITING');
		expect(await thumbnailStatus(assetId)).toBe('THUMBNAILING');
		await delay(550);
		expect(await taskStatus(taskId)).toBe('PROCESSING');
		await emulator.huawei.idle();
		expect(await taskStatus(taskId)).toBe('SUCCEED');
		expect(await thumbnailStatus(assetId)).toBe('THUMBNAIL_SUCCEED');
	});

	it('capture every `time` seconds of the 60-second seeded video, served as JPEGs by the emulator', async () => {
		emulator.huawei.setTaskDuration(0);
		const taskId = taskIdOf(await api.process({ type: 'time', time: 10 }));
		await emulator.huawei.idle();
		const details = await api.thumbnailDetails({ task_id: taskId });
		expect(details.json.total).toBe(6);
		expect(details.json.thumbnail_result.map((image) => image.offset)).toEqual([
			0, 10, 20, 30, 40, 50,
		]);
		const url = details.json.thumbnail_result[0].url;
		expect(url.startsWith(`${emulator.url}/__emulator/huawei-media/${SEEDED_ASSET_IDS[0]}/`)).toBe(
			true,
		);
		const image = await request(url);
		expect(image.statusCode).toBe(200);
		expect(image.headers['content-type']).toBe('image/jpeg');
		const bytes = Buffer.from(await image.body.arrayBuffer());
		// JPEG starts with SOI (FFD8) and ends with EOI (FFD9).
		expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
		expect(bytes.subarray(-2).toString('hex')).toBe('ffd9');
	});

	it('report dots and quantity snapshots in their own thumbnail_info arrays', async () => {
		emulator.huawei.setTaskDuration(0);
		taskIdOf(await api.process({ type: 'dots', dots: [3, 7, 200] }, SEEDED_ASSET_IDS[1]));
		taskIdOf(await api.process({ type: 'quantity', quantity: 4 }, SEEDED_ASSET_IDS[2]));
		await emulator.huawei.idle();
		const dots = (await api.assetDetails(SEEDED_ASSET_IDS[1])).json.thumbnail_info;
		// 200 s is past the end of the 60-second video.
		expect(dots?.dots.map((image) => image.offset)).toEqual([3, 7]);
		expect(dots?.sample).toEqual([]);
		const quantity = (await api.assetDetails(SEEDED_ASSET_IDS[2])).json.thumbnail_info;
		expect(quantity?.quantity.map((image) => image.offset)).toEqual([0, 15, 30, 45]);
	});

	it('end FAILED when told to, with the error in exec_desc', async () => {
		emulator.huawei.setTaskDuration(0);
		emulator.huawei.failNextTask({ error_code: 'VOD.10051', error_msg: 'snapshot engine down' });
		const taskId = taskIdOf(await api.process({ type: 'time', time: 5 }));
		await emulator.huawei.idle();
		expect(await taskStatus(taskId)).toBe('FAILED');
		const info = (await api.assetDetails(SEEDED_ASSET_IDS[0], ['thumbnail_info'])).json
			.thumbnail_info;
		expect(info).toMatchObject({
			thumbnail_status: 'THUMBNAIL_FAILED',
			exec_desc: 'snapshot engine down',
		});
		expect((await api.thumbnailDetails({ task_id: taskId })).json.total).toBe(0);
	});

	it('list the task with its parameters (defaults filled) and snapshot count', async () => {
		emulator.huawei.setTaskDuration(0);
		const taskId = taskIdOf(await api.process({ type: 'time', time: 20 }));
		await emulator.huawei.idle();
		const list = await api.listThumbnails({ asset_id: SEEDED_ASSET_IDS[0] });
		// huawei.md 4.1 defaults: cover_position 1, format 1 (jpg), aspect_ratio 0, max_length 480.
		expect(list.json).toEqual({
			total: 1,
			thumbnails: [
				{
					task_id: taskId,
					thumbnail_count: 3,
					thumbnail_para: {
						type: 'time',
						time: 20,
						cover_position: 1,
						format: 1,
						aspect_ratio: 0,
						max_length: 480,
					},
				},
			],
		});
	});

	it('delete tasks by repeated task_id, and their images stop being served', async () => {
		emulator.huawei.setTaskDuration(0);
		const taskId = taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		const url = (await api.thumbnailDetails({ task_id: taskId })).json.thumbnail_result[0].url;
		const deleted = await api.deleteThumbnails({ task_id: [taskId, 'no-such-task'] });
		expect(deleted.status).toBe(200);
		expect(deleted.json.delete_result_array).toEqual(
			expect.arrayContaining([
				{ asset_id: SEEDED_ASSET_IDS[0], task_id: taskId, status: 'DELETED' },
				expect.objectContaining({ task_id: 'no-such-task', status: 'FAILED' }),
			]),
		);
		expect((await api.listThumbnails()).json.total).toBe(0);
		expect((await request(url)).statusCode).toBe(404);
	});

	it('returns only the asked categories of asset details, base_info with the cover', async () => {
		emulator.huawei.setTaskDuration(0);
		taskIdOf(await api.process({ type: 'time', time: 30, cover_position: 2 }));
		await emulator.huawei.idle();
		const details = await api.assetDetails(SEEDED_ASSET_IDS[0], ['base_info']);
		expect(Object.keys(details.json).sort()).toEqual(['asset_id', 'base_info']);
		expect(details.json.base_info?.cover_info_array[0].cover_url).toMatch(/\/2\.jpg$/);
		const all = await api.assetDetails(SEEDED_ASSET_IDS[0]);
		expect(Object.keys(all.json).sort()).toEqual([
			'asset_id',
			'base_info',
			'review_info',
			'thumbnail_info',
			'transcode_info',
		]);
	});

	it('serves seeded assets added by the control API', async () => {
		emulator.huawei.setTaskDuration(0);
		const asset = emulator.huawei.seedAsset({ durationSeconds: 5 });
		const taskId = taskIdOf(await api.process({ type: 'time', time: 2 }, asset.assetId));
		await emulator.huawei.idle();
		const details = await api.thumbnailDetails({ task_id: taskId });
		expect(details.json.thumbnail_result.map((image) => image.offset)).toEqual([0, 2, 4]);
	});
});
