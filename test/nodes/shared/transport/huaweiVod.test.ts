/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { HuaweiCloudApi } from '../../../../credentials/HuaweiCloudApi.credentials';
import { huaweiVodOptions, huaweiVodRequest } from '../../../../nodes/shared/transport/huaweiVod';
import type { HuaweiVodCall } from '../../../../nodes/shared/transport/huaweiVod';
import { runCaller } from '../../../support/callerNode';
import { nodeError, nodeOutput } from '../../../support/inProcessN8n';
import { startScriptedServer } from '../../../support/scriptedServer';
import type { ScriptedServer } from '../../../support/scriptedServer';

const PROJECT_ID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const SECRET_ACCESS_KEY = 'HuaweiTransportTestSecret000000000000001';

/** The call under test, set per test; the node just forwards it. */
let call: HuaweiVodCall;

let server: ScriptedServer;

beforeAll(async () => {
	server = await startScriptedServer({ status: 200, body: { total: 0, tasks: [] } });
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => server.reset());

/** Sends the test's `call` from one node and outputs the response. */
async function run() {
	const { run: result } = await runCaller(
		async function () {
			const response = await (huaweiVodRequest<IDataObject>).call(this, call);
			return [{ json: response, pairedItem: { item: 0 } }];
		},
		{
			name: 'HW',
			credentialTypes: { huaweiCloudApi: new HuaweiCloudApi() },
			credentials: {
				huaweiCloudApi: {
					authType: 'aksk',
					accessKeyId: 'HWTRANSPORTTESTAK001',
					secretAccessKey: SECRET_ACCESS_KEY,
					securityToken: '',
					region: 'cn-north-4',
					projectId: PROJECT_ID,
					vodEndpoint: server.url,
					iamEndpoint: server.url,
				},
			},
		},
	);
	return result;
}

describe('huaweiVodOptions', () => {
	it('joins endpoint and path, drops undefined query values and keeps arrays', () => {
		expect(
			huaweiVodOptions('https://vod.cn-north-4.myhuaweicloud.com/', {
				method: 'GET',
				path: '/v1/{project_id}/asset/thumbnails',
				query: { asset_id: ['a', 'b'], limit: 10, marker: undefined },
				idempotent: true,
			}),
		).toEqual({
			method: 'GET',
			url: 'https://vod.cn-north-4.myhuaweicloud.com/v1/{project_id}/asset/thumbnails',
			qs: { asset_id: ['a', 'b'], limit: '10' },
			json: true,
		});
	});
});

describe('huaweiVodRequest through n8n (in-process WorkflowExecute)', () => {
	it('sends a signed request with the project id substituted', async () => {
		call = {
			method: 'GET',
			path: '/v1/{project_id}/asset/thumbnails',
			query: { asset_id: 'asset-1', limit: 10 },
			idempotent: true,
		};
		server.enqueue({ status: 200, body: { total: 1, tasks: [{ task_id: 't1' }] } });
		const result = await run();

		expect(result.status).toBe('success');
		expect(nodeOutput(result, 'HW')[0].json).toEqual({ total: 1, tasks: [{ task_id: 't1' }] });
		const request = server.requests.find((r) => r.url.startsWith('/v1/'));
		expect(request?.method).toBe('GET');
		expect(new URL(request?.url ?? '', server.url).pathname).toBe(
			`/v1/${PROJECT_ID}/asset/thumbnails`,
		);
		expect(request?.query.get('asset_id')).toBe('asset-1');
		expect(request?.query.get('limit')).toBe('10');
		expect(String(request?.headers.authorization)).toMatch(
			/^SDK-HMAC-SHA256 Access=HWTRANSPORTTESTAK001,/,
		);
	});

	it('sends a JSON body and reads an empty 204 as {}', async () => {
		call = {
			method: 'DELETE',
			path: '/v1/{project_id}/asset/thumbnails',
			query: { asset_id: 'asset-1' },
			idempotent: true,
		};
		server.enqueue({ status: 204 });
		const result = await run();
		expect(result.status).toBe('success');
		expect(nodeOutput(result, 'HW')[0].json).toEqual({});
	});

	it('retries APIGW.0308 throttling after the documented pause', async () => {
		call = { method: 'GET', path: '/v1/{project_id}/asset/thumbnails', idempotent: true };
		server.enqueue({
			status: 429,
			body: {
				error_code: 'APIGW.0308',
				error_msg: 'The throttling threshold has been reached',
				request_id: 'r1',
			},
		});
		const result = await run();
		expect(result.status).toBe('success');
		const attempts = server.requests.filter((r) => r.url.startsWith('/v1/'));
		expect(attempts).toHaveLength(2);
		// huawei.md §1.7: retry after 2–5 s (arrival times, minus a few ms of latency variation)
		expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1900);
	});

	it('never retries APIGW.0301 (the AK locks after 5 failures) and says so', async () => {
		call = { method: 'GET', path: '/v1/{project_id}/asset/thumbnails', idempotent: true };
		server.enqueue({
			status: 401,
			headers: { 'X-Request-Id': 'hw-req-401' },
			body: {
				error_code: 'APIGW.0301',
				error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
			},
		});
		const result = await run();

		expect(result.status).toBe('error');
		expect(server.requests.filter((r) => r.url.startsWith('/v1/'))).toHaveLength(1);
		const error = nodeError(result, 'HW');
		expect(error).toMatchObject({
			httpCode: '401',
			message: 'APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail',
			errorResponse: { code: 'APIGW.0301', requestId: 'hw-req-401' },
		});
		expect(JSON.stringify(error)).toContain('5 minutes');
		const authorization = String(server.requests[0].headers.authorization);
		for (const text of [JSON.stringify(error), JSON.stringify(result.data.resultData)]) {
			expect(text).not.toContain(SECRET_ACCESS_KEY);
			expect(text).not.toContain(authorization.split('Signature=')[1]);
		}
	});

	it('does not re-send a non-idempotent POST after a 500', async () => {
		call = {
			method: 'POST',
			path: '/v1/{project_id}/asset/process',
			body: { asset_id: 'a' },
			idempotent: false,
		};
		server.enqueue({ status: 500, body: { error_code: 'VOD.10051', error_msg: 'internal error' } });
		const result = await run();
		expect(result.status).toBe('error');
		const posts = server.requests.filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(JSON.parse(posts[0].body)).toEqual({ asset_id: 'a' });
	});
});
