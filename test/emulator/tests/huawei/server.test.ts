import { request } from 'undici';
import { describe, expect, it } from 'vitest';

import { sdkSend } from '../../clients/huaweiSdk';
import type { ListThumbnailDetailsResponse } from '../../huawei/vod/types';
import { taskIdOf, vodApi } from '../../clients/huaweiVod';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.huawei.setTaskDuration(0),
});

describe('the Huawei side behind the shared emulator server', () => {
	it('accepts an SDK-signed call routed by /v1 and serves the snapshot image it hands out', async () => {
		const api = vodApi(emulator.url);
		const taskId = taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		const details = await sdkSend<ListThumbnailDetailsResponse>(emulator.url, {
			method: 'GET',
			path: '/v1/{project_id}/asset/thumbnail/details',
			query: { task_id: taskId },
		});
		expect(details.json.total).toBe(2);
		const url = details.json.thumbnail_result[0].url;
		expect(url.startsWith(`${emulator.url}/__emulator/huawei-media/`)).toBe(true);
		const image = await request(url);
		expect(image.statusCode).toBe(200);
		expect(image.headers['content-type']).toBe('image/jpeg');
		await image.body.dump();
	});

	it('routes /v3 to IAM', async () => {
		const response = await request(`${emulator.url}/v3/auth/tokens`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(response.statusCode).toBe(400);
		expect(response.headers['x-request-id']).toBeTruthy();
		await response.body.dump();
	});

	it('follows the shared clock skew for X-Sdk-Date checks', async () => {
		emulator.setClockSkew(20 * 60 * 1000);
		const response = await vodApi(emulator.url).listThumbnails();
		expect(response.status).toBe(401);
		expect(response.json).toMatchObject({ error_code: 'APIGW.0301' });
	});
});
