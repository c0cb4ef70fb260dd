/**
 * n8n's own HTTP Request node ("Predefined Credential Type" → aliyunApi) reading OSS in a real n8n
 * 2.41.1: GetObject as binary data, HeadObject, ListObjectsV2 of a prefix, signed OSS V1 (credential
 * V1) and OSS V4 (credential V3), with a permanent key and with an STS token; a wrong secret ends in
 * OSS's own error code. The node addresses the bucket's real host,
 * `http://mps-output.oss-cn-shanghai.aliyuncs.com/…`, and reaches the emulator through its Proxy
 * option (no DNS entry): the emulator receives the bucket-host URL as a proxy does.
 */
import type { INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aliyunAccessKey } from '../emulator/accounts';
import { TINY_JPEG } from '../emulator/core/jpeg';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import { lastRequestSeq, runWorkflowBatch, successfulRun } from './fixtures/batchRun';
import { ALIYUN_KEYS, aliyunCredential, describeRequests, type AliyunKey } from './fixtures/clouds';
import {
	httpRequestNode,
	manualWorkflow,
	N8nInstance,
	nodeItems,
	nodeJson,
	type BatchResult,
	type CredentialJson,
	type NodeSpec,
	type WorkflowJson,
} from './harness';

const BUCKET_HOST = 'mps-output.oss-cn-shanghai.aliyuncs.com';
const OBJECT_KEY = 'snap/帧 00001.jpg';
const OBJECT_URL = `http://${BUCKET_HOST}/${encodeURIComponent(OBJECT_KEY).replace(/%2F/g, '/')}`;
const REQUEST_NODE = 'Request';

type Operation = 'get' | 'head' | 'list';

interface OssCase {
	label: string;
	workflowId: string;
	operation: Operation;
	signatureVersion: 'v1' | 'v3';
	key: AliyunKey;
}

/** OSS V1 for a V1 credential, OSS4-HMAC-SHA256 for a V3 one. */
const AUTHORIZATION: Record<'v1' | 'v3', RegExp> = {
	v1: /^OSS [^:]+:/,
	v3: /^OSS4-HMAC-SHA256 Credential=/,
};

const cases: OssCase[] = (['v1', 'v3'] as const).flatMap((signatureVersion) => [
	...(['get', 'head', 'list'] as const).map((operation) => ({
		label: `${operation}, ${signatureVersion}, AccessKey`,
		workflowId: `OssHttp${operation}${signatureVersion}Key`.padEnd(16, '0'),
		operation,
		signatureVersion,
		key: ALIYUN_KEYS.key,
	})),
	{
		label: `get, ${signatureVersion}, STS token`,
		workflowId: `OssHttpget${signatureVersion}Sts`.padEnd(16, '0'),
		operation: 'get' as const,
		signatureVersion,
		key: ALIYUN_KEYS.sts,
	},
]);

const WRONG_SECRET: Record<'v1' | 'v3', string> = {
	v1: 'OssHttpBadKeyV10',
	v3: 'OssHttpBadKeyV30',
};

/** The HTTP Request node for one OSS operation, through the emulator as its proxy. */
function ossRequestNode(
	operation: Operation,
	credential: CredentialJson,
	proxy: string,
	continueOnError = false,
): NodeSpec {
	const base = httpRequestNode({
		name: REQUEST_NODE,
		url: operation === 'list' ? `http://${BUCKET_HOST}/` : OBJECT_URL,
		credential,
		query: operation === 'list' ? { 'list-type': '2', prefix: 'snap/' } : undefined,
		continueOnError,
	});
	const response: Record<Operation, INodeParameters> = {
		get: { responseFormat: 'file', outputPropertyName: 'data' },
		head: { fullResponse: true },
		list: { responseFormat: 'text', outputPropertyName: 'data' },
	};
	return {
		...base,
		parameters: {
			...base.parameters,
			method: operation === 'head' ? 'HEAD' : 'GET',
			options: { proxy, response: { response: response[operation] } },
		},
	};
}

