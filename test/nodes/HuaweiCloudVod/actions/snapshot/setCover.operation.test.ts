import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile, VodStandInError } from '../../huaweiStandIn';
import type { HuaweiStandIn } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

const URL = 'https://179.cdn-vod.huaweicloud.com/asset/14d7/snapshot/sample/5.jpg';

function setCover(thumbnailUrl: string) {
	return { resource: 'snapshot', operation: 'setCover', thumbnailUrl };
}

describe('Snapshot → Set as Cover (PUT asset/cover)', () => {
	it('sends the URL as thumbnailUrl in a signed JSON body, reads the 204 and outputs what was set', async () => {
		vod.answer(() => undefined);
		const result = await runHuaweiVod(setCover(` ${URL} `), against(vod.url));
		expect(vod.calls()).toEqual([
			{
				method: 'PUT',
				path: `/v1.0/${huaweiProjectId}/asset/cover`,
				query: [],
				body: { thumbnailUrl: URL },
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE).map((item) => item.json)).toEqual([
			{ thumbnailUrl: URL, success: true },
		]);
	});

	it('reports VOD refusing a URL that is no snapshot of the account', async () => {
		vod.answer(() => {
			throw new VodStandInError(
				400,
				'VOD.10062',
				'Media asset or resource does not exist, please check.',
			);
		});
		const result = await runHuaweiVod(setCover(URL), against(vod.url));
		expect(hwErrorMessage(result)).toContain('VOD.10062');
	});

	it.each([
		['a blank URL', ' ', 'Snapshot URL is required'],
		[
			'a URL that is not http(s)',
			'ftp://cdn/x.jpg',
			'Snapshot URL must be an http:// or https:// URL with a host (got "ftp://cdn/x.jpg")',
		],
	])('refuses %s before any request', async (_name, url, message) => {
		const result = await runHuaweiVod(setCover(url), against(vod.url));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});
});
