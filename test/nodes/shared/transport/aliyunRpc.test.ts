/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { aliyunRpcQuery, aliyunRpcRequest } from '../../../../nodes/shared/transport/aliyunRpc';
import type { AliyunRpcProduct } from '../../../../credentials/common/aliyun/endpoints';
import type { AliyunParamValue } from '../../../../nodes/shared/transport/aliyunRpc';
import { runCaller } from '../../../support/callerNode';
import { nodeError, nodeOutput } from '../../../support/inProcessN8n';
import { startScriptedServer } from '../../../support/scriptedServer';
import type { ScriptedServer } from '../../../support/scriptedServer';

const ACCESS_KEY_ID = 'LTAI5tTransportTest01';
const ACCESS_KEY_SECRET = 'TransportTestSecretValue0001';

const callParams: Record<string, AliyunParamValue> = {
	VideoId: 'v-1',
	Count: 3,
	Enabled: true,
	Skipped: undefined,
	SpecifiedOffsetTimes: JSON.stringify([1000, 2000]),
};

interface RpcCalls {
	product: AliyunRpcProduct;
	action: string;
	idempotent?: boolean;
	calls?: number;
	maxRps?: number;
}

/** Makes `calls` requests for its single item; the transport paces and retries them. */
function rpcCaller({ product, action, idempotent = true, calls = 1, maxRps }: RpcCalls) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const output: INodeExecutionData[] = [];
		for (let call = 0; call < calls; call++) {
			const response = await (aliyunRpcRequest<IDataObject>).call(this, {
				product,
				action,
				params: callParams,
				idempotent,
				itemIndex: 0,
				maxRequestsPerSecond: maxRps,
			});
			output.push({ json: response, pairedItem: { item: 0 } });
		}
		return output;
	};
}

let server: ScriptedServer;

/** When each request was signed, i.e. released by the pacer. */
const signedAt: number[] = [];

class TimedAliyunApi extends AliyunApi {
	async authenticate(...args: Parameters<AliyunApi['authenticate']>) {
		signedAt.push(Date.now());
		return await super.authenticate(...args);
	}
}

beforeAll(async () => {
	server = await startScriptedServer();
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.reset();
	signedAt.length = 0;
});

async function run(calls: RpcCalls, signatureVersion: 'v1' | 'v3' = 'v3') {
	const { run: result } = await runCaller(rpcCaller(calls), {
		name: 'RPC',
		credentialTypes: { aliyunApi: new TimedAliyunApi() },
		credentials: {
			aliyunApi: {
				accessKeyId: ACCESS_KEY_ID,
				accessKeySecret: ACCESS_KEY_SECRET,
				securityToken: '',
				regionId: 'cn-shanghai',
				signatureVersion,
				vodEndpoint: server.url,
				mpsEndpoint: server.url,
				mnsEndpoint: '',
			},
		},
	});
	return result;
}

function aliyunError(status: number, code: string, message: string, requestId: string) {
	return {
		status,
		body: {
			RequestId: requestId,
			HostId: 'vod.cn-shanghai.aliyuncs.com',
			Code: code,
			Message: message,
		},
	};
}

describe('aliyunRpcQuery', () => {
	it('adds Action and Version, drops undefined and stringifies scalars', () => {
		expect(
			aliyunRpcQuery({ product: 'mts', action: 'SubmitSnapshotJob', params: callParams }),
		).toEqual({
			Action: 'SubmitSnapshotJob',
			Version: '2014-06-18',
			VideoId: 'v-1',
			Count: '3',
			Enabled: 'true',
			SpecifiedOffsetTimes: '[1000,2000]',
		});
	});
});

