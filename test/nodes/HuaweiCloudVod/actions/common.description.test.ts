import { describe, expect, it } from 'vitest';

import { paceOption } from '../../../../nodes/HuaweiCloudVod/actions/common.description';

describe('Huawei VOD Max Requests per Second', () => {
	it("words VOD's per-minute limit in the kit's sentence, with the per-second pace it sets", () => {
		expect(paceOption('CreateAssetProcessTask')).toMatchObject({
			name: 'maxRequestsPerSecond',
			default: 1.6,
			description:
				'Pace of calls to VOD; 100 calls a minute (1.6 a second) is the documented per-account limit. Lower it when other clients share the account.',
		});
		expect(paceOption('ShowAssetDetail').description).toBe(
			'Pace of calls to VOD; 1500 calls a minute (25 a second) is the documented per-account limit. Lower it when other clients share the account.',
		);
	});

	it('says so in the words the other clouds use where VOD documents no limit', () => {
		expect(paceOption('ListAssetTaskInfo')).toMatchObject({
			default: 20,
			description:
				"Pace of calls to VOD; VOD documents no limit for this action; 20 is the node's default pace. Lower it when other clients share the account.",
		});
	});
});
