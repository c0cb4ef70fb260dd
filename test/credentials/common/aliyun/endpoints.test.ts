import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { aliyunEndpoint } from '../../../../credentials/common/aliyun/endpoints';

const credentials: ICredentialDataDecryptedObject = {
	accessKeyId: 'id',
	accessKeySecret: 'secret',
	regionId: 'cn-shanghai',
};

describe('aliyunEndpoint', () => {
	it.each([
		['cn-shanghai', 'vod', 'https://vod.cn-shanghai.aliyuncs.com'],
		['ap-southeast-1', 'vod', 'https://vod.ap-southeast-1.aliyuncs.com'],
		['cn-hangzhou', 'vod', 'https://vod.cn-shanghai.aliyuncs.com'],
		['cn-hangzhou', 'mts', 'https://mts.cn-hangzhou.aliyuncs.com'],
		['eu-west-1', 'mts', 'https://mts.eu-west-1.aliyuncs.com'],
	] as const)('%s %s defaults to %s', (regionId, product, endpoint) => {
		expect(aliyunEndpoint({ ...credentials, regionId }, product)).toBe(endpoint);
	});

	it.each([
		['eu-west-1', 'vod'],
		['me-central-1', 'mts'],
	] as const)('refuses %s for %s, naming the Region field', (regionId, product) => {
		expect(() => aliyunEndpoint({ ...credentials, regionId }, product)).toThrow(/"Region"/);
	});

	it('uses an override as a bare origin', () => {
		expect(aliyunEndpoint({ ...credentials, vodEndpoint: ' http://127.0.0.1:8080/ ' }, 'vod')).toBe(
			'http://127.0.0.1:8080',
		);
		expect(
			aliyunEndpoint(
				{ ...credentials, mpsEndpoint: 'https://mts-vpc.cn-shanghai.aliyuncs.com' },
				'mts',
			),
		).toBe('https://mts-vpc.cn-shanghai.aliyuncs.com');
	});

	it('has no MNS default: the per-account endpoint must be configured', () => {
		expect(() => aliyunEndpoint(credentials, 'mns')).toThrow(/"MNS Endpoint"/);
		expect(
			aliyunEndpoint(
				{ ...credentials, mnsEndpoint: 'https://1234.mns.cn-shanghai.aliyuncs.com' },
				'mns',
			),
		).toBe('https://1234.mns.cn-shanghai.aliyuncs.com');
	});
});

describe("the credential's endpoint placeholders", () => {
	const fields = new AliyunApi().properties;

	it.each([
		['vodEndpoint', 'vod'],
		['mpsEndpoint', 'mts'],
	] as const)('%s shows the public default of the default region', (field, product) => {
		const property = fields.find((candidate) => candidate.name === field);
		const regionId = fields.find((candidate) => candidate.name === 'regionId')?.default;
		expect(property?.placeholder).toBe(
			aliyunEndpoint({ ...credentials, regionId: String(regionId) }, product),
		);
	});
});
