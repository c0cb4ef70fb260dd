import { describe, expect, it } from 'vitest';

import { AliyunMps } from '../../../nodes/AliyunMps/AliyunMps.node';
import { AliyunMpsTrigger } from '../../../nodes/AliyunMps/AliyunMpsTrigger.node';

const { description } = new AliyunMps();

function operations() {
	const operation = description.properties.find((property) => property.name === 'operation');
	return (operation?.options ?? []) as Array<{
		name: string;
		value: string;
		action: string;
		description: string;
	}>;
}

describe('Alibaba Cloud MPS node description', () => {
	it('is aliyunMps on the aliyunApi credential, usable as an AI tool, with light and dark icons', () => {
		expect(description).toMatchObject({
			name: 'aliyunMps',
			displayName: 'Alibaba Cloud MPS',
			usableAsTool: true,
			credentials: [{ name: 'aliyunApi', required: true }],
			icon: {
				light: 'file:../../icons/aliyunMps.svg',
				dark: 'file:../../icons/aliyunMps.dark.svg',
			},
		});
	});

	it('offers Submit, Get and Get Many, named with the API words a user searches for', () => {
		expect(operations().map((option) => [option.name, option.value])).toEqual([
			['Get', 'get'],
			['Get Many', 'getAll'],
			['Submit', 'submit'],
		]);
		const texts = operations()
			.map((option) => `${option.action} ${option.description}`)
			.join(' ');
		for (const words of [
			'Query snapshot jobs',
			'QuerySnapshotJobList',
			'SubmitSnapshotJob',
			'Get many snapshot jobs',
		])
			expect(texts).toContain(words);
	});

	it('has a polling trigger on the same credential', () => {
		expect(new AliyunMpsTrigger().description).toMatchObject({
			name: 'aliyunMpsTrigger',
			polling: true,
			credentials: [{ name: 'aliyunApi', required: true }],
		});
	});
});