describe('aliyunRpcRequest through n8n (in-process WorkflowExecute)', () => {
	it('POSTs the signed RPC call to the endpoint and returns the body', async () => {
		server.enqueue({ status: 200, body: { RequestId: 'OK-1', Video: { VideoId: 'v-1' } } });
		const result = await run({ product: 'vod', action: 'GetVideoInfo' });

		expect(result.status).toBe('success');
		expect(nodeOutput(result, 'RPC')).toEqual([
			{ json: { RequestId: 'OK-1', Video: { VideoId: 'v-1' } }, pairedItem: { item: 0 } },
		]);
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(new URL(request.url, server.url).pathname).toBe('/');
		// V3 carries Action and Version in x-acs-action / x-acs-version, the parameters in the query
		expect(request.headers['x-acs-version']).toBe('2017-03-21');
		expect(Object.fromEntries(request.query)).toEqual({
			VideoId: 'v-1',
			Count: '3',
			Enabled: 'true',
			SpecifiedOffsetTimes: '[1000,2000]',
		});
		expect(request.headers.authorization).toMatch(
			/^ACS3-HMAC-SHA256 Credential=LTAI5tTransportTest01,/,
		);
		expect(request.headers['x-acs-action']).toBe('GetVideoInfo');
	});

	it('uses the MPS version for product mts', async () => {
		await run({ product: 'mts', action: 'QuerySnapshotJobList' }, 'v1');
		expect(server.requests[0].query.get('Version')).toBe('2014-06-18');
		expect(server.requests[0].query.get('Signature')).toBeTruthy();
	});

	it('retries Throttling.User and succeeds, signing each attempt afresh', async () => {
		server.enqueue(
			aliyunError(400, 'Throttling.User', 'Request was denied due to user flow control.', 'T-1'),
			{ status: 200, body: { RequestId: 'OK-2', JobId: 'job-1' } },
		);
		const result = await run({ product: 'vod', action: 'SubmitSnapshotJob', idempotent: false });

		expect(result.status).toBe('success');
		expect(nodeOutput(result, 'RPC')[0].json).toEqual({ RequestId: 'OK-2', JobId: 'job-1' });
		expect(server.requests).toHaveLength(2);
		const nonces = server.requests.map((request) => request.headers['x-acs-signature-nonce']);
		expect(new Set(nonces).size).toBe(2);
		// first backoff: ceiling 500 ms, equal jitter → at least 250 ms, minus a few ms of n8n overhead
		expect(signedAt[1] - signedAt[0]).toBeGreaterThanOrEqual(230);
	});

	it('does not re-send a non-idempotent submit after a 5xx', async () => {
		server.enqueue(
			aliyunError(
				503,
				'ServiceUnavailable',
				'The request has failed due to a temporary failure of the server.',
				'S-1',
			),
		);
		const result = await run({ product: 'vod', action: 'SubmitSnapshotJob', idempotent: false });

		expect(result.status).toBe('error');
		expect(server.requests).toHaveLength(1);
		expect(nodeError(result, 'RPC')).toMatchObject({
			httpCode: '503',
			message:
				'ServiceUnavailable: The request has failed due to a temporary failure of the server.',
		});
	});

	it("opts out of n8n's refresh-and-resend on 401, so a submit is sent once", async () => {
		server.enqueue({
			status: 401,
			body: { RequestId: 'U-1', Code: 'Unauthorized', Message: 'gateway said 401' },
		});
		const result = await run({ product: 'vod', action: 'SubmitSnapshotJob', idempotent: false });

		expect(result.status).toBe('error');
		expect(server.requests).toHaveLength(1);
		expect(nodeError(result, 'RPC')).toMatchObject({
			httpCode: '401',
			errorResponse: { kind: 'auth' },
		});
	});

	it('retries a 5xx on an idempotent call', async () => {
		server.enqueue(
			aliyunError(
				500,
				'InternalError',
				'The request processing has failed due to some unknown error.',
				'S-2',
			),
		);
		const result = await run({ product: 'vod', action: 'GetVideoInfo', idempotent: true });

		expect(result.status).toBe('success');
		expect(server.requests).toHaveLength(2);
	});

	it('does not retry an auth error and reports code, status and request id without secrets', async () => {
		server.enqueue(
			aliyunError(
				400,
				'SignatureDoesNotMatch',
				'Specified signature is not matched with our calculation.',
				'AUTH-REQ-1',
			),
		);
		const result = await run({ product: 'vod', action: 'GetVideoInfo' });

		expect(result.status).toBe('error');
		expect(server.requests).toHaveLength(1);
		const error = nodeError(result, 'RPC');
		expect(error).toMatchObject({
			httpCode: '400',
			message: 'SignatureDoesNotMatch: Specified signature is not matched with our calculation.',
			errorResponse: { code: 'SignatureDoesNotMatch', requestId: 'AUTH-REQ-1', httpStatus: 400 },
		});
		const authorization = String(server.requests[0].headers.authorization);
		const signature = authorization.split('Signature=')[1];
		expect(signature).toMatch(/^[0-9a-f]{64}$/);
		const serialized = [JSON.stringify(error), JSON.stringify(result.data.resultData)];
		for (const text of serialized) {
			expect(text).toContain('AUTH-REQ-1');
			expect(text).not.toContain(ACCESS_KEY_SECRET);
			expect(text).not.toContain(authorization);
			expect(text).not.toContain(signature);
		}
	});

	it('reports a V1 signature error without the Signature query value', async () => {
		server.enqueue({
			status: 400,
			body:
				'<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>X-1</RequestId><HostId>vod</HostId>' +
				'<Code>IncompleteSignature</Code><Message>The request signature does not conform to Aliyun standards.</Message></Error>',
		});
		const result = await run({ product: 'vod', action: 'GetVideoInfo' }, 'v1');

		expect(server.requests).toHaveLength(1);
		const signature = server.requests[0].query.get('Signature') ?? '';
		expect(signature).not.toBe('');
		const error = nodeError(result, 'RPC');
		expect(error).toMatchObject({
			httpCode: '400',
			errorResponse: { code: 'IncompleteSignature', requestId: 'X-1' },
		});
		for (const text of [JSON.stringify(error), JSON.stringify(result.data.resultData)]) {
			expect(text).not.toContain(ACCESS_KEY_SECRET);
			expect(text).not.toContain(signature);
			expect(text).not.toContain(encodeURIComponent(signature));
		}
	});

	it('paces calls of one action to the requested rate', async () => {
		const result = await run({ product: 'vod', action: 'GetVideoInfo', calls: 4, maxRps: 10 });

		expect(result.status).toBe('success');
		expect(server.requests).toHaveLength(4);
		// authenticate runs shortly after the pacer releases a request (n8n reads the credential in
		// between, slower on the first call), so gaps are 100 ms give or take a few ms; exact spacing
		// is checked with a fake clock in pacing.test.ts. Unpaced, all four are signed within ~5 ms.
		const gaps = signedAt.slice(1).map((time, i) => time - signedAt[i]);
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(80);
		expect(signedAt[3] - signedAt[0]).toBeGreaterThanOrEqual(280);
	});
});