describe('HTTP Request node reading OSS with the aliyunApi credential (real n8n)', () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let batch: BatchResult;
	/** Requests n8n sent (everything after the test's own setup). */
	let fromN8n: RecordedRequest[];

	beforeAll(async () => {
		emulator = await startEmulator();
		for (const key of [OBJECT_KEY, 'snap/00002.jpg', 'other/00001.jpg'])
			emulator.putOssObject('mps-output', key);
		const setupSeq = lastRequestSeq(emulator);
		const credentials: CredentialJson[] = [];
		const workflows: WorkflowJson[] = [];
		for (const [index, testCase] of cases.entries()) {
			const credential = aliyunCredential(
				`OssHttpCred${String(index).padStart(2, '0')}`,
				emulator.url,
				testCase.signatureVersion,
				testCase.key,
			);
			credentials.push(credential);
			workflows.push(
				manualWorkflow(testCase.workflowId, `HTTP Request OSS: ${testCase.label}`, [
					ossRequestNode(testCase.operation, credential, emulator.url),
				]),
			);
		}
		for (const signatureVersion of ['v1', 'v3'] as const) {
			const wrong = aliyunCredential(
				`OssHttpBad${signatureVersion}`,
				emulator.url,
				signatureVersion,
				{
					accessKeyId: aliyunAccessKey.accessKeyId,
					accessKeySecret: 'not-the-secret',
				},
			);
			credentials.push(wrong);
			workflows.push(
				manualWorkflow(
					WRONG_SECRET[signatureVersion],
					`HTTP Request OSS: wrong secret ${signatureVersion}`,
					[ossRequestNode('get', wrong, emulator.url, true)],
				),
			);
		}
		n8n = await N8nInstance.create({ label: 'http-oss' });
		({ batch, fromN8n } = await runWorkflowBatch(n8n, emulator, {
			credentials,
			workflows,
			sinceSeq: setupSeq,
		}));
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	function requestsOf(testCase: OssCase): RecordedRequest[] {
		return fromN8n.filter(
			(request) =>
				// An OSS V4 identity is the whole Credential, `<AccessKeyId>/<scope>`.
				request.identity?.split('/')[0] === testCase.key.accessKeyId &&
				AUTHORIZATION[testCase.signatureVersion].test(request.headers.authorization ?? '') &&
				request.outcome.code !== 'SignatureDoesNotMatch' &&
				request.method === (testCase.operation === 'head' ? 'HEAD' : 'GET') &&
				request.rawUrl.includes('list-type=2') === (testCase.operation === 'list'),
		);
	}

	it.each(cases.filter((testCase) => testCase.operation === 'get'))(
		'GetObject returns the object as binary data ($label)',
		(testCase) => {
			const [item] = nodeItems(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			const binary = item.binary?.data;
			expect(binary?.mimeType).toBe('image/jpeg');
			expect(binary?.fileSize).toBe(`${TINY_JPEG.length} B`);
			if (binary?.id === undefined) {
				expect(Buffer.from(String(binary?.data), 'base64').equals(TINY_JPEG)).toBe(true);
			}
		},
	);

	it.each(cases.filter((testCase) => testCase.operation === 'head'))(
		'HeadObject returns status and object headers ($label)',
		(testCase) => {
			const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			expect(output.statusCode).toBe(200);
			expect(output.headers).toMatchObject({
				'content-length': String(TINY_JPEG.length),
				'content-type': 'image/jpeg',
			});
		},
	);

	it.each(cases.filter((testCase) => testCase.operation === 'list'))(
		'ListObjectsV2 lists the prefix ($label)',
		(testCase) => {
			const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			const xml = String(output.data);
			expect(xml).toContain('<Key>snap/00002.jpg</Key>');
			expect(xml).toContain(`<Key>${OBJECT_KEY}</Key>`);
			expect(xml).not.toContain('other/00001.jpg');
		},
	);

	it.each(cases)('the emulator received one accepted, bucket-host request ($label)', (testCase) => {
		const received = requestsOf(testCase);
		expect(received, describeRequests(fromN8n)).toHaveLength(1);
		const [request] = received;
		expect(request.outcome).toMatchObject({ status: 200 });
		expect(request.rawUrl.startsWith(`http://${BUCKET_HOST}/`)).toBe(true);
		expect(request.headers['x-oss-security-token']).toBe(testCase.key.securityToken);
	});

	it.each(['v1', 'v3'] as const)(
		'a wrong secret (%s) ends in OSS SignatureDoesNotMatch in the node error',
		(signatureVersion) => {
			const [output] = nodeJson(successfulRun(batch, WRONG_SECRET[signatureVersion]), REQUEST_NODE);
			expect(JSON.stringify(output)).toContain('SignatureDoesNotMatch');
			const rejected = fromN8n.filter(
				(request) =>
					request.outcome.code === 'SignatureDoesNotMatch' &&
					AUTHORIZATION[signatureVersion].test(request.headers.authorization ?? ''),
			);
			expect(rejected, describeRequests(fromN8n)).toHaveLength(1);
		},
	);

	it('n8n sent no unsigned request and nothing the emulator refused otherwise', () => {
		const unsigned = fromN8n.filter((request) => request.headers.authorization === undefined);
		expect(unsigned, describeRequests(unsigned)).toEqual([]);
		const unexpected = fromN8n.filter(
			(request) =>
				request.outcome.status !== 200 && request.outcome.code !== 'SignatureDoesNotMatch',
		);
		expect(unexpected, describeRequests(unexpected)).toEqual([]);
	});
});
