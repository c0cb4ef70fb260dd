import { generateKeyPairSync, sign } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
	isTrustedMnsCertUrl,
	mnsPushCertUrl,
	mnsPushStringToSign,
	verifyMnsPushSignature,
} from '../../../credentials/signing/mnsPush';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

const headers = {
	'Content-MD5': 'ZDgxNjY5ZjFlMDQ5MGM0YWMwMWE5ODlmZDVlYmQxYjI=',
	'Content-Type': 'text/xml;charset=utf-8',
	Date: 'Wed, 25 May 2016 10:46:14 GMT',
	'x-mns-request-id': '57458276F0E3D56D7C00****',
	'x-mns-signing-cert-url': Buffer.from(
		'https://mnstest.oss-cn-hangzhou.aliyuncs.com/x509.pem',
	).toString('base64'),
	'x-mns-version': '2015-06-06',
	'user-agent': 'not-signed',
};

describe('mnsPushStringToSign', () => {
	it('follows the documented layout: x-mns headers sorted, other headers left out', () => {
		expect(mnsPushStringToSign('POST', '/notifications', headers)).toBe(
			'POST\nZDgxNjY5ZjFlMDQ5MGM0YWMwMWE5ODlmZDVlYmQxYjI=\ntext/xml;charset=utf-8\nWed, 25 May 2016 10:46:14 GMT\n' +
				'x-mns-request-id:57458276F0E3D56D7C00****\n' +
				`x-mns-signing-cert-url:${headers['x-mns-signing-cert-url']}\n` +
				'x-mns-version:2015-06-06\n/notifications',
		);
	});
});

describe('verifyMnsPushSignature', () => {
	const stringToSign = mnsPushStringToSign('POST', '/notifications', headers);
	const signature = sign('RSA-SHA1', Buffer.from(stringToSign), privateKey).toString('base64');

	it('accepts an RSA-SHA1 signature made with the matching key', () => {
		expect(verifyMnsPushSignature({ stringToSign, signature, certificatePem: publicKeyPem })).toBe(
			true,
		);
	});

	it('rejects a changed string to sign', () => {
		const tampered = stringToSign.replace('/notifications', '/other');
		expect(
			verifyMnsPushSignature({ stringToSign: tampered, signature, certificatePem: publicKeyPem }),
		).toBe(false);
	});

	it('rejects a signature made with another key', () => {
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const forged = sign('RSA-SHA1', Buffer.from(stringToSign), other.privateKey).toString('base64');
		expect(
			verifyMnsPushSignature({ stringToSign, signature: forged, certificatePem: publicKeyPem }),
		).toBe(false);
	});
});

describe('signing certificate URL', () => {
	it('is decoded from Base64, and undefined when the header is missing', () => {
		expect(mnsPushCertUrl(headers)).toBe('https://mnstest.oss-cn-hangzhou.aliyuncs.com/x509.pem');
		expect(mnsPushCertUrl({})).toBeUndefined();
	});

	it.each([
		['https://mnstest.oss-cn-hangzhou.aliyuncs.com/x509_public_certificate.pem', true],
		['https://mns-cert.oss-cn-shanghai.aliyuncs.com/cert.pem', true],
		['http://mnstest.oss-cn-hangzhou.aliyuncs.com/x509_public_certificate.pem', false],
		['https://mnstest.oss-cn-hangzhou.aliyuncs.com.evil.example/x.pem', false],
		['https://evil.example/https://mnstest.oss-cn-hangzhou.aliyuncs.com/', false],
	])('%s trusted: %s', (url, trusted) => {
		expect(isTrustedMnsCertUrl(url)).toBe(trusted);
	});
});
