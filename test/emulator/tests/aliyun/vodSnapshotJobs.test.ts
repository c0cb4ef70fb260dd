import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../aliyun/vod/videos';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, delay, rpcFailure, send, waitFor, type Params } from '../../clients/aliyunRpc';

interface ListSnapshotsBody {
	MediaSnapshot: {
		Total: number;
		JobId?: string;
		Regular?: string;
		CreationTime?: string;
		Snapshots: { Snapshot: Array<{ Index: number; Url: string }> };
	};
}

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(20) });

async function submit(params: Params): Promise<string> {
	const body = await callRpc<{ SnapshotJob: { JobId: string } }>(emulator, 'SubmitSnapshotJob', {
		VideoId: seedVideoIds.normal,
		...params,
	});
	return body.SnapshotJob.JobId;
}

async function finished(jobId: string): Promise<void> {
	await waitFor(
		() => (['Success', 'Fail'].includes(emulator.vodJob(jobId)?.state ?? '') ? true : undefined),
		3000,
		`job ${jobId}`,
	);
}

async function listSnapshots(params: Params): Promise<ListSnapshotsBody['MediaSnapshot']> {
	const body = await callRpc<ListSnapshotsBody>(emulator, 'ListSnapshots', {
		VideoId: seedVideoIds.normal,
		...params,
	});
	return body.MediaSnapshot;
}

