import { createPublicKey, verify } from 'crypto';

import { mnsStringToSign, type MnsHeaders } from './mns';

export const MNS_PUSH_HEADER = {
	signingCertUrl: 'x-mns-signing-cert-url',
	authorization: 'authorization',
} as const;

/** Hosts the MNS docs name for the signing certificate; anything else could be an attacker's key. */
const TRUSTED_CERT_URL = [
	/^https:\/\/mnstest\.oss-cn-hangzhou\.aliyuncs\.com\//,
	/^https:\/\/mns-cert\.oss-[a-z0-9-]+\.aliyuncs\.com\//,
];

export interface MnsPushSignatureCheck {
	stringToSign: string;
	/** The bare Base64 `Authorization` header value (no `MNS ` prefix for push). */
	signature: string;
	/** PEM X.509 certificate fetched from the decoded `x-mns-signing-cert-url`. */
	certificatePem: string;
}

/** Same layout as a client request: `VERB\nMD5\nType\nDate\n` + x-mns headers as received + path with query. */
export function mnsPushStringToSign(method: string, path: string, headers: MnsHeaders): string {
	return mnsStringToSign(method, headers, path);
}

/** The certificate URL carried Base64-encoded in `x-mns-signing-cert-url`, or undefined when absent. */
export function mnsPushCertUrl(headers: MnsHeaders): string | undefined {
	const entry = Object.entries(headers).find(
		([name]) => name.toLowerCase() === MNS_PUSH_HEADER.signingCertUrl,
	);
	const value = Array.isArray(entry?.[1]) ? entry?.[1][0] : entry?.[1];
	if (!value) return undefined;
	return Buffer.from(value, 'base64').toString('utf8');
}

export function isTrustedMnsCertUrl(url: string): boolean {
	return TRUSTED_CERT_URL.some((pattern) => pattern.test(url));
}

/** RSA PKCS#1 v1.5 with SHA-1 over the string to sign, checked with the certificate's public key. */
export function verifyMnsPushSignature(check: MnsPushSignatureCheck): boolean {
	const publicKey = createPublicKey(check.certificatePem);
	return verify(
		'RSA-SHA1',
		Buffer.from(check.stringToSign, 'utf8'),
		publicKey,
		Buffer.from(check.signature, 'base64'),
	);
}
