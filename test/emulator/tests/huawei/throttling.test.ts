import { describe, expect, it } from 'vitest';

import { huaweiTemporaryKey } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import { SEEDED_ASSET_IDS } from '../../huawei';
import { sdkSend, type SdkCall } from '../../clients/huaweiSdk';
import type { Emulator } from '../../server';

const list: SdkCall = { method: 'GET', path: '/v1/{project_id}/asset/thumbnails' };
const details: SdkCall = {
	method: 'GET',
	path: '/v1.0/{project_id}/asset/details',
	query: { asset_id: SEEDED_ASSET_IDS[0] },
};

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => {
		emulator.setClockSkew(0);
		emulator.freezeClock(true);
	},
});

async function statuses(request: SdkCall, count: number): Promise<number[]> {
	const result: number[] = [];
	for (let i = 0; i < count; i++) result.push((await sdkSend(emulator.url, request)).status);
	return result;
}

describe('per-AK, per-API throttling', () => {
	it('admits the configured QPS and answers the next request with 429 APIGW.0308', async () => {
		emulator.huawei.setQps(3);
		expect(await statuses(list, 3)).toEqual([200, 200, 200]);
		const throttled = await sdkSend<Record<string, string>>(emulator.url, list);
		expect(throttled.status).toBe(429);
		// huawei.md 1.7: message text of APIGW.0308; 3 per second is 180 per minute.
		expect(throttled.json).toEqual({
			error_code: 'APIGW.0308',
			error_msg:
				'The throttling threshold has been reached: policy user over ratelimit,limit:180,time:1 minute',
			request_id: throttled.headers['x-request-id'],
		});
	});

	it('counts each API and each AK separately', async () => {
		emulator.huawei.setQps(2);
		expect(await statuses(list, 3)).toEqual([200, 200, 429]);
		expect(await statuses(details, 1)).toEqual([200]);
		expect(await statuses({ ...list, key: huaweiTemporaryKey }, 1)).toEqual([200]);
	});

	it('admits again once the second has passed', async () => {
		emulator.huawei.setQps(1);
		expect(await statuses(list, 2)).toEqual([200, 429]);
		emulator.setClockSkew(1100);
		expect(await statuses(list, 1)).toEqual([200]);
	});

	it('defaults to 20 requests per second', async () => {
		const results = await statuses(list, 21);
		expect(results.slice(0, 20).every((status) => status === 200)).toBe(true);
		expect(results[20]).toBe(429);
	});
});
