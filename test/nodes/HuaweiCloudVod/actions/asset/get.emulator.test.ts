import { describe, expect, it } from 'vitest';

import { huaweiAccessKey, huaweiTemporaryKey } from '../../../../emulator/accounts';
import { SEEDED_ASSET_IDS } from '../../../../emulator/huawei';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { huaweiEmulatorPerFile } from '../../emulatorRuns';
import {
	akSkCredentials,
	HW_NODE,
	hwErrorMessage,
	passwordCredentials,
	runHuaweiVod,
} from '../../harness';

let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

const ASSET_ID = SEEDED_ASSET_IDS[1];

function getThumbnailInfo() {
	return { resource: 'asset', operation: 'get', assetId: ASSET_ID, categories: ['thumbnail_info'] };
}

describe('Asset → Get against the emulator, with every way the credential signs', () => {
	it.each([
		['a permanent AK/SK', () => akSkCredentials(emulator.url)],
		[
			'temporary AK/SK with a security token',
			() => akSkCredentials(emulator.url, huaweiTemporaryKey),
		],
		['an IAM token (password sign-in)', () => passwordCredentials(emulator.url)],
		[
			'an IAM token with the project id resolved from the region',
			() => passwordCredentials(emulator.url, ''),
		],
	])('gets the asset details with %s', async (_name, credentials) => {
		const run = await runHuaweiVod(getThumbnailInfo(), { credentials: credentials() });
		expect(hwErrorMessage(run)).toBeUndefined();
		expect(nodeOutput(run, HW_NODE).map((item) => item.json)).toEqual([
			{
				asset_id: ASSET_ID,
				thumbnail_info: {
					sample: [],
					dots: [],
					quantity: [],
					exec_desc: '',
					thumbnail_status: 'UN_THUMBNAIL',
				},
			},
		]);
	});

	it('does not re-send after an AK/SK 401 (Huawei locks a key after 5 failures)', async () => {
		// the permanent key id signed with another key's secret
		const wrong = akSkCredentials(emulator.url, {
			accessKeyId: huaweiAccessKey.accessKeyId,
			secretAccessKey: huaweiTemporaryKey.secretAccessKey,
		});
		const run = await runHuaweiVod(getThumbnailInfo(), { credentials: wrong });
		expect(hwErrorMessage(run)).toContain('APIGW.0301');
		const vodRequests = emulator
			.requests()
			.filter((request) => request.rawUrl.startsWith('/v1.0/'));
		expect(vodRequests).toHaveLength(1);
	});
});
