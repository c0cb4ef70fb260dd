import { describe, expect, it } from 'vitest';

import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, rpcFailure, waitFor, type Params } from '../../clients/aliyunRpc';

interface MediaSnapshot {
	Total: number;
	Regular?: string;
	Snapshots: { Snapshot: Array<{ Index: number; Url: string }> };
}

const VIDEO_ID = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b00001';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	start: { jobDurationMs: 10 },
	eachTest: () => {
		// One snapshot per second of a 1000 s video, so Count alone decides the total.
		emulator.seedVideos([{ videoId: VIDEO_ID, title: 'paging', durationSeconds: 1000 }]);
	},
});

async function snapshotJob(count: number): Promise<void> {
	const body = await callRpc<{ SnapshotJob: { JobId: string } }>(emulator, 'SubmitSnapshotJob', {
		VideoId: VIDEO_ID,
		Count: count,
	});
	await waitFor(() =>
		emulator.vodJob(body.SnapshotJob.JobId)?.state === 'Success' ? true : undefined,
	);
}

async function page(params: Params): Promise<MediaSnapshot> {
	const body = await callRpc<{ MediaSnapshot: MediaSnapshot }>(emulator, 'ListSnapshots', {
		VideoId: VIDEO_ID,
		SnapshotType: 'NormalSnapshot',
		...params,
	});
	return body.MediaSnapshot;
}

const indexes = (snapshot: MediaSnapshot) => snapshot.Snapshots.Snapshot.map((item) => item.Index);
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, offset) => from + offset);

describe('ListSnapshots paging (PageNo default 1, PageSize default 20, max 100)', () => {
	it('answers Total 0 and no snapshots when no job succeeded', async () => {
		expect(await page({})).toEqual({ Total: 0, Snapshots: { Snapshot: [] } });
	});

	it.each([
		{ count: 1, params: {}, expected: [1] },
		{ count: 20, params: {}, expected: range(1, 20) },
		{ count: 20, params: { PageNo: 2 }, expected: [] },
		{ count: 21, params: { PageNo: 1 }, expected: range(1, 20) },
		{ count: 21, params: { PageNo: 2 }, expected: [21] },
		{ count: 250, params: { PageSize: 100, PageNo: 3 }, expected: range(201, 250) },
		{ count: 100, params: { PageSize: 100 }, expected: range(1, 100) },
		{ count: 7, params: { PageSize: 3, PageNo: 3 }, expected: [7] },
	])(
		'$count snapshots, $params → indexes $expected.length',
		async ({ count, params, expected }) => {
			await snapshotJob(count);
			const result = await page(params);
			expect(result.Total).toBe(count);
			expect(indexes(result)).toEqual(expected);
		},
	);

	it('builds every URL from the Regular rule with a 5-digit index', async () => {
		await snapshotJob(3);
		const result = await page({});
		expect(result.Regular).toContain('{SnapshotCount}');
		for (const snapshot of result.Snapshots.Snapshot) {
			const expected = result.Regular?.replace(
				'{SnapshotCount}',
				String(snapshot.Index).padStart(5, '0'),
			);
			expect(snapshot.Url.split('?')[0]).toBe(expected);
		}
	});

	it.each([
		{ params: { PageSize: 101 }, code: 'InvalidParameter' },
		{ params: { PageSize: 0 }, code: 'InvalidParameter' },
		{ params: { PageNo: 0 }, code: 'InvalidParameter' },
	])('rejects $params', async ({ params, code }) => {
		expect(
			await rpcFailure(emulator, 'ListSnapshots', { VideoId: VIDEO_ID, ...params }),
		).toMatchObject({ status: 400, Code: code });
	});

	it('returns the cover snapshots by default (SnapshotType CoverSnapshot)', async () => {
		emulator.seedVideos([{ videoId: VIDEO_ID, coverCount: 2 }]);
		const body = await callRpc<{ MediaSnapshot: MediaSnapshot }>(emulator, 'ListSnapshots', {
			VideoId: VIDEO_ID,
		});
		expect(body.MediaSnapshot.Total).toBe(2);
	});

	it('rejects an unknown video with InvalidVideo.NotFound', async () => {
		expect(
			await rpcFailure(emulator, 'ListSnapshots', { VideoId: 'ffffffffffffffffffffffffffffffff' }),
		).toMatchObject({
			status: 404,
			Code: 'InvalidVideo.NotFound',
		});
	});
});
