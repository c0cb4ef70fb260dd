import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
	mnsContentMd5,
	mnsDate,
	mnsSignature,
	mnsStringToSign,
	parseMnsAuthorization,
	signMnsRequest,
	type MnsInput,
} from '../../../credentials/signing/mns';

const DATE = 'Thu, 02 Jan 2025 03:04:05 GMT';

const base: MnsInput = {
	verb: 'GET',
	resource: '/queues/q/messages?waitseconds=10',
	body: '',
	date: DATE,
	accessKeyId: 'id',
	accessKeySecret: 'secret',
};

describe('mns helpers', () => {
	it('formats the date as RFC 1123 GMT', () => {
		expect(mnsDate(new Date(Date.UTC(2015, 6, 9, 3, 1, 34)))).toBe('Thu, 09 Jul 2015 03:01:34 GMT');
	});

	it('Content-MD5 is Base64 of the lower-case hex digest (md5("") = d41d8cd98f00b204e9800998ecf8427e)', () => {
		expect(mnsContentMd5('')).toBe(
			Buffer.from('d41d8cd98f00b204e9800998ecf8427e').toString('base64'),
		);
	});

	it('reads headers in any case, as arrays, and takes x-mns-date when Date is absent', () => {
		expect(
			mnsStringToSign(
				'delete',
				{ 'X-MNS-Date': [DATE], 'X-Mns-Version': '2015-06-06', 'Content-Type': 'text/xml' },
				'/q',
			),
		).toBe(`DELETE\n\ntext/xml\n${DATE}\nx-mns-date:${DATE}\nx-mns-version:2015-06-06\n/q`);
	});
});

describe('signMnsRequest', () => {
	it('sends Date, x-mns-date and x-mns-version, leaves the MD5 and type lines empty without a body', () => {
		const signed = signMnsRequest(base);
		expect(signed.headers).toMatchObject({
			date: DATE,
			'x-mns-date': DATE,
			'x-mns-version': '2015-06-06',
		});
		expect(signed.headers).not.toHaveProperty('content-md5');
		expect(signed.headers).not.toHaveProperty('content-type');
		const stringToSign = `GET\n\n\n${DATE}\nx-mns-date:${DATE}\nx-mns-version:2015-06-06\n/queues/q/messages?waitseconds=10`;
		expect(signed.stringToSign).toBe(stringToSign);
		const signature = createHmac('sha1', 'secret').update(stringToSign).digest('base64');
		expect(signed.headers.authorization).toBe(`MNS id:${signature}`);
	});

	it('adds text/xml and Content-MD5 for a body, keeping a caller content type', () => {
		const body = '<Message/>';
		expect(signMnsRequest({ ...base, verb: 'POST', body }).headers).toMatchObject({
			'content-type': 'text/xml',
			'content-md5': mnsContentMd5(body),
		});
		const custom = signMnsRequest({
			...base,
			verb: 'POST',
			body,
			headers: { 'Content-Type': 'text/xml;charset=utf-8' },
		});
		expect(custom.headers['content-type']).toBe('text/xml;charset=utf-8');
		expect(custom.stringToSign.split('\n')[2]).toBe('text/xml;charset=utf-8');
	});

	it('sends the STS token unsigned as security-token and signed as x-mns-security-token', () => {
		const signed = signMnsRequest({ ...base, securityToken: 'tok+/=' });
		expect(signed.headers['security-token']).toBe('tok+/=');
		expect(signed.headers['x-mns-security-token']).toBe('tok+/=');
		expect(signed.stringToSign).toBe(
			`GET\n\n\n${DATE}\nx-mns-date:${DATE}\nx-mns-security-token:tok+/=\nx-mns-version:2015-06-06\n/queues/q/messages?waitseconds=10`,
		);
	});

	it('lets a receiver verify the request from the verb, headers and resource it got', () => {
		const signed = signMnsRequest({ ...base, verb: 'POST', body: '<a/>' });
		const parsed = parseMnsAuthorization(signed.headers.authorization);
		expect(parsed?.accessKeyId).toBe('id');
		expect(mnsSignature(mnsStringToSign('POST', signed.headers, base.resource), 'secret')).toBe(
			parsed?.signature,
		);
	});
});

describe('parseMnsAuthorization', () => {
	it('splits the key id from the signature', () => {
		expect(parseMnsAuthorization('MNS STS.a:b+c/=')).toEqual({
			accessKeyId: 'STS.a',
			signature: 'b+c/=',
		});
	});

	it.each(['ACS3-HMAC-SHA256 x', 'MNS nocolon', 'MNS :sig', 'MNS id:'])('rejects %j', (value) => {
		expect(parseMnsAuthorization(value)).toBeUndefined();
	});
});
