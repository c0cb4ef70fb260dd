import { verify, X509Certificate, type KeyObject } from 'node:crypto';

/** RSA PKCS#1 v1.5 signature algorithms by the DER bytes of their OID (1.2.840.113549.1.1.x). */
const RSA_SIGNATURE_DIGESTS: Partial<Record<string, string>> = {
	'2a864886f70d010105': 'sha1',
	'2a864886f70d01010b': 'sha256',
	'2a864886f70d01010c': 'sha384',
	'2a864886f70d01010d': 'sha512',
};

interface DerElement {
	tag: number;
	/** Where the content starts and ends. */
	start: number;
	end: number;
}

/** The DER element at `offset` (definite lengths only, as DER requires). */
function derElementAt(der: Buffer, offset: number): DerElement | undefined {
	if (offset + 2 > der.length) return undefined;
	const first = der[offset + 1];
	let length = first;
	let start = offset + 2;
	if (first & 0x80) {
		const count = first & 0x7f;
		if (count === 0 || count > 4 || start + count > der.length) return undefined;
		length = der.readUIntBE(start, count);
		start += count;
	}
	const end = start + length;
	return end <= der.length ? { tag: der[offset], start, end } : undefined;
}

/**
 * The digest of the certificate's own signature algorithm (what Java's `getSigAlgName()` gives the
 * official sample): Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }.
 */
export function signatureDigestOf(certificate: X509Certificate): string | undefined {
	const der = certificate.raw;
	const outer = derElementAt(der, 0);
	if (outer?.tag !== 0x30) return undefined;
	const tbs = derElementAt(der, outer.start);
	const algorithm = tbs && derElementAt(der, tbs.end);
	if (algorithm?.tag !== 0x30) return undefined;
	const oid = derElementAt(der, algorithm.start);
	if (oid?.tag !== 0x06) return undefined;
	return RSA_SIGNATURE_DIGESTS[der.subarray(oid.start, oid.end).toString('hex')];
}

export interface SigningKey {
	publicKey: KeyObject;
	/** `sha1` or `sha256` (or a longer SHA-2), from the certificate. */
	digest: string;
}

function certificateIn(pem: string): X509Certificate | undefined {
	try {
		return new X509Certificate(pem);
	} catch {
		return undefined;
	}
}

/** The RSA key and digest to check SMN signatures with, or undefined for anything else. */
export function signingKeyOf(pem: string): SigningKey | undefined {
	const certificate = certificateIn(pem);
	if (certificate === undefined || certificate.publicKey.asymmetricKeyType !== 'rsa')
		return undefined;
	const digest = signatureDigestOf(certificate);
	return digest === undefined ? undefined : { publicKey: certificate.publicKey, digest };
}

/** Whether the Base64 `signature` signs one of `texts` (UTF-8) with the key. */
export function signsOneOf(key: SigningKey, texts: string[], signature: string): boolean {
	const bytes = Buffer.from(signature, 'base64');
	if (bytes.length === 0) return false;
	return texts.some((text) => verify(key.digest, Buffer.from(text, 'utf8'), key.publicKey, bytes));
}
