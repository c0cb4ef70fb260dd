/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { describe, expect, it } from 'vitest';

import { huaweiAccessKey, huaweiProjectId, huaweiTemporaryKey } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import { SEEDED_ASSET_IDS } from '../../huawei';
import { sdkSign, send, type SdkCall, type WireRequest } from '../../clients/huaweiSdk';
import type { Emulator } from '../../server';

// huawei.md 1.7: gateway error body and code for bad AK/SK authentication.
const SIGNATURE_FAIL = 'Incorrect IAM authentication information: verify aksk signature fail';

const listThumbnails: SdkCall = {
	method: 'GET',
	path: '/v1/{project_id}/asset/thumbnails',
	query: { asset_id: SEEDED_ASSET_IDS[0], offset: '0', limit: '10' },
};
const processAsset: SdkCall = {
	method: 'POST',
	path: '/v1.0/{project_id}/asset/process',
	body: { asset_id: SEEDED_ASSET_IDS[0], thumbnail: { type: 'time', time: 10 } },
};

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => {
		emulator.setClockSkew(0);
	},
});

async function expectRejected(wire: WireRequest, message = SIGNATURE_FAIL) {
	const response = await send<Record<string, string>>(wire);
	expect(response.status).toBe(401);
	expect(response.json).toEqual({
		error_msg: message,
		error_code: 'APIGW.0301',
		request_id: response.headers['x-request-id'],
	});
}

describe('requests signed by the official Huawei SDK', () => {
	it('accepts ListThumbnailInfo with a query string', async () => {
		const response = await send(await sdkSign(emulator.url, listThumbnails));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ total: 0, thumbnails: [] });
		expect(response.headers['x-request-id']).toMatch(/\S/);
	});

	it('accepts a JSON POST to asset/process', async () => {
		const response = await send<Record<string, string>>(await sdkSign(emulator.url, processAsset));
		expect(response.status).toBe(200);
		expect(response.json.asset_id).toBe(SEEDED_ASSET_IDS[0]);
		expect(response.json.thumbnail_task_id).toMatch(/\S/);
	});

	it('accepts temporary credentials with their signed X-Security-Token', async () => {
		const wire = await sdkSign(emulator.url, { ...listThumbnails, key: huaweiTemporaryKey });
		expect(wire.headers.Authorization).toContain('x-security-token');
		expect((await send(wire)).status).toBe(200);
	});

	it('accepts repeated query keys (DELETE with two task_id values)', async () => {
		const wire = await sdkSign(emulator.url, {
			method: 'DELETE',
			path: '/v1/{project_id}/asset/thumbnails',
			query: { task_id: ['task-b', 'task-a'] },
		});
		// The SDK sorts the values it signs; the wire order must not matter.
		wire.url = wire.url.replace('task_id=task-a&task_id=task-b', 'task_id=task-b&task_id=task-a');
		expect(wire.url).toContain('task_id=task-b&task_id=task-a');
		expect((await send(wire)).status).toBe(200);
	});

	it('accepts a header added after signing (the SDK adds User-Agent unsigned)', async () => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		wire.headers['User-Agent'] = 'huaweicloud-usdk-nodejs/3.0';
		expect((await send(wire)).status).toBe(200);
	});

	it('accepts the path sent with a trailing slash (the canonical URI always ends in /)', async () => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		wire.url = wire.url.replace('/asset/thumbnails?', '/asset/thumbnails/?');
		expect((await send(wire)).status).toBe(200);
	});

	it('accepts the query re-ordered and re-encoded on the wire (the gateway re-canonicalises)', async () => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		const base = wire.url.slice(0, wire.url.indexOf('?'));
		wire.url = `${base}?limit=1%30&asset_id=${SEEDED_ASSET_IDS[0]}&offset=0`;
		expect((await send(wire)).status).toBe(200);
	});

	it('accepts UNSIGNED-PAYLOAD, which the SDK signs for a non-JSON content type', async () => {
		const wire = await sdkSign(emulator.url, { ...processAsset, contentType: 'text/plain' });
		expect(wire.headers['X-Sdk-Content-Sha256']).toBe('UNSIGNED-PAYLOAD');
		wire.body = (wire.body ?? '').replace('"time":10', '"time":15');
		expect((await send(wire)).status).toBe(200);
	});

	it('accepts an X-Sdk-Date 14 minutes off the gateway clock', async () => {
		emulator.setClockSkew(14 * 60 * 1000);
		expect((await send(await sdkSign(emulator.url, listThumbnails))).status).toBe(200);
	});
});

