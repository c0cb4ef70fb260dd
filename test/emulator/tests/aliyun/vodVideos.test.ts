import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../aliyun/vod/videos';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, rpcFailure } from '../../clients/aliyunRpc';

interface SearchBody {
	Total: number;
	ScrollToken?: string;
	MediaList: Array<{
		MediaType: string;
		MediaId: string;
		Video: { VideoId: string; Title: string; Status: string };
	}>;
}

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

const search = async (params: Record<string, string | number>) =>
	await callRpc<SearchBody>(emulator, 'SearchMedia', params);
const ids = (body: SearchBody) => body.MediaList.map((media) => media.MediaId);

describe('GetVideoInfo', () => {
	it('returns the seeded video with its cover snapshots', async () => {
		const body = await callRpc<{ Video: Record<string, unknown> }>(emulator, 'GetVideoInfo', {
			VideoId: seedVideoIds.normal,
		});
		expect(body.Video).toMatchObject({
			VideoId: seedVideoIds.normal,
			Title: 'Emulator sample clip',
			Status: 'Normal',
			Duration: 120.5,
			AppId: 'app-1000000',
			CreationTime: '2026-01-05T08:00:00Z',
		});
		expect(body.Video.Snapshots).toEqual({
			Snapshot: expect.arrayContaining([expect.stringContaining('cover-00001.jpg')]),
		});
		expect(body.Video.CoverURL).toContain('cover-00001.jpg');
	});

	it.each([
		{ params: {}, status: 400, code: 'MissingVideoId' },
		{
			params: { VideoId: 'ffffffffffffffffffffffffffffffff' },
			status: 404,
			code: 'InvalidVideo.NotFound',
		},
	])('rejects $params with $code', async ({ params, status, code }) => {
		expect(await rpcFailure(emulator, 'GetVideoInfo', params)).toMatchObject({
			status,
			Code: code,
		});
	});

	it('shows videos seeded through the control API', async () => {
		emulator.seedVideos([
			{
				videoId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
				title: 'Seeded',
				status: 'Checking',
				durationSeconds: 9,
			},
		]);
		const body = await callRpc<{ Video: Record<string, unknown> }>(emulator, 'GetVideoInfo', {
			VideoId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
		});
		expect(body.Video).toMatchObject({ Title: 'Seeded', Status: 'Checking', Duration: 9 });
	});
});

describe('SearchMedia (SearchType video)', () => {
	it('filters with Status in (...), newest first by default', async () => {
		const body = await search({ Match: "Status in ('Normal','Blocked')" });
		expect(body.Total).toBe(3);
		expect(ids(body)).toEqual([seedVideoIds.blocked, seedVideoIds.unicode, seedVideoIds.normal]);
		expect(body.MediaList[0]).toMatchObject({
			MediaType: 'video',
			Video: { VideoId: seedVideoIds.blocked },
		});
	});

	it("matches Title = '...' as a fuzzy match, Chinese included", async () => {
		expect(ids(await search({ Match: "Title = '截图'" }))).toEqual([seedVideoIds.unicode]);
		expect(
			ids(
				await search({ Match: "Title = 'clip' and Status = 'Normal'", SortBy: 'CreationTime:Asc' }),
			),
		).toEqual([seedVideoIds.normal, seedVideoIds.unicode]);
	});

	it('pages with PageNo/PageSize and continues with ScrollToken', async () => {
		const first = await search({ PageSize: 4, SortBy: 'CreationTime:Asc' });
		expect(first.Total).toBe(6);
		expect(first.MediaList).toHaveLength(4);
		const second = await search({ PageSize: 4, PageNo: 2, SortBy: 'CreationTime:Asc' });
		expect(ids(second)).toEqual([seedVideoIds.uploading, seedVideoIds.transcodeFail]);
		const scrolled = await search({
			PageSize: 4,
			ScrollToken: first.ScrollToken ?? '',
			SortBy: 'CreationTime:Asc',
		});
		expect(ids(scrolled)).toEqual(ids(second));
	});

	it.each([
		{ params: { PageSize: 101 }, code: 'InvalidParameter' },
		{ params: { Match: 'Colour = red' }, code: 'InvalidParameter' },
		{ params: { ScrollToken: 'unknown' }, code: 'InvalidParameter' },
	])('rejects $params', async ({ params, code }) => {
		expect(await rpcFailure(emulator, 'SearchMedia', params)).toMatchObject({
			status: 400,
			Code: code,
		});
	});
});
