/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The example "scheduled snapshot pipeline" (examples/scheduled-snapshot-pipeline.json) in a real n8n
 * 2.41.1 against the emulator: Search Videos → sprite and normal Submit with wait and download → Merge →
 * Read/Write Files from Disk. One `n8n execute` (plus the imports).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aliyunAccessKey } from '../emulator/accounts';
import { TINY_JPEG } from '../emulator/core/jpeg';
import { MEDIA_PATH_PREFIX } from '../emulator/core/media';
import type { RecordedRequest } from '../emulator/core/requestLog';
import { startEmulator, type Emulator } from '../emulator/server';
import {
	emulatorAliyunCredential,
	EXAMPLE_OUTPUT_FOLDER,
	loadExample,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	prepareExample,
} from '../demo/examples';
import { authScheme, describeRequests } from './fixtures/clouds';
import { N8nInstance, nodeItems, nodeJson, type CliRun } from './harness';

const WORKFLOW_ID = 'E2ePipeline0001';
/** The example's settings: sprite Count 10 in 2×5 sheets, normal Count 3, per video. */
const SPRITE_SHEETS_PER_VIDEO = 1;
const NORMAL_SNAPSHOTS_PER_VIDEO = 3;

let emulator: Emulator;
let n8n: N8nInstance;
let outputDir: string;
let run: CliRun;
let exitCode: number | null;

function pairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (typeof paired === 'object' && paired !== null && !Array.isArray(paired)) return paired.item;
	throw new Error(`item has no single pairedItem: ${JSON.stringify(paired)}`);
}

function isMediaDownload(request: RecordedRequest): boolean {
	return request.method === 'GET' && request.rawUrl.startsWith(MEDIA_PATH_PREFIX);
}

beforeAll(async () => {
	emulator = await startEmulator({ jobDurationMs: 300 });
	outputDir = await mkdtemp(path.join(tmpdir(), 'e2e-pipeline-out-'));
	n8n = await N8nInstance.create({
		label: 'pipeline',
		env: { N8N_RESTRICT_FILE_ACCESS_TO: outputDir },
	});
	const aliyun = emulatorAliyunCredential('E2ePipeAliyun01', emulator.url);
	const example = loadExample(PIPELINE_EXAMPLE);
	// Poll every 0.5 s instead of the example's 2 s: the jobs take 0.3 s here.
	const workflow = prepareExample(example, {
		id: WORKFLOW_ID,
		credentials: [aliyun],
		replaceText: [[EXAMPLE_OUTPUT_FOLDER, `${outputDir}/`]],
	});
	for (const node of workflow.nodes) {
		const options = node.parameters.options;
		if (
			typeof options === 'object' &&
			options !== null &&
			!Array.isArray(options) &&
			'pollInterval' in options
		) {
			node.parameters.options = { ...options, pollInterval: 0.5 };
		}
	}
	await n8n.importCredentials([aliyun]);
	await n8n.importWorkflows([workflow]);
	emulator.clearRequests();
	const result = await n8n.executeWorkflow(WORKFLOW_ID, { timeoutMs: 240_000 });
	run = result.run;
	exitCode = result.exitCode;
});

