import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile } from '../../huaweiStandIn';
import type { HuaweiStandIn } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

const ASSET_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

const details = {
	asset_id: ASSET_ID,
	thumbnail_info: {
		sample: [{ offset: 0, url: 'https://cdn.example.invalid/0.jpg' }],
		dots: [],
		quantity: [],
		exec_desc: '',
		thumbnail_status: 'THUMBNAIL_SUCCEED',
	},
};

function get(categories: string[] | string, assetId = ASSET_ID) {
	return { resource: 'asset', operation: 'get', assetId, categories };
}

describe('Asset → Get (GET asset/details)', () => {
	it('sends the chosen categories as repeated keys in a signed request and outputs the details as VOD returns them', async () => {
		vod.answer(() => details);
		const result = await runHuaweiVod(get(['thumbnail_info', 'base_info']), against(vod.url));
		expect(vod.calls()).toEqual([
			{
				method: 'GET',
				path: `/v1.0/${huaweiProjectId}/asset/details`,
				query: [
					['asset_id', ASSET_ID],
					['categories', 'base_info'],
					['categories', 'thumbnail_info'],
				],
				body: undefined,
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE)).toEqual([{ json: details, pairedItem: { item: 0 } }]);
	});

	it('sends no categories when none is chosen, so VOD returns them all', async () => {
		vod.answer(() => details);
		await runHuaweiVod(get([]), against(vod.url));
		expect(vod.calls()[0].query).toEqual([['asset_id', ASSET_ID]]);
	});

	it.each<[string, ReturnType<typeof get>, string]>([
		['a blank Asset ID', get([], ' '), 'Asset ID is required'],
		[
			'an unknown category from an expression',
			get('={{ ["cover_info"] }}'),
			'Categories must be a list of base_info, review_info, thumbnail_info, transcode_info (got ["cover_info"])',
		],
	])('refuses %s before any request', async (_name, parameters, message) => {
		const result = await runHuaweiVod(parameters, against(vod.url));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});
});
