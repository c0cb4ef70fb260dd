import { X509Certificate } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
	signatureDigestOf,
	signingKeyOf,
} from '../../../../nodes/HuaweiCloudVod/trigger/smn/certificate';
import { smnUrlProblem } from '../../../../nodes/HuaweiCloudVod/trigger/smn/hosts';
import { createSelfSignedCertificate } from '../../../emulator/huawei/smn/x509';

describe('SMN URL allow-list', () => {
	it('trusts the region SMN endpoints over HTTPS for certificates, as in the docs', () => {
		for (const url of [
			'https://smn.cn-north-9.myhuaweicloud.com/smn/SMN_cn-north-9_94f60ccdfbee4588aa4d555935a56ba3.pem',
			'https://smn.ap-southeast-1.myhuaweicloud.com/smn/cert.pem',
			'https://SMN.AP-SOUTHEAST-1.MYHUAWEICLOUD.COM:443/smn/cert.pem',
			'https://smn.eu-west-101.myhuaweicloud.eu/smn/cert.pem',
		]) {
			expect(smnUrlProblem(url, 'certificate', [])).toBeUndefined();
		}
	});

	it('trusts the console for confirmation links only', () => {
		const confirm =
			'https://console.huaweicloud.com/smn/subscription/confirm?token=1&topic_urn=urn:smn:r:p:t';
		expect(smnUrlProblem(confirm, 'subscription', [])).toBeUndefined();
		expect(
			smnUrlProblem(confirm.replace('console.', 'console-intl.'), 'subscription', []),
		).toBeUndefined();
		expect(smnUrlProblem('https://console.huaweicloud.com/cert.pem', 'certificate', [])).toBe(
			'foreignHost',
		);
	});

	it('refuses look-alikes, other ports, user info, plain HTTP and non-URLs', () => {
		const cases: Array<[string, string]> = [
			['https://smn.cn-north-4.myhuaweicloud.com.attacker.example/c.pem', 'foreignHost'],
			['https://attacker.example/smn.cn-north-4.myhuaweicloud.com/c.pem', 'foreignHost'],
			['https://xsmn.cn-north-4.myhuaweicloud.com/c.pem', 'foreignHost'],
			['https://smn.cn-north-4.myhuaweicloud.com:8443/c.pem', 'foreignHost'],
			// Only region-shaped names: another service's one-label host under smn.* is no SMN endpoint.
			['https://smn.obs.myhuaweicloud.com/smn/c.pem', 'foreignHost'],
			['https://smn.my-bucket.myhuaweicloud.com/smn/c.pem', 'foreignHost'],
			['https://smn.cn-north-4.myhuaweicloud.com/smn/c.pem?1', 'notCertificatePath'],
			['https://smn.cn-north-4.myhuaweicloud.com/smn/page.html', 'notCertificatePath'],
			['https://a.b@smn.cn-north-4.myhuaweicloud.com/c.pem', 'invalidUrl'],
			['http://smn.cn-north-4.myhuaweicloud.com/c.pem', 'notHttps'],
			['file:///etc/passwd', 'notHttps'],
			['not a url', 'invalidUrl'],
		];
		for (const [url, problem] of cases)
			expect([url, smnUrlProblem(url, 'certificate', [])]).toEqual([url, problem]);
	});

	it('trusts an extra host exactly as listed (host and port), over HTTPS only', () => {
		const extra = ['localhost:8443'];
		expect(smnUrlProblem('https://localhost:8443/c.pem', 'certificate', extra)).toBeUndefined();
		expect(smnUrlProblem('https://localhost:9443/c.pem', 'certificate', extra)).toBe('foreignHost');
		expect(smnUrlProblem('http://localhost:8443/c.pem', 'certificate', extra)).toBe('notHttps');
	});
});

describe('SMN certificate algorithm', () => {
	it('takes the digest from the certificate signature algorithm', () => {
		for (const digest of ['sha1', 'sha256'] as const) {
			const { certificatePem } = createSelfSignedCertificate({
				commonName: 'c',
				hosts: ['localhost'],
				digest,
			});
			expect(signatureDigestOf(new X509Certificate(certificatePem))).toBe(digest);
			expect(signingKeyOf(certificatePem)?.digest).toBe(digest);
		}
	});

	it('yields no key for text that is no certificate', () => {
		expect(signingKeyOf('<html>not found</html>')).toBeUndefined();
		expect(signingKeyOf('')).toBeUndefined();
	});
});
