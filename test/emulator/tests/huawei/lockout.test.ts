import { describe, expect, it } from 'vitest';

import { huaweiAccessKey, huaweiTemporaryKey } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import { sdkSend, type SdkCall } from '../../clients/huaweiSdk';
import type { Emulator } from '../../server';

// huawei.md 1.7: more than 5 consecutive AK/SK failures lock the AK for 5 minutes.
const LOCKED =
	'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden';
const SIGNATURE_FAIL = 'Incorrect IAM authentication information: verify aksk signature fail';

const call: SdkCall = { method: 'GET', path: '/v1/{project_id}/asset/thumbnails' };
const wrongSk = { accessKeyId: huaweiAccessKey.accessKeyId, secretAccessKey: 'wrong-secret' };

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => {
		emulator.setClockSkew(0);
	},
});

async function fail(times: number) {
	for (let i = 0; i < times; i++) {
		const response = await sdkSend<Record<string, string>>(emulator.url, {
			...call,
			key: wrongSk,
		});
		expect(response.status).toBe(401);
		expect(response.json.error_msg).toBe(SIGNATURE_FAIL);
	}
}

async function good(key = huaweiAccessKey) {
	return await sdkSend<Record<string, string>>(emulator.url, { ...call, key });
}

describe('AK lockout', () => {
	it('does not lock after exactly 5 failures, and a success starts the count again', async () => {
		await fail(5);
		expect((await good()).status).toBe(200);
		await fail(5);
		expect((await good()).status).toBe(200);
	});

	it('locks the AK after the 6th consecutive failure, even for correct signatures', async () => {
		await fail(6);
		const locked = await good();
		expect(locked.status).toBe(401);
		expect(locked.json).toEqual({
			error_code: 'APIGW.0301',
			error_msg: LOCKED,
			request_id: locked.headers['x-request-id'],
		});
	});

	it('locks only that AK', async () => {
		await fail(6);
		expect((await good(huaweiTemporaryKey)).status).toBe(200);
	});

	it('releases the AK 5 minutes later (emulator clock)', async () => {
		await fail(6);
		emulator.setClockSkew(5 * 60 * 1000 - 2000);
		expect((await good()).status).toBe(401);
		emulator.setClockSkew(5 * 60 * 1000 + 1000);
		expect((await good()).status).toBe(200);
	});
});
