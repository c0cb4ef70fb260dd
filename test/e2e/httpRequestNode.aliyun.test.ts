/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * n8n's own HTTP Request node ("Predefined Credential Type" → aliyunApi) against the emulator, in a real
 * n8n 2.41.1: VOD GetVideoInfo and MPS QuerySnapshotJobList, signed V1 and V3, with a permanent key and
 * with an STS token. Asserts on the node output and on what the emulator received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aliyunAccessKey } from '../emulator/accounts';
import { seedVideoIds } from '../emulator/aliyun/vod/videos';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import { callRpc } from '../emulator/clients/aliyunRpc';
import { lastRequestSeq, runWorkflowBatch, successfulRun } from './fixtures/batchRun';
import {
	ALIYUN_KEYS,
	aliyunCredential,
	apiVersionOf,
	authScheme,
	describeRequests,
	MPS_API_VERSION,
	securityTokenOf,
	VOD_API_VERSION,
	type AliyunKey,
	type AuthScheme,
} from './fixtures/clouds';
import {
	httpRequestNode,
	manualWorkflow,
	N8nInstance,
	nodeJson,
	type BatchResult,
	type CredentialJson,
	type WorkflowJson,
} from './harness';

const VIDEO_ID = seedVideoIds.normal;
const REQUEST_NODE = 'Request';

interface AliyunCase {
	label: string;
	workflowId: string;
	product: 'vod' | 'mps';
	signatureVersion: 'v1' | 'v3';
	key: AliyunKey;
	credential?: CredentialJson;
}

const SCHEME: Record<'v1' | 'v3', AuthScheme> = { v1: 'aliyun-v1', v3: 'aliyun-acs3' };

const cases: AliyunCase[] = [
	{
		label: 'VOD, V1, AccessKey',
		workflowId: 'AliHttpVodV1Key01',
		product: 'vod',
		signatureVersion: 'v1',
		key: ALIYUN_KEYS.key,
	},
	{
		label: 'VOD, V3, AccessKey',
		workflowId: 'AliHttpVodV3Key01',
		product: 'vod',
		signatureVersion: 'v3',
		key: ALIYUN_KEYS.key,
	},
	{
		label: 'VOD, V1, STS token',
		workflowId: 'AliHttpVodV1Sts01',
		product: 'vod',
		signatureVersion: 'v1',
		key: ALIYUN_KEYS.sts,
	},
	{
		label: 'VOD, V3, STS token',
		workflowId: 'AliHttpVodV3Sts01',
		product: 'vod',
		signatureVersion: 'v3',
		key: ALIYUN_KEYS.sts,
	},
	{
		label: 'MPS, V1, AccessKey',
		workflowId: 'AliHttpMpsV1Key01',
		product: 'mps',
		signatureVersion: 'v1',
		key: ALIYUN_KEYS.key,
	},
	{
		label: 'MPS, V3, AccessKey',
		workflowId: 'AliHttpMpsV3Key01',
		product: 'mps',
		signatureVersion: 'v3',
		key: ALIYUN_KEYS.key,
	},
	{
		label: 'MPS, V1, STS token',
		workflowId: 'AliHttpMpsV1Sts01',
		product: 'mps',
		signatureVersion: 'v1',
		key: ALIYUN_KEYS.sts,
	},
	{
		label: 'MPS, V3, STS token',
		workflowId: 'AliHttpMpsV3Sts01',
		product: 'mps',
		signatureVersion: 'v3',
		key: ALIYUN_KEYS.sts,
	},
];

const WRONG_SECRET_WORKFLOW = 'AliHttpVodBadKey01';

