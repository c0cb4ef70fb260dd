/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A self-signed X.509 certificate built with node:crypto alone (it parses certificates but makes
 * none): DER written by hand, signed with a fresh RSA key. It serves as the SMN emulator's TLS
 * certificate (and trust anchor: CA:TRUE, names in subjectAltName) and as its signing certificate.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';

export type CertificateDigest = 'sha1' | 'sha256';

export interface TestCertificate {
	certificatePem: string;
	privateKey: KeyObject;
	privateKeyPem: string;
}

/** sha1WithRSAEncryption, sha256WithRSAEncryption. */
const SIGNATURE_OIDS: Record<CertificateDigest, string> = {
	sha1: '1.2.840.113549.1.1.5',
	sha256: '1.2.840.113549.1.1.11',
};

function lengthBytes(length: number): Buffer {
	if (length < 0x80) return Buffer.from([length]);
	const bytes: number[] = [];
	for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
	return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const explicit = (index: number, content: Buffer): Buffer => tlv(0xa0 + index, content);
const octetString = (content: Buffer): Buffer => tlv(0x04, content);
const bitString = (content: Buffer): Buffer =>
	tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const booleanTrue = (): Buffer => tlv(0x01, Buffer.from([0xff]));
const nullValue = (): Buffer => tlv(0x05, Buffer.alloc(0));

/**
 * A non-negative INTEGER from big-endian bytes, in DER's minimal form: OpenSSL 3 refuses a
 * leading zero byte that is not needed ("illegal padding"), so one random serial in 512 broke.
 */
export function derInteger(bytes: Buffer): Buffer {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	const digits = bytes.subarray(start);
	return tlv(0x02, digits[0] & 0x80 ? Buffer.concat([Buffer.from([0]), digits]) : digits);
}

function base128(value: number): number[] {
	const bytes = [value & 0x7f];
	for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) {
		bytes.unshift(0x80 | (rest & 0x7f));
	}
	return bytes;
}

function objectId(dotted: string): Buffer {
	const [first, second, ...rest] = dotted.split('.').map(Number);
	return tlv(0x06, Buffer.from([first * 40 + second, ...rest.flatMap(base128)]));
}

/** UTCTime `YYMMDDHHMMSSZ` (years 1950 to 2049). */
function utcTime(date: Date): Buffer {
	const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
	return tlv(0x17, Buffer.from(text, 'ascii'));
}

function name(commonName: string): Buffer {
	return sequence(set(sequence(objectId('2.5.4.3'), utf8String(commonName))));
}

/** dNSName [2] or iPAddress [7] for each host. */
function subjectAltName(hosts: string[]): Buffer {
	const names = hosts.map((host) =>
		isIP(host) === 4
			? tlv(0x87, Buffer.from(host.split('.').map(Number)))
			: tlv(0x82, Buffer.from(host, 'ascii')),
	);
	return sequence(objectId('2.5.29.17'), octetString(sequence(...names)));
}

function basicConstraintsCa(): Buffer {
	return sequence(objectId('2.5.29.19'), booleanTrue(), octetString(sequence(booleanTrue())));
}

function pem(label: string, der: Buffer): string {
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export interface CertificateInput {
	commonName: string;
	/** DNS names and IPv4 addresses the certificate is valid for (TLS). */
	hosts: string[];
	digest: CertificateDigest;
	validDays?: number;
	/** Big-endian serial number bytes (default: 16 random bytes). */
	serial?: Buffer;
}

export function createSelfSignedCertificate(input: CertificateInput): TestCertificate {
	const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const algorithm = sequence(objectId(SIGNATURE_OIDS[input.digest]), nullValue());
	const notBefore = new Date(Date.now() - 60 * 60 * 1000);
	const notAfter = new Date(notBefore.getTime() + (input.validDays ?? 30) * 24 * 60 * 60 * 1000);
	const tbs = sequence(
		explicit(0, derInteger(Buffer.from([2]))),
		derInteger(input.serial ?? randomBytes(16)),
		algorithm,
		name(input.commonName),
		sequence(utcTime(notBefore), utcTime(notAfter)),
		name(input.commonName),
		publicKey.export({ type: 'spki', format: 'der' }),
		explicit(3, sequence(basicConstraintsCa(), subjectAltName(input.hosts))),
	);
	const signature = sign(input.digest, tbs, privateKey);
	return {
		certificatePem: pem('CERTIFICATE', sequence(tbs, algorithm, bitString(signature))),
		privateKey,
		privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
	};
}
