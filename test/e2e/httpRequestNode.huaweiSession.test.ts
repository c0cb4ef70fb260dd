/**
 * The IAM password session of huaweiCloudApi in n8n's own HTTP Request node, in a real n8n. That node
 * calls `preAuthentication` again after ANY failed request and sends the request again whenever it
 * returns a session (n8n-core `requestWithAuthentication`), so a credential that signs in again on
 * every call turns a 500 or a reset on a POST into a silent second POST, and every 4xx into an IAM
 * sign-in. With the token's expiry tracked, a failed POST reaches VOD exactly once and the token of
 * the first sign-in serves every later request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../emulator/accounts';
import type { RecordedRequest } from '../emulator/core/requestLog';
import type { FaultSpec } from '../emulator/core/faults';
import { SEEDED_ASSET_IDS } from '../emulator/huawei';
import { startEmulator, type Emulator } from '../emulator/server';
import { lastRequestSeq } from './fixtures/batchRun';
import { authScheme, describeRequests, huaweiPasswordCredential } from './fixtures/clouds';
import {
	httpRequestNode,
	manualWorkflow,
	N8nInstance,
	nodeJson,
	type CliRun,
	type HttpRequestSpec,
} from './harness';

const REQUEST_NODE = 'Request';
const ASSET_ID = SEEDED_ASSET_IDS[0];
const PROCESS_PATH = `/v1.0/${huaweiProjectId}/asset/process`;
const SIGN_IN_PATH = '/v3/auth/tokens';

interface SessionCase {
	label: string;
	workflowId: string;
	request: Omit<HttpRequestSpec, 'name' | 'credential' | 'url'> & { path: string };
	fault?: FaultSpec;
}

const submitThumbnails = {
	method: 'POST',
	path: '/v1.0/{project_id}/asset/process',
	jsonBody: { asset_id: ASSET_ID, thumbnail: { type: 'quantity', quantity: 2 } },
} as const;

/** Run in this order, one `n8n execute` each, all with the one password credential. */
const CASES: SessionCase[] = [
	{
		label: 'a POST answered with a 500',
		workflowId: 'HwSessPost500001',
		request: submitThumbnails,
		fault: { kind: 'serverError', status: 500, match: { path: PROCESS_PATH } },
	},
	{
		label: 'a POST whose connection is reset after VOD handled it',
		workflowId: 'HwSessPostReset01',
		request: submitThumbnails,
		fault: { kind: 'reset', phase: 'after', match: { path: PROCESS_PATH } },
	},
	{
		label: 'a GET answered with a 4xx (unknown asset)',
		workflowId: 'HwSessGet4xx0001',
		request: { path: '/v1.0/{project_id}/asset/details', query: { asset_id: 'no-such-asset' } },
	},
	{
		label: 'a GET that succeeds',
		workflowId: 'HwSessGetOk00001',
		request: { path: '/v1/{project_id}/asset/thumbnails', query: { asset_id: ASSET_ID } },
	},
];

function pathOf(request: RecordedRequest): string {
	return new URL(request.rawUrl, 'http://emulator').pathname;
}

describe('HTTP Request node with the huaweiCloudApi IAM password credential (real n8n)', () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	const runs = new Map<string, CliRun>();
	const received = new Map<string, RecordedRequest[]>();
	let fromN8n: RecordedRequest[] = [];

	beforeAll(async () => {
		emulator = await startEmulator({ jobDurationMs: 50 });
		const credential = huaweiPasswordCredential('HwSessCredPwd01', emulator.url);
		n8n = await N8nInstance.create({ label: 'http-huawei-session' });
		await n8n.importCredentials([credential]);
		await n8n.importWorkflows(
			CASES.map(({ label, workflowId, request: { path, ...request } }) =>
				manualWorkflow(workflowId, `HTTP Request huaweiCloudApi session: ${label}`, [
					httpRequestNode({
						...request,
						name: REQUEST_NODE,
						url: `${emulator.url}${path}`,
						credential,
						continueOnError: true,
					}),
				]),
			),
		);
		const firstSeq = lastRequestSeq(emulator);
		for (const testCase of CASES) {
			const before = lastRequestSeq(emulator);
			if (testCase.fault) emulator.injectFault(testCase.fault);
			const { run } = await n8n.executeWorkflow(testCase.workflowId);
			emulator.clearFaults();
			runs.set(testCase.workflowId, run);
			received.set(testCase.workflowId, emulator.requests(before));
		}
		fromN8n = emulator.requests(firstSeq);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	const failingPosts = CASES.filter((testCase) => testCase.fault !== undefined);

	it.each(failingPosts)('$label reaches VOD exactly once', ({ workflowId, fault }) => {
		const requests = received.get(workflowId) ?? [];
		const posts = requests.filter((request) => pathOf(request) === PROCESS_PATH);
		expect(posts, describeRequests(requests)).toHaveLength(1);
		expect(posts[0].method).toBe('POST');
		expect(authScheme(posts[0])).toBe('huawei-iam-token');
		expect(posts[0].outcome.fault).toBe(fault?.kind);
	});

	it.each(failingPosts)('$label ends as an error item', ({ workflowId }) => {
		const run = runs.get(workflowId);
		if (!run) throw new Error(`${workflowId} did not run`);
		const [output] = nodeJson(run, REQUEST_NODE);
		expect(output.error, JSON.stringify(output)).toBeDefined();
	});

	it('the 4xx is answered once and the later GET succeeds with the same token', () => {
		const notFound = received.get('HwSessGet4xx0001') ?? [];
		const vod = notFound.filter((request) => pathOf(request) !== SIGN_IN_PATH);
		expect(vod, describeRequests(notFound)).toHaveLength(1);
		expect(vod[0].outcome.status).toBeGreaterThanOrEqual(400);
		expect(vod[0].outcome.status).toBeLessThan(500);
		const run = runs.get('HwSessGetOk00001');
		if (!run) throw new Error('HwSessGetOk00001 did not run');
		expect(nodeJson(run, REQUEST_NODE)[0]).toMatchObject({ total: expect.any(Number) });
		const tokens = new Set(
			fromN8n
				.filter((request) => pathOf(request) !== SIGN_IN_PATH)
				.map((request) => request.headers['x-auth-token']),
		);
		expect(tokens.size, describeRequests(fromN8n)).toBe(1);
	});

	it('signed in to IAM once, for the first request, and never again within the token life', () => {
		const signIns = fromN8n.filter((request) => pathOf(request) === SIGN_IN_PATH);
		expect(signIns, describeRequests(fromN8n)).toHaveLength(1);
		expect(signIns[0].outcome.status).toBe(201);
		const firstWorkflow = received.get(CASES[0].workflowId) ?? [];
		expect(firstWorkflow.map(pathOf)[0]).toBe(SIGN_IN_PATH);
	});
});
