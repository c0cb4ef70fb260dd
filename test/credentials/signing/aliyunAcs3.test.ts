import { createHash, createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
	acs3CanonicalHeaders,
	acs3CanonicalRequest,
	acs3HashedPayload,
	acs3Signature,
	acs3StringToSign,
	parseAcs3Authorization,
	signAcs3,
	type Acs3Input,
} from '../../../credentials/signing/aliyunAcs3';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const base: Acs3Input = {
	method: 'POST',
	path: '/',
	query: [['VideoId', 'v1']],
	body: '',
	host: 'vod.cn-shanghai.aliyuncs.com',
	action: 'GetVideoInfo',
	version: '2017-03-21',
	timestamp: '2025-01-02T03:04:05Z',
	nonce: 'abc123',
	accessKeyId: 'id',
	accessKeySecret: 'secret',
};

describe('signAcs3', () => {
	it('hashes an empty body to the documented constant', () => {
		expect(acs3HashedPayload('')).toBe(EMPTY_SHA256);
	});

	it('builds the canonical request by hand-checked layout and signs with the raw secret', () => {
		const signed = signAcs3(base);
		const canonicalRequest = [
			'POST',
			'/',
			'VideoId=v1',
			'host:vod.cn-shanghai.aliyuncs.com\nx-acs-action:GetVideoInfo\n' +
				`x-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2025-01-02T03:04:05Z\n` +
				'x-acs-signature-nonce:abc123\nx-acs-version:2017-03-21\n',
			'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
			EMPTY_SHA256,
		].join('\n');
		expect(signed.canonicalRequest).toBe(canonicalRequest);
		const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
		expect(signed.stringToSign).toBe(stringToSign);
		expect(signed.signature).toBe(
			createHmac('sha256', 'secret').update(stringToSign).digest('hex'),
		);
		expect(signed.headers.authorization).toBe(
			`ACS3-HMAC-SHA256 Credential=id,SignedHeaders=${signed.signedHeaders},Signature=${signed.signature}`,
		);
	});

	it('signs every header it returns, caller headers included, and hashes the exact body', () => {
		const body = 'Title=a%20b';
		const signed = signAcs3({
			...base,
			body,
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		const returned = Object.keys(signed.headers)
			.filter((name) => name !== 'authorization')
			.sort();
		expect(signed.signedHeaders.split(';')).toEqual(returned);
		expect(returned).toContain('accept');
		expect(returned).toContain('content-type');
		expect(signed.headers['x-acs-content-sha256']).toBe(
			createHash('sha256').update(body).digest('hex'),
		);
	});

	it('adds and signs the STS token and key id headers', () => {
		const signed = signAcs3({ ...base, accessKeyId: 'STS.id', securityToken: 'tok+/=' });
		expect(signed.headers['x-acs-security-token']).toBe('tok+/=');
		expect(signed.headers['x-acs-accesskey-id']).toBe('STS.id');
		expect(signed.signedHeaders).toContain('x-acs-accesskey-id');
		expect(signed.signedHeaders).toContain('x-acs-security-token');
	});

	it('never signs a caller-supplied authorization header', () => {
		const signed = signAcs3({ ...base, headers: { Authorization: 'Bearer stale' } });
		expect(signed.signedHeaders).not.toContain('authorization');
		expect(signed.headers.authorization.startsWith('ACS3-HMAC-SHA256 ')).toBe(true);
	});

	it('lets a receiver verify the request from the headers it got and the Authorization header', () => {
		const signed = signAcs3(base);
		const received = Object.fromEntries(
			Object.entries(signed.headers).map(([name, value]) => [name.toUpperCase(), ` ${value} `]),
		);
		const parsed = parseAcs3Authorization(signed.headers.authorization);
		if (!parsed) throw new Error('authorization did not parse');
		const canonicalRequest = acs3CanonicalRequest({
			method: 'POST',
			path: '/',
			canonicalQuery: 'VideoId=v1',
			canonicalHeaders: acs3CanonicalHeaders(received, parsed.signedHeaders),
			signedHeaders: parsed.signedHeaders.join(';'),
			hashedPayload: EMPTY_SHA256,
		});
		expect(acs3Signature(acs3StringToSign(canonicalRequest), 'secret')).toBe(parsed.signature);
		expect(parsed.accessKeyId).toBe('id');
	});
});

describe('parseAcs3Authorization', () => {
	it('reads the documented example', () => {
		expect(
			parseAcs3Authorization(
				'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action,Signature=0656',
			),
		).toEqual({
			accessKeyId: 'YourAccessKeyId',
			signedHeaders: ['host', 'x-acs-action'],
			signature: '0656',
		});
	});

	it.each([
		['another algorithm', 'HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=s'],
		['a missing signature', 'ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host'],
		['a part without =', 'ACS3-HMAC-SHA256 Credential=a,SignedHeaders,Signature=s'],
		['an empty value', 'ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=s'],
	])('returns undefined for %s', (_case, value) => {
		expect(parseAcs3Authorization(value)).toBeUndefined();
	});
});