describe('HTTP Request node with the aliyunApi credential (real n8n)', () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let batch: BatchResult;
	let mpsJobId: string;
	/** Requests n8n sent (everything after the test's own setup calls). */
	let fromN8n: RecordedRequest[];

	function actionFor(product: 'vod' | 'mps'): string {
		return product === 'vod' ? 'GetVideoInfo' : 'QuerySnapshotJobList';
	}

	function requestsOf(testCase: AliyunCase): RecordedRequest[] {
		return fromN8n.filter(
			(request) =>
				request.identity === testCase.key.accessKeyId &&
				request.action === actionFor(testCase.product) &&
				request.outcome.code !== 'SignatureDoesNotMatch' && // the wrong-secret workflow's request
				authScheme(request) === SCHEME[testCase.signatureVersion],
		);
	}

	beforeAll(async () => {
		emulator = await startEmulator();
		// An MPS job for QuerySnapshotJobList to find, submitted with the official V1 SDK.
		const submitted = await callRpc<{ SnapshotJob: { Id: string } }>(
			emulator,
			'SubmitSnapshotJob',
			{
				Input: JSON.stringify({
					Bucket: 'example',
					Location: 'oss-cn-shanghai',
					Object: 'e2e.mp4',
				}),
				SnapshotConfig: JSON.stringify({
					OutputFile: { Bucket: 'example', Location: 'oss-cn-shanghai', Object: 'e2e/cover.jpg' },
					Time: '1000',
				}),
			},
			{ version: MPS_API_VERSION },
		);
		mpsJobId = submitted.SnapshotJob.Id;
		const setupSeq = lastRequestSeq(emulator);

		const credentials: CredentialJson[] = [];
		const workflows: WorkflowJson[] = [];
		for (const [index, testCase] of cases.entries()) {
			testCase.credential = aliyunCredential(
				`AliHttpCred0${index}`,
				emulator.url,
				testCase.signatureVersion,
				testCase.key,
			);
			credentials.push(testCase.credential);
			const query: Record<string, string> =
				testCase.product === 'vod'
					? { Action: 'GetVideoInfo', Version: VOD_API_VERSION, VideoId: VIDEO_ID }
					: { Action: 'QuerySnapshotJobList', Version: MPS_API_VERSION, SnapshotJobIds: mpsJobId };
			workflows.push(
				manualWorkflow(testCase.workflowId, `HTTP Request aliyunApi: ${testCase.label}`, [
					httpRequestNode({
						name: REQUEST_NODE,
						url: `${emulator.url}/`,
						credential: testCase.credential,
						query,
					}),
				]),
			);
		}
		const wrongSecret = aliyunCredential('AliHttpCredBad1', emulator.url, 'v3', {
			accessKeyId: aliyunAccessKey.accessKeyId,
			accessKeySecret: 'not-the-secret',
		});
		credentials.push(wrongSecret);
		workflows.push(
			manualWorkflow(WRONG_SECRET_WORKFLOW, 'HTTP Request aliyunApi: wrong secret', [
				httpRequestNode({
					name: REQUEST_NODE,
					url: `${emulator.url}/`,
					credential: wrongSecret,
					query: { Action: 'GetVideoInfo', Version: VOD_API_VERSION, VideoId: VIDEO_ID },
					continueOnError: true,
				}),
			]),
		);

		n8n = await N8nInstance.create({ label: 'http-aliyun' });
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

	it.each(cases.filter((testCase) => testCase.product === 'vod'))(
		'GetVideoInfo returns the seeded video ($label)',
		(testCase) => {
			const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			expect(output).toMatchObject({
				Video: { VideoId: VIDEO_ID, Title: 'Emulator sample clip', Status: 'Normal' },
			});
			expect(typeof output.RequestId).toBe('string');
		},
	);

	it.each(cases.filter((testCase) => testCase.product === 'mps'))(
		'QuerySnapshotJobList returns the submitted job ($label)',
		(testCase) => {
			const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			expect(output).toMatchObject({
				SnapshotJobList: { SnapshotJob: [{ Id: mpsJobId, State: 'Success' }] },
			});
		},
	);

	it.each(cases)(
		'the emulator received one accepted request signed as asked ($label)',
		(testCase) => {
			const received = requestsOf(testCase);
			expect(received, describeRequests(fromN8n)).toHaveLength(1);
			const [request] = received;
			expect(request.outcome).toMatchObject({ status: 200 });
			expect(request.outcome.code).toBeUndefined();
			expect(apiVersionOf(request)).toBe(
				testCase.product === 'vod' ? VOD_API_VERSION : MPS_API_VERSION,
			);
			expect(securityTokenOf(request)).toBe(testCase.key.securityToken);
		},
	);

	it('a wrong AccessKey secret fails with the provider error, and the request was still signed', () => {
		const [output] = nodeJson(successfulRun(batch, WRONG_SECRET_WORKFLOW), REQUEST_NODE);
		expect(JSON.stringify(output)).toMatch(/SignatureDoesNotMatch|signature/i);
		const rejected = fromN8n.filter((request) => request.outcome.code === 'SignatureDoesNotMatch');
		expect(rejected, describeRequests(fromN8n)).toHaveLength(1);
		expect(authScheme(rejected[0])).toBe('aliyun-acs3');
	});

	it('n8n sent no unsigned request and nothing the emulator did not expect', () => {
		expect(fromN8n.length).toBeGreaterThanOrEqual(cases.length + 1);
		const unsigned = fromN8n.filter((request) => authScheme(request) === 'none');
		expect(unsigned, describeRequests(unsigned)).toEqual([]);
		const unexpected = fromN8n.filter(
			(request) =>
				request.outcome.status !== 200 && request.outcome.code !== 'SignatureDoesNotMatch',
		);
		expect(unexpected, describeRequests(unexpected)).toEqual([]);
	});
});
