import type { INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startImageServer } from '../../../support/imageServer';
import type { ImageServer } from '../../../support/imageServer';
import { nodeOutput } from '../../../support/inProcessN8n';
import { listSnapshotsPage } from '../fakeSnapshots';
import { againstEndpoint, runVod as runVodWith, VOD_NODE, vodErrorMessage } from '../harness';
import { vodStandInPerFile } from '../vodStandIn';
import type { VodStandIn } from '../vodStandIn';
import { submitParameters } from './snapshot/submitParameters';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

async function runVod(parameters: INodeParameters) {
	return await runVodWith(parameters, againstEndpoint(vod.url));
}

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';

let images: ImageServer;

beforeAll(async () => (images = await startImageServer()));
afterAll(async () => await images.close());

beforeEach(() =>
	vod.answer((call) => {
		if (call.action === 'SubmitSnapshotJob')
			return { RequestId: 'REQ-SUBMIT', SnapshotJob: { JobId: 'job-1' } };
		if (call.action === 'ListSnapshots')
			return listSnapshotsPage(call, 2, (index) => `${images.url}/img/${index}.jpg`);
		if (call.action === 'SearchMedia') return { RequestId: 'REQ-SEARCH', MediaList: [], Total: 0 };
		return { RequestId: 'REQ-GET', Video: { VideoId: call.params.VideoId } };
	}),
);

function submit(extra: Record<string, unknown> = {}) {
	return submitParameters(VIDEO_ID, extra);
}

function sentParam(action: string, name: string): unknown {
	return vod.calls().find((call) => call.action === action)?.params[name];
}

describe('expressions that give another type than the field declares', () => {
	it('sends a numeric Video ID as its text', async () => {
		const run = await runVod({ resource: 'video', operation: 'get', videoId: '={{ 12345 }}' });

		expect(vodErrorMessage(run)).toBeUndefined();
		expect(sentParam('GetVideoInfo', 'VideoId')).toBe('12345');
	});

	it('refuses a Video ID that is an object, naming the field, before any request', async () => {
		const run = await runVod({ resource: 'video', operation: 'get', videoId: '={{ { a: 1 } }}' });

		expect(vodErrorMessage(run)).toBe('Video ID must be text (got object)');
		expect(vod.calls()).toHaveLength(0);
	});

	it('checks a numeric Callback URL as text and refuses it before any request', async () => {
		const run = await runVod(submit({ userData: { callbackUrl: '={{ 123 }}' } }));

		expect(vodErrorMessage(run)).toBe(
			'Callback URL must be an http:// or https:// URL with a host (got "123")',
		);
		expect(vod.calls()).toHaveLength(0);
	});

	it('takes a Limit given as a string number', async () => {
		const run = await runVod({ resource: 'video', operation: 'search', limit: '={{ "50" }}' });

		expect(vodErrorMessage(run)).toBeUndefined();
		expect(sentParam('SearchMedia', 'PageSize')).toBe('50');
	});

	it('sends a Count given as a string number as that number', async () => {
		const run = await runVod(submit({ snapshotSettings: { count: '={{ "3" }}' } }));

		expect(vodErrorMessage(run)).toBeUndefined();
		expect(sentParam('SubmitSnapshotJob', 'Count')).toBe('3');
	});

	it.each([
		{ field: 'Count', parameters: { snapshotSettings: { count: '={{ "ten" }}' } } },
		{
			field: 'Sprite Columns',
			parameters: { sprite: true, spriteSnapshotConfig: { columns: '={{ "x" }}' } },
		},
		{
			field: 'Max Wait Time',
			parameters: { waitForCompletion: true, options: { maxWaitTime: '={{ "soon" }}' } },
		},
		{
			field: 'Max Requests per Second',
			parameters: { options: { maxRequestsPerSecond: '={{ [1] }}' } },
		},
	])(
		'refuses a $field that is not a number, naming it, before any request',
		async ({ field, parameters }) => {
			const run = await runVod(submit(parameters));

			expect(vodErrorMessage(run)).toMatch(new RegExp(`^${field} must be a number \\(got `));
			expect(vod.calls()).toHaveLength(0);
		},
	);

	it('puts images in a binary field named by a number, and refuses a list before any request', async () => {
		const getAll = (binaryPropertyName: string) => ({
			resource: 'snapshot',
			operation: 'getAll',
			videoId: VIDEO_ID,
			returnAll: true,
			downloadImages: true,
			options: { binaryPropertyName },
		});

		const named = await runVod(getAll('={{ 7 }}'));
		expect(vodErrorMessage(named)).toBeUndefined();
		expect(nodeOutput(named, VOD_NODE).map((item) => Object.keys(item.binary ?? {}))).toEqual([
			['7'],
			['7'],
		]);

		const sentBefore = vod.calls().length;
		const listed = await runVod(getAll('={{ ["a"] }}'));
		expect(vodErrorMessage(listed)).toBe('Put Output File in Field must be text (got a list)');
		expect(vod.calls()).toHaveLength(sentBefore);
	});
	it('reads switches given as the text "false" as off', async () => {
		const submitted = await runVod(
			submit({ sprite: '={{ "false" }}', waitForCompletion: '={{ "FALSE" }}' }),
		);
		expect(vodErrorMessage(submitted)).toBeUndefined();
		expect(sentParam('SubmitSnapshotJob', 'SpriteSnapshotConfig')).toBeUndefined();
		expect(vod.calls().map((call) => call.action)).toEqual(['SubmitSnapshotJob']);

		const listed = await runVod({
			resource: 'snapshot',
			operation: 'getAll',
			videoId: VIDEO_ID,
			returnAll: '={{ "false" }}',
			limit: 1,
			downloadImages: '={{ "false" }}',
		});
		expect(vodErrorMessage(listed)).toBeUndefined();
		expect(nodeOutput(listed, VOD_NODE).map((item) => item.binary)).toEqual([undefined]);
	});

	it('refuses a Download Images that is neither true nor false, before any request', async () => {
		const run = await runVod({
			resource: 'snapshot',
			operation: 'getAll',
			videoId: VIDEO_ID,
			returnAll: true,
			downloadImages: '={{ "yes" }}',
		});

		expect(vodErrorMessage(run)).toBe('Download Images must be true or false (got "yes")');
		expect(vod.calls()).toHaveLength(0);
	});
});
