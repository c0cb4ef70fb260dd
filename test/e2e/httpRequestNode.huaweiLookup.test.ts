/**
 * n8n's HTTP Request node with a `huaweiCloudApi` AK/SK credential that has no Project ID, so the
 * credential looks the project up in IAM before signing. VOD's error answers (a 400 with a VOD code, a
 * gateway 404, a 500) must reach the user with the provider's code, each sent once: the credential's
 * guard against re-signing must never hide the answer or repeat the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiAccessKey, huaweiProjectId } from '../emulator/accounts';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { SEEDED_ASSET_IDS } from '../emulator/huawei';
import { startEmulator, type Emulator } from '../emulator/server';
import { lastRequestSeq, runWorkflowBatch, successfulRun } from './fixtures/batchRun';
import { authScheme, describeRequests, huaweiAkSkCredential } from './fixtures/clouds';
import {
	credential,
	httpRequestNode,
	manualWorkflow,
	N8nInstance,
	nodeJson,
	type BatchResult,
	type CredentialJson,
	type WorkflowJson,
} from './harness';

const REQUEST_NODE = 'Request';
const UNKNOWN_ASSET = 'ffffffffffffffffffffffffffffffff';

interface ErrorCase {
	label: string;
	workflowId: string;
	/** Path after the endpoint; `{project_id}` is filled in by the credential. */
	path: string;
	query: Record<string, string>;
	status: number;
	code: string;
}

const cases: ErrorCase[] = [
	{
		label: 'an unknown asset (VOD 400)',
		workflowId: 'HwLookupNoAsset01',
		path: '/v1.0/{project_id}/asset/details',
		query: { asset_id: UNKNOWN_ASSET },
		status: 400,
		code: 'VOD.10062',
	},
	{
		label: 'an API that does not exist (gateway 404)',
		workflowId: 'HwLookupNoSuchApi01',
		path: '/v1.0/{project_id}/asset/no-such-api',
		query: {},
		status: 404,
		code: 'APIGW.0101',
	},
	{
		label: 'a server error (VOD 500)',
		workflowId: 'HwLookup500Error01',
		path: '/v1/{project_id}/asset/thumbnails',
		query: { asset_id: SEEDED_ASSET_IDS[0] },
		status: 500,
		code: 'VOD.10051',
	},
];

function pathOf(request: RecordedRequest): string {
	return new URL(request.rawUrl, 'http://emulator').pathname;
}

/** The AK/SK credential of the other tests, with the Project ID left empty. */
function lookupCredential(emulatorUrl: string): CredentialJson {
	const base = huaweiAkSkCredential('HwLookupCred01', emulatorUrl);
	return credential(base.id, `${base.name} (project lookup)`, base.type, {
		...base.data,
		projectId: '',
	});
}

describe('HTTP Request node, huaweiCloudApi AK/SK with project lookup: VOD errors (real n8n)', () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let batch: BatchResult;
	let fromN8n: RecordedRequest[];

	beforeAll(async () => {
		emulator = await startEmulator({ jobDurationMs: 50 });
		emulator.injectFault({
			kind: 'serverError',
			status: 500,
			code: 'VOD.10051',
			match: { path: `/v1/${huaweiProjectId}/asset/thumbnails` },
		});
		const sinceSeq = lastRequestSeq(emulator);
		const lookup = lookupCredential(emulator.url);
		const workflows: WorkflowJson[] = cases.map((testCase) =>
			manualWorkflow(testCase.workflowId, `HTTP Request project lookup: ${testCase.label}`, [
				httpRequestNode({
					name: REQUEST_NODE,
					url: `${emulator.url}${testCase.path}`,
					credential: lookup,
					query: testCase.query,
					continueOnError: true,
				}),
			]),
		);
		n8n = await N8nInstance.create({ label: 'http-huawei-lookup' });
		({ batch, fromN8n } = await runWorkflowBatch(n8n, emulator, {
			credentials: [lookup],
			workflows,
			sinceSeq,
		}));
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	it.each(cases)('the node output carries the provider code for $label', (testCase) => {
		const [output] = nodeJson(successfulRun(batch, testCase.workflowId), REQUEST_NODE);
		const shown = JSON.stringify(output);
		expect(shown).toContain(testCase.code);
		expect(shown).toContain(String(testCase.status));
		expect(shown).not.toContain(huaweiAccessKey.secretAccessKey);
	});

	it.each(cases)('$label reached VOD once, signed, in the looked-up project', (testCase) => {
		const apiPath = testCase.path.replace('{project_id}', huaweiProjectId);
		const received = fromN8n.filter((request) => pathOf(request) === apiPath);
		expect(received, describeRequests(fromN8n)).toHaveLength(1);
		expect(received[0].outcome.status).toBe(testCase.status);
		expect(authScheme(received[0])).toBe('huawei-sdk-hmac');
	});

	it('the project was looked up in IAM, and the lookup was not repeated per error', () => {
		const lookups = fromN8n.filter((request) => pathOf(request) === '/v3/projects');
		expect(lookups.length, describeRequests(fromN8n)).toBeGreaterThanOrEqual(1);
		expect(lookups.length).toBeLessThanOrEqual(cases.length);
		for (const request of lookups) expect(request.outcome.status).toBe(200);
	});
});
