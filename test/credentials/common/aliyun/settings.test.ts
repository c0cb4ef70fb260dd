import { describe, expect, it } from 'vitest';

import {
	readAliyunCredentials,
	validateEndpoint,
} from '../../../../credentials/common/aliyun/settings';

describe('readAliyunCredentials', () => {
	it('trims values and defaults to signature V3', () => {
		expect(
			readAliyunCredentials({
				accessKeyId: ' id ',
				accessKeySecret: 'secret',
				regionId: 'cn-shanghai',
			}),
		).toEqual({
			accessKeyId: 'id',
			accessKeySecret: 'secret',
			securityToken: '',
			regionId: 'cn-shanghai',
			signatureVersion: 'v3',
			vodEndpoint: '',
			mpsEndpoint: '',
			mnsEndpoint: '',
			ossEndpoint: '',
		});
	});
});

describe('validateEndpoint', () => {
	it.each([
		'ftp://host',
		'https://host/path',
		'https://host/?a=1',
		'https://host/?',
		'https://host/#x',
		'https://user:pass@host',
		'host.example.com',
	])('refuses %s, naming the field', (value) => {
		expect(() => validateEndpoint(value, 'VOD Endpoint')).toThrow(/"VOD Endpoint"/);
	});

	it('accepts an origin with a port and returns it without a trailing slash', () => {
		expect(validateEndpoint('http://127.0.0.1:9000/', 'VOD Endpoint')).toBe(
			'http://127.0.0.1:9000',
		);
	});
});