describe('tampered copies are rejected with 401 APIGW.0301', () => {
	it('a changed query parameter', async () => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		wire.url = wire.url.replace('limit=10', 'limit=11');
		await expectRejected(wire);
	});

	it('an added query parameter', async () => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		wire.url = `${wire.url}&task_id=x`;
		await expectRejected(wire);
	});

	it('a changed body', async () => {
		const wire = await sdkSign(emulator.url, processAsset);
		wire.body = (wire.body ?? '').replace('"time":10', '"time":11');
		await expectRejected(wire);
	});

	it('an UNSIGNED-PAYLOAD declaration removed after signing', async () => {
		const wire = await sdkSign(emulator.url, { ...processAsset, contentType: 'text/plain' });
		delete wire.headers['X-Sdk-Content-Sha256'];
		await expectRejected(wire);
	});

	it('a changed value of a signed header', async () => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		wire.headers['Content-Type'] = 'application/json;charset=utf-8';
		await expectRejected(wire);
	});

	it('a signature made with the wrong SK', async () => {
		const wire = await sdkSign(emulator.url, {
			...listThumbnails,
			key: { accessKeyId: huaweiAccessKey.accessKeyId, secretAccessKey: 'not-the-secret' },
		});
		await expectRejected(wire);
	});

	it.each([16, -16])('an X-Sdk-Date %i minutes off the gateway clock', async (minutes) => {
		const wire = await sdkSign(emulator.url, listThumbnails);
		emulator.setClockSkew(minutes * 60 * 1000);
		await expectRejected(wire);
	});

	it('a temporary AK without its security token', async () => {
		const keyOnly = {
			accessKeyId: huaweiTemporaryKey.accessKeyId,
			secretAccessKey: huaweiTemporaryKey.secretAccessKey,
		};
		await expectRejected(await sdkSign(emulator.url, { ...listThumbnails, key: keyOnly }));
	});

	it('a temporary AK whose token is sent but was not signed', async () => {
		const { securityToken, ...keyOnly } = huaweiTemporaryKey;
		const wire = await sdkSign(emulator.url, { ...listThumbnails, key: keyOnly });
		wire.headers['X-Security-Token'] = securityToken;
		await expectRejected(wire);
	});

	it('an AK the gateway does not know', async () => {
		const wire = await sdkSign(emulator.url, {
			...listThumbnails,
			key: { accessKeyId: 'HWUNKNOWNAK000000001', secretAccessKey: 'whatever' },
		});
		await expectRejected(
			wire,
			'Incorrect IAM authentication information: Get secretKey failed,ak:HWUNKNOWNAK000000001,err:ak not exist',
		);
	});
});

describe('routing around authentication', () => {
	it('answers 404 APIGW.0101 for an API that does not exist', async () => {
		const response = await send<Record<string, string>>(
			await sdkSign(emulator.url, { method: 'POST', path: '/v1/{project_id}/asset/thumbnails' }),
		);
		expect(response.status).toBe(404);
		expect(response.json.error_code).toBe('APIGW.0101');
	});

	it('refuses a project id that is not the account project', async () => {
		const response = await send<Record<string, string>>(
			await sdkSign(emulator.url, {
				...listThumbnails,
				projectId: 'ffffffffffffffffffffffffffffffff',
			}),
		);
		expect(response.status).toBe(403);
		expect(response.json.error_code).toMatch(/^VOD\./);
		expect(huaweiProjectId).not.toBe('ffffffffffffffffffffffffffffffff');
	});
});