afterAll(async () => {
	await n8n?.dispose();
	await emulator?.close();
	if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

describe('example scheduled snapshot pipeline in real n8n', () => {
	it('runs to success from the Manual Trigger', () => {
		expect(run.data.resultData.error?.message).toBeUndefined();
		expect(run.status).toBe('success');
		expect(exitCode).toBe(0);
		const ran = Object.keys(run.data.resultData.runData);
		expect(ran).toContain(PIPELINE_NODES.manualTrigger);
		expect(ran).not.toContain('Every Day at 03:00');
	});

	it('finds the Normal videos with Search Videos', () => {
		const expected = emulator
			.videos()
			.filter((video) => video.status === 'Normal')
			.map((video) => video.videoId)
			.sort();
		const found = nodeJson(run, PIPELINE_NODES.search).map((json) => String(json.MediaId));
		expect(found.sort()).toEqual(expected);
		expect(found.length).toBeGreaterThan(1);
	});

	it('submits one sprite and one normal job per video, and each job finished', () => {
		const videos = nodeJson(run, PIPELINE_NODES.search).map((json) => String(json.MediaId));
		const submits = emulator.requests().filter((request) => request.action === 'SubmitSnapshotJob');
		expect(submits).toHaveLength(videos.length * 2);
		for (const nodeName of [PIPELINE_NODES.sprite, PIPELINE_NODES.normal]) {
			const jobIds = new Set(nodeJson(run, nodeName).map((json) => String(json.JobId)));
			expect(jobIds.size).toBe(videos.length);
			for (const jobId of jobIds) expect(emulator.vodJob(jobId)?.state).toBe('Success');
		}
		const spriteJobs = [
			...new Set(nodeJson(run, PIPELINE_NODES.sprite).map((json) => String(json.JobId))),
		];
		for (const jobId of spriteJobs) {
			expect(emulator.vodJob(jobId)?.outputs.map((output) => output.type)).toEqual([
				'SpriteSnapshot',
			]);
		}
	});

	it.each([
		[PIPELINE_NODES.sprite, SPRITE_SHEETS_PER_VIDEO],
		[PIPELINE_NODES.normal, NORMAL_SNAPSHOTS_PER_VIDEO],
	])('%s outputs one image item per snapshot, paired with its video', (nodeName, perVideo) => {
		const videos = nodeJson(run, PIPELINE_NODES.search).map((json) => String(json.MediaId));
		const items = nodeItems(run, nodeName);
		expect(items).toHaveLength(videos.length * perVideo);
		for (const item of items) {
			const videoIndex = pairedIndex(item);
			expect(videoIndex).toBeGreaterThanOrEqual(0);
			// The job that made the image belongs to the video of the paired input item.
			expect(emulator.vodJob(String(item.json.JobId))?.videoId).toBe(videos[videoIndex]);
			expect(item.json).toMatchObject({
				Total: perVideo,
				JobId: expect.any(String),
				Url: expect.any(String),
			});
			const binary = item.binary?.data;
			expect(binary?.mimeType).toBe('image/jpeg');
			expect(binary?.fileName).toMatch(/^(sprite|normal)-\d{5}\.jpg$/);
			expect(binary?.fileExtension).toBe('jpg');
			// n8n reports the size with pretty-bytes; the files written below are checked byte for byte.
			expect(binary?.fileSize).toBe(`${TINY_JPEG.length} B`);
		}
		const indexes = items.map((item) => Number(item.json.Index)).sort((a, b) => a - b);
		expect(indexes).toEqual(
			Array.from(
				{ length: videos.length * perVideo },
				(_, at) => Math.floor(at / videos.length) + 1,
			),
		);
	});

	it('writes every image, with its bytes, through Read/Write Files from Disk', async () => {
		const written = nodeItems(run, PIPELINE_NODES.write);
		const images =
			nodeItems(run, PIPELINE_NODES.sprite).length + nodeItems(run, PIPELINE_NODES.normal).length;
		expect(written).toHaveLength(images);
		const files = (await readdir(outputDir)).sort();
		expect(files).toHaveLength(images);
		const expectedNames = written.map(
			(item) => `${String(item.json.JobId)}-${item.binary?.data.fileName ?? ''}`,
		);
		expect(files).toEqual(expectedNames.sort());
		for (const file of files) {
			const bytes = await readFile(path.join(outputDir, file));
			expect(bytes.length).toBe(TINY_JPEG.length);
			expect(bytes.equals(TINY_JPEG)).toBe(true);
		}
	});

	it('sent the emulator only signed API calls and signed media URLs', () => {
		const requests = emulator.requests();
		const api = requests.filter((request) => !isMediaDownload(request));
		const media = requests.filter(isMediaDownload);
		expect(api.length).toBeGreaterThan(0);
		for (const request of api) {
			expect(authScheme(request), describeRequests([request])).toBe('aliyun-acs3');
			expect(request.identity).toBe(aliyunAccessKey.accessKeyId);
			expect(request.outcome.status, describeRequests([request])).toBe(200);
		}
		const actions = new Set(api.map((request) => request.action));
		expect([...actions].sort()).toEqual(['ListSnapshots', 'SearchMedia', 'SubmitSnapshotJob']);
		const images = nodeItems(run, PIPELINE_NODES.write).length;
		expect(media).toHaveLength(images);
		for (const request of media) {
			expect(new URL(request.rawUrl, emulator.url).searchParams.get('auth_key')).toMatch(
				/^\d+-0-0-[0-9a-f]{32}$/,
			);
			expect(request.outcome.status).toBe(200);
		}
	});
});
