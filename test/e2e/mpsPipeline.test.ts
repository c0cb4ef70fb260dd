/**
 * An MPS snapshot pipeline in a real n8n 2.41.1 against the emulator: Manual Trigger → a sprite (Tile Out)
 * Submit and a normal Submit of the Alibaba Cloud MPS node, each with Wait for Completion and Download
 * Images; then a workflow whose job MPS fails, under continue-on-fail. One `n8n execute` per workflow.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aliyunAccessKey } from '../emulator/accounts';
import { TINY_JPEG } from '../emulator/core/jpeg';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorAliyunCredential } from '../demo/examples';
import { authScheme, describeRequests } from './fixtures/clouds';
import {
	credentialRef,
	MANUAL_TRIGGER_NAME,
	manualWorkflow,
	N8nInstance,
	nodeItems,
	packageNodeType,
	type CliRun,
	type CredentialJson,
	type NodeSpec,
} from './harness';

const PIPELINE_ID = 'E2eMpsPipeline01';
const FAIL_ID = 'E2eMpsFail0001';
const SPRITE = 'Sprite Sheets';
const NORMAL = 'Snapshots';
const FAILING = 'Snapshots of a Bad Video';
const OUTPUT_BUCKET = 'mps-e2e-out';
const FAILURE = {
	code: 'InvalidParameter.ResourceContentBad',
	message: 'The resource operated InputFile is bad',
};

let emulator: Emulator;
let n8n: N8nInstance;
let pipeline: CliRun;
let failing: CliRun;

function submitNode(
	name: string,
	aliyun: CredentialJson,
	parameters: INodeParameters,
	onError?: NodeSpec['onError'],
): NodeSpec {
	return {
		name,
		type: packageNodeType('aliyunMps'),
		typeVersion: 1,
		after: [MANUAL_TRIGGER_NAME],
		credentials: credentialRef(aliyun),
		onError,
		parameters: {
			resource: 'snapshotJob',
			operation: 'submit',
			inputSource: 'url',
			inputUrl: 'https://videos.oss-cn-shanghai.aliyuncs.com/in/clip%201.mp4',
			outputBucket: OUTPUT_BUCKET,
			outputLocation: 'oss-cn-shanghai',
			waitForCompletion: true,
			downloadImages: true,
			options: { pollInterval: 0.5, maxWaitTime: 60 },
			...parameters,
		},
	};
}

function isOssGet(request: RecordedRequest): boolean {
	return request.method === 'GET' && request.rawUrl.startsWith(`/${OUTPUT_BUCKET}/`);
}

beforeAll(async () => {
	emulator = await startEmulator({ jobDurationMs: 300 });
	n8n = await N8nInstance.create({ label: 'mps-pipeline' });
	const aliyun = emulatorAliyunCredential('E2eMpsAliyun01', emulator.url);
	await n8n.importCredentials([aliyun]);
	await n8n.importWorkflows([
		manualWorkflow(PIPELINE_ID, 'MPS pipeline', [
			submitNode(SPRITE, aliyun, {
				outputObject: 'e2e/sprite/cells/{Count}.jpg',
				snapshotSettings: { num: 10, interval: 1, width: 160, height: 90 },
				tileOut: true,
				tileOutputObject: 'e2e/sprite/sheet-{TileCount}.jpg',
				tileOutSettings: { lines: 2, columns: 5, keepCellPictures: false },
			}),
			submitNode(NORMAL, aliyun, {
				outputObject: 'e2e/normal/frame.jpg',
				snapshotSettings: { num: 3, time: 0 },
			}),
		]),
		manualWorkflow(FAIL_ID, 'MPS failing job', [
			submitNode(
				FAILING,
				aliyun,
				{ outputObject: 'e2e/bad/{Count}.jpg', snapshotSettings: { num: 2, time: 0 } },
				'continueRegularOutput',
			),
		]),
	]);
	emulator.clearRequests();
	pipeline = (await n8n.executeWorkflow(PIPELINE_ID, { timeoutMs: 240_000 })).run;
	emulator.failNextJobs('mts', FAILURE);
	failing = (await n8n.executeWorkflow(FAIL_ID, { timeoutMs: 240_000 })).run;
}, 600_000);

afterAll(async () => {
	await n8n?.dispose();
	await emulator?.close();
});

function expectImage(item: INodeExecutionData, fileName: string): void {
	const binary = item.binary?.data;
	expect(binary?.fileName).toBe(fileName);
	expect(binary?.mimeType).toBe('image/jpeg');
	expect(binary?.fileSize).toBe(`${TINY_JPEG.length} B`);
	expect(item.pairedItem).toEqual({ item: 0 });
}

describe('MPS pipeline in real n8n', () => {
	it('runs to success', () => {
		expect(pipeline.data.resultData.error?.message).toBeUndefined();
		expect(pipeline.status).toBe('success');
	});

	it('the sprite job gives its one sheet as binary, under the {TileCount} key, without dropped cells', () => {
		const items = nodeItems(pipeline, SPRITE);
		expect(items.map((item) => [item.json.Type, item.json.Index, item.json.Object])).toEqual([
			['tile', 1, 'e2e/sprite/sheet-00001.jpg'],
		]);
		expect(items[0].json).toMatchObject({ State: 'Success', Bucket: OUTPUT_BUCKET });
		expectImage(items[0], 'sheet-00001.jpg');
		expect(emulator.mpsJob(String(items[0].json.JobId))?.state).toBe('Success');
	});

	it('the normal job gives each snapshot as binary, under the {Count} key the node added', () => {
		const items = nodeItems(pipeline, NORMAL);
		expect(items.map((item) => item.json.Object)).toEqual([
			'e2e/normal/frame-00001.jpg',
			'e2e/normal/frame-00002.jpg',
			'e2e/normal/frame-00003.jpg',
		]);
		items.forEach((item, index) => expectImage(item, `frame-0000${index + 1}.jpg`));
		for (const item of items) expect(String(item.json.Url)).toContain('x-oss-signature=');
	});

	it('sent only signed MPS calls, and fetched each image once with an OSS-signed GET', () => {
		const requests = emulator.requests();
		const api = requests.filter((request) => request.action !== undefined);
		expect(new Set(api.map((request) => request.action))).toEqual(
			new Set(['SubmitSnapshotJob', 'QuerySnapshotJobList']),
		);
		for (const request of api) {
			expect(authScheme(request), describeRequests([request])).toBe('aliyun-acs3');
			expect(request.identity).toBe(aliyunAccessKey.accessKeyId);
		}
		const gets = requests.filter(isOssGet);
		expect(gets.map((request) => new URL(request.rawUrl, emulator.url).pathname).sort()).toEqual([
			`/${OUTPUT_BUCKET}/e2e/normal/frame-00001.jpg`,
			`/${OUTPUT_BUCKET}/e2e/normal/frame-00002.jpg`,
			`/${OUTPUT_BUCKET}/e2e/normal/frame-00003.jpg`,
			`/${OUTPUT_BUCKET}/e2e/sprite/sheet-00001.jpg`,
		]);
		for (const request of gets) {
			expect(new URL(request.rawUrl, emulator.url).searchParams.get('x-oss-signature')).toMatch(
				/^[0-9a-f]{64}$/,
			);
			expect(request.outcome.status).toBe(200);
		}
	});
});

describe('a failing MPS job under continue-on-fail in real n8n', () => {
	it("gives MPS's code and message as an error item naming the job, and the run succeeds", () => {
		expect(failing.status).toBe('success');
		const items = nodeItems(failing, FAILING);
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toMatch(
			/^MPS snapshot job [0-9a-f]{32} failed: InvalidParameter\.ResourceContentBad: The resource operated InputFile is bad$/,
		);
		expect(items[0].json.details).toMatchObject({ jobId: expect.stringMatching(/^[0-9a-f]{32}$/) });
		expect(items[0].binary).toBeUndefined();
	});
});
