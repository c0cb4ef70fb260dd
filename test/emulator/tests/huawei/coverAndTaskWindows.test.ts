/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { setTimeout as delay } from 'node:timers/promises';
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
		started.huawei.setTaskDuration(0);
	},
);

/** RFC 3339 UTC in whole seconds, as asset/tasks takes it. */
function utc(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

describe('PUT asset/cover (UpdateCoverByThumbnail), signed by the official SDK', () => {
	it('makes one of the asset snapshots its cover: 204, then base_info shows it', async () => {
		const assetId = SEEDED_ASSET_IDS[2];
		const taskId = taskIdOf(await api.process({ type: 'quantity', quantity: 3 }, assetId));
		await emulator.huawei.idle();
		const images = (await api.thumbnailDetails({ task_id: taskId })).json.thumbnail_result;
		const chosen = images[2].url;

		const response = await api.setCover(chosen);
		expect(response.status).toBe(204);
		expect(response.json).toBeUndefined();
		const details = await api.assetDetails(assetId, ['base_info']);
		expect(details.json.base_info?.cover_info_array).toEqual([
			{ cover_position: 1, cover_url: chosen },
		]);
	});

	it.each([
		['a URL no task produced', 'https://cdn.example.invalid/other.jpg', 'VOD.10062'],
		['an empty URL', '', 'VOD.10053'],
	])('refuses %s', async (_name, url, code) => {
		const response = await api.setCover(url);
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({ error_code: code });
	});
});

describe('GET asset/tasks time windows (RFC 3339 UTC)', () => {
	it('filters by created and ended time, after inclusive and before exclusive, in whole seconds', async () => {
		const first = taskIdOf(await api.process({ type: 'time', time: 10 }));
		await emulator.huawei.idle();
		await delay(1100);
		const boundary = Date.now();
		const second = taskIdOf(await api.process({ type: 'time', time: 20 }));
		await emulator.huawei.idle();
		const ids = async (query: Record<string, string>) =>
			(await api.tasks({ type: 'THUMBNAIL', ...query })).json.results.map((task) => task.task_id);

		expect(await ids({ create_time_after: utc(boundary) })).toEqual([second]);
		expect(await ids({ create_time_before: utc(boundary) })).toEqual([first]);
		expect(await ids({ end_time_after: utc(boundary) })).toEqual([second]);
		expect(await ids({ end_time_before: utc(boundary) })).toEqual([first]);
	});

	it('refuses a time that is not RFC 3339 UTC with VOD.10053 naming the field', async () => {
		const response = await api.tasks({ end_time_after: '2020-09-01 18:50:20' });
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({
			error_code: 'VOD.10053',
			error_msg: 'The request parameter is illegal, illegal field: {end_time_after}.',
		});
	});
});
