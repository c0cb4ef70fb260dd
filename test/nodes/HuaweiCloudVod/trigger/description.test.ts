import { describe, expect, it } from 'vitest';

import { HuaweiCloudVodTrigger } from '../../../../nodes/HuaweiCloudVod/HuaweiCloudVodTrigger.node';

const { properties } = new HuaweiCloudVodTrigger().description;
const property = (name: string) => properties.find((candidate) => candidate.name === name);

describe('Huawei Cloud VOD Trigger description', () => {
	it('shows the Replay Window only in MFS mode: SMN messages are not checked against it', () => {
		const options = property('options');
		expect(options?.options?.map((option) => option.name)).toContain('maxAgeSeconds');
		expect(options?.displayOptions).toEqual({ show: { mode: ['mfs'] } });
	});

	it("requires Topic URNs in SMN mode: SMN signs every account's topics", () => {
		expect(property('smnTopicUrns')).toMatchObject({
			required: true,
			displayOptions: { show: { mode: ['smn'] } },
		});
	});
});