describe('SubmitSnapshotJob job lifecycle', () => {
	it('goes Submitted → Snapshoting → Success and only then appears in ListSnapshots', async () => {
		emulator.setJobDuration(800);
		const jobId = await submit({ Count: 3 });
		expect(emulator.vodJob(jobId)?.state).toBe('Submitted');
		expect((await listSnapshots({ SnapshotType: 'NormalSnapshot' })).Total).toBe(0);
		await delay(550);
		expect(emulator.vodJob(jobId)?.state).toBe('Snapshoting');
		expect((await listSnapshots({ SnapshotType: 'NormalSnapshot' })).Total).toBe(0);
		await finished(jobId);
		expect(emulator.vodJob(jobId)?.state).toBe('Success');
		const listed = await listSnapshots({ SnapshotType: 'NormalSnapshot' });
		expect(listed).toMatchObject({ Total: 3, JobId: jobId });
		expect(listed.CreationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('lists only the latest successful job; a failed job does not replace it', async () => {
		const first = await submit({ Count: 2 });
		await finished(first);
		const second = await submit({ Count: 4 });
		await finished(second);
		expect(await listSnapshots({ SnapshotType: 'NormalSnapshot' })).toMatchObject({
			JobId: second,
			Total: 4,
		});
		emulator.failNextJobs('vod');
		const failed = await submit({ Count: 6 });
		await finished(failed);
		expect(emulator.vodJob(failed)?.state).toBe('Fail');
		expect(await listSnapshots({ SnapshotType: 'NormalSnapshot' })).toMatchObject({
			JobId: second,
			Total: 4,
		});
	});

	// The seeded video lasts 120.5 s; the doc: Interval 0 spreads Count evenly, and with both set the
	// setting giving fewer snapshots wins (Interval defaults to 1 s).
	it.each([
		{ params: { Count: 5 }, total: 5 },
		{ params: { Interval: 10 }, total: 13 },
		{ params: { Count: 30, Interval: 10 }, total: 13 },
		{ params: { Count: 4, Interval: 0 }, total: 4 },
		{ params: { Count: 500 }, total: 121 },
		{ params: { Interval: 10, SpecifiedOffsetTime: 100000 }, total: 3 },
		{ params: { SpecifiedOffsetTimes: '[1000,2000,3000]' }, total: 3 },
	])('takes $total snapshots for $params', async ({ params, total }) => {
		const jobId = await submit(params);
		await finished(jobId);
		expect((await listSnapshots({ SnapshotType: 'NormalSnapshot', PageSize: 1 })).Total).toBe(
			total,
		);
	});

	it('makes sprite sheets and keeps the cells unless KeepCellPic is delete', async () => {
		const kept = await submit({
			Count: 7,
			SpriteSnapshotConfig: JSON.stringify({ Lines: 2, Columns: 2 }),
		});
		await finished(kept);
		expect(await listSnapshots({ SnapshotType: 'SpriteSnapshot' })).toMatchObject({
			JobId: kept,
			Total: 2,
		});
		expect(await listSnapshots({ SnapshotType: 'SpriteOriginSnapshot' })).toMatchObject({
			JobId: kept,
			Total: 7,
		});
		emulator.reset();
		emulator.setJobDuration(20);
		const dropped = await submit({
			Count: 7,
			SpriteSnapshotConfig: JSON.stringify({ KeepCellPic: 'delete' }),
		});
		await finished(dropped);
		expect((await listSnapshots({ SnapshotType: 'SpriteSnapshot' })).Total).toBe(1);
		expect((await listSnapshots({ SnapshotType: 'SpriteOriginSnapshot' })).Total).toBe(0);
	});

	it('uses the template and ignores the other parameters when SnapshotTemplateId is set', async () => {
		const jobId = await submit({
			SnapshotTemplateId: 'a9f1c7e4b2d84c3e9e0f5a6b7c8d9e01',
			Count: 50,
		});
		await finished(jobId);
		expect((await listSnapshots({ SnapshotType: 'NormalSnapshot' })).Total).toBe(5);
	});

	it('accepts a Blocked video, as the doc allows', async () => {
		const body = await callRpc<{ SnapshotJob: { JobId: string } }>(emulator, 'SubmitSnapshotJob', {
			VideoId: seedVideoIds.blocked,
			Count: 1,
		});
		expect(body.SnapshotJob.JobId).toMatch(/^[0-9a-f]{32}$/);
	});
});

describe('SubmitSnapshotJob validation errors', () => {
	it.each([
		{ name: 'missing VideoId', params: { Count: 1 }, status: 400, code: 'MissingVideoId' },
		{
			name: 'unknown video',
			params: { VideoId: 'ffffffffffffffffffffffffffffffff', Count: 1 },
			status: 404,
			code: 'InvalidVideo.NotFound',
		},
		{
			name: 'video still uploading',
			params: { VideoId: seedVideoIds.uploading, Count: 1 },
			status: 400,
			code: 'Forbidden.IllegalStatus',
		},
		{
			name: 'transcode failed',
			params: { VideoId: seedVideoIds.transcodeFail, Count: 1 },
			status: 400,
			code: 'Forbidden.IllegalStatus',
		},
		{
			name: 'unknown template',
			params: { VideoId: seedVideoIds.normal, SnapshotTemplateId: 'nope' },
			status: 404,
			code: 'NoSuchResource',
		},
		{
			name: 'neither Count nor Interval',
			params: { VideoId: seedVideoIds.normal },
			status: 400,
			code: 'InvalidParameter',
		},
		{
			name: 'Width below 8',
			params: { VideoId: seedVideoIds.normal, Count: 1, Width: 4 },
			status: 400,
			code: 'InvalidParameter',
		},
		{
			name: 'negative Interval',
			params: { VideoId: seedVideoIds.normal, Interval: -1 },
			status: 400,
			code: 'InvalidParameter',
		},
		{
			name: 'sprite config not JSON',
			params: { VideoId: seedVideoIds.normal, Count: 1, SpriteSnapshotConfig: "{'Lines': 2}" },
			status: 400,
			code: 'InvalidParameter',
		},
		{
			name: '31 offset times',
			params: {
				VideoId: seedVideoIds.normal,
				SpecifiedOffsetTimes: JSON.stringify(Array.from({ length: 31 }, (_, i) => i * 1000)),
			},
			status: 400,
			code: 'InvalidParameter',
		},
	])('$name → $status $code', async ({ params, status, code }) => {
		expect(await rpcFailure(emulator, 'SubmitSnapshotJob', params)).toMatchObject({
			status,
			Code: code,
		});
	});
});

describe('snapshot downloads', () => {
	it('serves a real JPEG at every listed URL, sprite sheets included', async () => {
		const jobId = await submit({ Count: 2, SpriteSnapshotConfig: '{}' });
		await finished(jobId);
		for (const type of ['SpriteSnapshot', 'SpriteOriginSnapshot']) {
			const listed = await listSnapshots({ SnapshotType: type });
			for (const snapshot of listed.Snapshots.Snapshot) {
				const response = await send(emulator, 'GET', snapshot.Url.slice(emulator.url.length));
				expect(response.status).toBe(200);
				expect(response.headers['content-type']).toBe('image/jpeg');
			}
		}
	});

	it('starts with the JPEG SOI marker and ends with EOI', async () => {
		const jobId = await submit({ Count: 1 });
		await finished(jobId);
		const [snapshot] = (await listSnapshots({ SnapshotType: 'NormalSnapshot' })).Snapshots.Snapshot;
		const response = await fetch(snapshot.Url);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
	});

	it('treats an AuthTimeout below 3600 s as 3600 s', async () => {
		const [snapshot] = (await listSnapshots({ AuthTimeout: 60 })).Snapshots.Snapshot;
		const expires = Number(/auth_key=(\d+)-/.exec(snapshot.Url)?.[1]);
		expect(expires * 1000 - emulator.now()).toBeGreaterThan(3590_000);
		expect(expires * 1000 - emulator.now()).toBeLessThanOrEqual(3600_000);
		emulator.setClockSkew(30 * 60_000);
		expect((await fetch(snapshot.Url)).status).toBe(200);
		emulator.setClockSkew(2 * 3600_000);
		expect((await fetch(snapshot.Url)).status).toBe(403);
	});

	it('answers 404 for an image that was never produced', async () => {
		const response = await send(
			emulator,
			'GET',
			'/__emulator/media/ffffffffffffffffffffffffffffffff/normal-00001.jpg',
		);
		expect(response.status).toBe(404);
	});
});
