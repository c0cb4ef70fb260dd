/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * n8n's own HTTP Request node ("Predefined Credential Type" → huaweiCloudApi) against the emulator, in a
 * real n8n 2.41.1: VOD thumbnail list and asset details with AK/SK, a temporary AK/SK with its security
 * token, and an IAM user's password (token). Asserts on the node output and on what the emulator received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiAccessKey, huaweiProjectId, huaweiTemporaryKey } from '../emulator/accounts';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { SEEDED_ASSET_IDS } from '../emulator/huawei';
import { sdkSend } from '../emulator/clients/huaweiSdk';
import { startEmulator, type Emulator } from '../emulator/server';
import { lastRequestSeq, runWorkflowBatch, successfulRun } from './fixtures/batchRun';
import {
	authScheme,
	describeRequests,
	huaweiAkSkCredential,
	huaweiPasswordCredential,
	securityTokenOf,
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

const ASSET_ID = SEEDED_ASSET_IDS[0];
const REQUEST_NODE = 'Request';

type Auth = 'aksk' | 'temporary' | 'password';
type Api = 'thumbnails' | 'details';

interface HuaweiCase {
	label: string;
	workflowId: string;
	auth: Auth;
	api: Api;
}

const cases: HuaweiCase[] = [
	{ label: 'thumbnails, AK/SK', workflowId: 'HwHttpThumbAkSk01', auth: 'aksk', api: 'thumbnails' },
	{ label: 'asset details, AK/SK', workflowId: 'HwHttpDetailAkSk01', auth: 'aksk', api: 'details' },
	{
		label: 'thumbnails, temporary AK/SK',
		workflowId: 'HwHttpThumbTemp01',
		auth: 'temporary',
		api: 'thumbnails',
	},
	{
		label: 'thumbnails, IAM password',
		workflowId: 'HwHttpThumbPwd01',
		auth: 'password',
		api: 'thumbnails',
	},
	{
		label: 'asset details, IAM password',
		workflowId: 'HwHttpDetailPwd01',
		auth: 'password',
		api: 'details',
	},
];

const WRONG_SECRET_WORKFLOW = 'HwHttpThumbBadKey01';

const SCHEME: Record<Auth, AuthScheme> = {
	aksk: 'huawei-sdk-hmac',
	temporary: 'huawei-sdk-hmac',
	password: 'huawei-iam-token',
};

const IDENTITY: Record<Auth, string | undefined> = {
	aksk: huaweiAccessKey.accessKeyId,
	temporary: huaweiTemporaryKey.accessKeyId,
	password: undefined,
};

/** Thumbnails with the `{project_id}` placeholder the credential fills in; details with the literal id. */
function urlFor(emulatorUrl: string, api: Api): string {
	return api === 'thumbnails'
		? `${emulatorUrl}/v1/{project_id}/asset/thumbnails`
		: `${emulatorUrl}/v1.0/${huaweiProjectId}/asset/details`;
}

function pathOf(request: RecordedRequest): string {
	return new URL(request.rawUrl, 'http://emulator').pathname;
}

describe('HTTP Request node with the huaweiCloudApi credential (real n8n)', () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let batch: BatchResult;
	let taskId: string;
	let fromN8n: RecordedRequest[];

	function vodRequestsOf(testCase: HuaweiCase): RecordedRequest[] {
		const apiPath = testCase.api === 'thumbnails' ? '/asset/thumbnails' : '/asset/details';
		return fromN8n.filter(
			(request) =>
				pathOf(request).endsWith(apiPath) &&
				authScheme(request) === SCHEME[testCase.auth] &&
				request.identity === IDENTITY[testCase.auth] &&
				request.outcome.status === 200,
		);
	}

	beforeAll(async () => {
		emulator = await startEmulator({ jobDurationMs: 50 });
		// A finished thumbnail task on the asset, created with the official Huawei SDK signer.
		const created = await sdkSend<{ thumbnail_task_id: string }>(emulator.url, {
			method: 'POST',
			path: '/v1.0/{project_id}/asset/process',
			body: { asset_id: ASSET_ID, thumbnail: { type: 'quantity', quantity: 3 } },
		});
		expect(created.status).toBe(200);
		taskId = created.json.thumbnail_task_id;
		await emulator.huawei.idle();
		const setupSeq = lastRequestSeq(emulator);

		const credentialOf: Record<Auth, CredentialJson> = {
			aksk: huaweiAkSkCredential('HwHttpCredAkSk01', emulator.url),
			temporary: huaweiAkSkCredential('HwHttpCredTemp01', emulator.url, huaweiTemporaryKey),
			password: huaweiPasswordCredential('HwHttpCredPwd01', emulator.url),
		};
		const wrongSecret = huaweiAkSkCredential('HwHttpCredBad01', emulator.url, {
			accessKeyId: huaweiAccessKey.accessKeyId,
			secretAccessKey: 'not-the-secret-key',
		});
		const workflows: WorkflowJson[] = cases.map((testCase) =>
			manualWorkflow(testCase.workflowId, `HTTP Request huaweiCloudApi: ${testCase.label}`, [
				httpRequestNode({
					name: REQUEST_NODE,
					url: urlFor(emulator.url, testCase.api),
					credential: credentialOf[testCase.auth],
					query: { asset_id: ASSET_ID },
				}),
			]),
		);
		workflows.push(
			manualWorkflow(WRONG_SECRET_WORKFLOW, 'HTTP Request huaweiCloudApi: wrong secret', [
				httpRequestNode({
					name: REQUEST_NODE,
					url: urlFor(emulator.url, 'thumbnails'),
					credential: wrongSecret,
					query: { asset_id: ASSET_ID },
					continueOnError: true,
				}),
			]),
		);

		n8n = await N8nInstance.create({ label: 'http-huawei' });
		({ batch, fromN8n } = await runWorkflowBatch(n8n, emulator, {
			credentials: [...Object.values(credentialOf), wrongSecret],
			workflows,
			sinceSeq: setupSeq,
		}));
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	it.each(cases.filter((testCase) => testCase.api === 'thumbnails'))(
		'ListThumbnailInfo returns the finished task ($label)',
		(testCase) => {
			const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			expect(output).toMatchObject({
				total: 1,
				thumbnails: [{ task_id: taskId, thumbnail_count: 3 }],
			});
		},
	);

	it.each(cases.filter((testCase) => testCase.api === 'details'))(
		'ShowAssetDetail returns the asset with its cover ($label)',
		(testCase) => {
			const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
			expect(output).toMatchObject({ asset_id: ASSET_ID });
			expect(JSON.stringify(output)).toContain('cover_url');
		},
	);

	it.each(cases)(
		'the emulator received one accepted request, authenticated as asked ($label)',
		(testCase) => {
			const received = vodRequestsOf(testCase);
			expect(received, describeRequests(fromN8n)).toHaveLength(1);
			const [request] = received;
			expect(pathOf(request)).toContain(`/${huaweiProjectId}/`);
			expect(securityTokenOf(request)).toBe(
				testCase.auth === 'temporary' ? huaweiTemporaryKey.securityToken : undefined,
			);
		},
	);

	it('the password credential signed in to IAM, and the token was reused', () => {
		const tokenRequests = fromN8n.filter((request) => pathOf(request) === '/v3/auth/tokens');
		const passwordCases = cases.filter((testCase) => testCase.auth === 'password').length;
		expect(tokenRequests.length, describeRequests(fromN8n)).toBeGreaterThanOrEqual(1);
		expect(tokenRequests.length).toBeLessThanOrEqual(passwordCases);
		for (const request of tokenRequests) expect(request.outcome.status).toBe(201);
	});

	it('a wrong secret key fails with the gateway error, and the request was still signed', () => {
		const [output] = nodeJson(successfulRun(batch, WRONG_SECRET_WORKFLOW), REQUEST_NODE);
		expect(JSON.stringify(output)).toMatch(/APIGW\.0301|APIG\.0301|401|signature/i);
		const rejected = fromN8n.filter((request) => request.outcome.status === 401);
		// n8n re-sends after a 401 only when preAuthentication returns something to refresh; for AK/SK
		// it returns nothing, so a bad signature costs one attempt towards Huawei's 5-failure lockout.
		expect(rejected.length, describeRequests(fromN8n)).toBe(1);
		for (const request of rejected) {
			expect(authScheme(request)).toBe('huawei-sdk-hmac');
			expect(request.outcome.code).toBe('APIGW.0301');
		}
	});

	it('n8n sent no unauthenticated request to VOD', () => {
		const vod = fromN8n.filter((request) => /^\/v1(\.0)?\//.test(pathOf(request)));
		expect(vod.length).toBeGreaterThanOrEqual(cases.length + 1);
		const unsigned = vod.filter((request) => authScheme(request) === 'none');
		expect(unsigned, describeRequests(unsigned)).toEqual([]);
	});
});
