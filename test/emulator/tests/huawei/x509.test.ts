/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createServer } from 'node:https';
import { describe, expect, it } from 'vitest';

import { createSelfSignedCertificate, derInteger } from '../../huawei/smn/x509';

describe('the SMN emulator’s self-signed certificates', () => {
	it.each([
		[[0x00, 0x05], '020105'],
		[[0x00, 0x00, 0x7f], '02017f'],
		[[0x00, 0x80], '02020080'],
		[[0x80], '02020080'],
		[[0x00], '020100'],
		[[0x12, 0x34], '02021234'],
	])('encodes the INTEGER %j minimally as %s', (bytes, hex) => {
		expect(derInteger(Buffer.from(bytes)).toString('hex')).toBe(hex);
	});

	it.each([
		['a serial with a leading zero byte', Buffer.from('00017f0000000000000000000000abcd', 'hex')],
		['a serial with its high bit set', Buffer.from('ff017f0000000000000000000000abcd', 'hex')],
	])('makes a certificate OpenSSL accepts as a TLS server certificate with %s', (_, serial) => {
		const tls = createSelfSignedCertificate({
			commonName: 'smn.test',
			hosts: ['smn.test', '127.0.0.1'],
			digest: 'sha256',
			serial,
		});
		const parsed = new X509Certificate(tls.certificatePem);
		expect(BigInt(`0x${parsed.serialNumber}`)).toBe(BigInt(`0x${serial.toString('hex')}`));
		expect(parsed.checkPrivateKey(createPrivateKey(tls.privateKeyPem))).toBe(true);
		expect(() => createServer({ key: tls.privateKeyPem, cert: tls.certificatePem })).not.toThrow();
	});
});
