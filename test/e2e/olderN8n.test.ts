/**
 * The package in n8n 2.40.2, the oldest n8n of the supported range that installs (README,
 * "Requirements": 2.40.1 or later; 2.40.1 itself needs `@n8n/mcp-apps@0.17.1`, which the registry
 * lacks). Pinned in test/e2e/n8n-2.40.2/. It loads the package's nodes and credentials, runs a plain
 * VOD workflow against the emulator, and sends a refused request once and never again, from the HTTP
 * Request node and from the credential's Test (the same cases as rejectedKeys.test.ts on 2.41.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedVideoIds } from '../emulator/aliyun/vod/videos';
import { startEmulator, type Emulator } from '../emulator/server';
import { successfulRun } from './fixtures/batchRun';
import { aliyunCredential } from './fixtures/clouds';
import {
	describeRejectedKeys,
	runRejectedKeys,
	type RejectedKeyRuns,
} from './fixtures/rejectedKeys';
import {
	credentialRef,
	manualWorkflow,
	N8nInstance,
	nodeItems,
	nodeJson,
	packageNodeType,
	PACKAGE_MANIFEST,
	type BatchResult,
	type WorkflowJson,
} from './harness';

const N8N_FOLDER = 'test/e2e/n8n-2.40.2';
const N8N_VERSION = '2.40.2';
const VIDEO_ID = seedVideoIds.normal;
const SNAPSHOT_COUNT = 2;

describe(`the package in n8n ${N8N_VERSION}`, () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let vodBatch: BatchResult;
	let vodWorkflow: WorkflowJson;
	let nodeTypes: Array<{ name: string; credentials?: Array<{ name: string }> }>;
	/** Each of the package's credential types, and one n8n cannot know, → whether n8n knows it. */
	const credentialTypes = new Map<string, boolean>();
	let rejected: RejectedKeyRuns;

	beforeAll(async () => {
		emulator = await startEmulator({ jobDurationMs: 200 });
		n8n = await N8nInstance.create({ label: 'older-n8n', n8nFolder: N8N_FOLDER });
		const aliyun = aliyunCredential('OldN8nAliyun01', emulator.url, 'v3');
		vodWorkflow = manualWorkflow('OldN8nVod0001', `VOD in n8n ${N8N_VERSION}`, [
			{
				name: 'Get Video',
				type: packageNodeType('aliyunVod'),
				typeVersion: 1,
				parameters: { resource: 'video', operation: 'get', videoId: VIDEO_ID },
				credentials: credentialRef(aliyun),
			},
			{
				name: 'Snapshots',
				type: packageNodeType('aliyunVod'),
				typeVersion: 1,
				parameters: {
					resource: 'snapshot',
					operation: 'submit',
					videoId: '={{ $json.VideoId }}',
					snapshotSettings: { count: SNAPSHOT_COUNT, interval: 0 },
					waitForCompletion: true,
					downloadImages: true,
					options: { pollInterval: 0.5, maxWaitTime: 60 },
				},
				credentials: credentialRef(aliyun),
			},
		]);
		await n8n.importCredentials([aliyun]);
		await n8n.importWorkflows([vodWorkflow]);
		vodBatch = await n8n.executeBatch([vodWorkflow.id]);

		rejected = await runRejectedKeys(n8n, emulator, 'OldN8nRej', async (server) => {
			nodeTypes = await server.nodeTypeDescriptions(
				PACKAGE_MANIFEST.n8n.nodes.map((file) => ({
					name: packageNodeType(typeNameOf(file)),
					version: 1,
				})),
			);
			for (const file of [...PACKAGE_MANIFEST.n8n.credentials, 'unknownCredentialApi']) {
				const type = typeNameOf(file);
				credentialTypes.set(type, await server.knowsCredentialType(type));
			}
		});
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	it(`runs n8n ${N8N_VERSION}`, () => {
		expect(n8n.installation.n8nVersion).toBe(N8N_VERSION);
	});

	it('loads every node and credential of the package', () => {
		const nodeNames = PACKAGE_MANIFEST.n8n.nodes.map(typeNameOf);
		expect(nodeNames).toEqual(expect.arrayContaining(['aliyunVod', 'aliyunVodTrigger']));
		// n8n answers with the name as the package declares it, with or without the package prefix.
		expect(nodeTypes.map((type) => type.name.replace(/^.*\./, ''))).toEqual(nodeNames);
		const declaredCredentials = PACKAGE_MANIFEST.n8n.credentials.map(typeNameOf);
		expect(declaredCredentials).toEqual(expect.arrayContaining(['aliyunApi', 'huaweiCloudApi']));
		expect(Object.fromEntries(credentialTypes)).toEqual({
			...Object.fromEntries(declaredCredentials.map((name) => [name, true])),
			unknownCredentialApi: false,
		});
	});

	it('gets a video and submits a snapshot job, waits for it and downloads its images', () => {
		const run = successfulRun(vodBatch, vodWorkflow.id);
		expect(nodeJson(run, 'Get Video')).toEqual([
			expect.objectContaining({ VideoId: VIDEO_ID, Status: 'Normal' }),
		]);
		const snapshots = nodeItems(run, 'Snapshots');
		expect(snapshots).toHaveLength(SNAPSHOT_COUNT);
		for (const item of snapshots) {
			expect(item.json).toMatchObject({ JobId: expect.any(String), Url: expect.any(String) });
			expect(item.binary?.data?.mimeType).toBe('image/jpeg');
		}
	});

	describeRejectedKeys(() => rejected);
});

/** `dist/nodes/AliyunVod/AliyunVodTrigger.node.js` → `aliyunVodTrigger`, `…/AliyunApi.credentials.js` → `aliyunApi`. */
function typeNameOf(file: string): string {
	const base = (file.split('/').pop() ?? file).replace(/\.(node|credentials)\.js$/, '');
	return base.charAt(0).toLowerCase() + base.slice(1);
}
