import { createHmac, timingSafeEqual } from 'crypto';

export const MFS_HEADER = {
	timestamp: 'auth_timestamp',
	signature: 'auth_sign',
} as const;

const SIGNED_PREFIX = 'VOD_';
/** Timestamps above this are milliseconds (1e12 ms is 2001; 1e12 s is 33 000 years away). */
const MILLISECONDS_THRESHOLD = 1e12;

export type MfsHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface MfsCallbackInput {
	rawBody: string | Buffer;
	headers: MfsHeaders;
	/** Current key first; a second key accepts callbacks signed before a key rotation. */
	keys: readonly string[];
	nowMs: number;
	maxAgeSeconds: number;
}

export type MfsRejection =
	| 'noKeyConfigured'
	| 'missingHeaders'
	| 'invalidTimestamp'
	| 'staleTimestamp'
	| 'badSignature'
	| 'invalidJson';

export type MfsCallbackResult =
	| {
			valid: true;
			event: Record<string, unknown>;
			/** `message` when the body was an envelope with a string `message`, `body` when the body itself was signed. */
			signedOver: 'message' | 'body';
			/** Index in `keys` of the key that matched. */
			keyIndex: number;
	  }
	| { valid: false; reason: MfsRejection };

/** Lower-case hex HMAC-SHA256(key, `VOD_<timestamp>_<message>`), as the VOD console documents. */
export function mfsAuthSign(authKey: string, timestamp: string, message: string): string {
	return createHmac('sha256', authKey)
		.update(`${SIGNED_PREFIX}${timestamp}_${message}`, 'utf8')
		.digest('hex');
}

function headerValue(headers: MfsHeaders, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		const first = Array.isArray(value) ? value[0] : value;
		return first === undefined || first === '' ? undefined : first;
	}
	return undefined;
}

/** Seconds or milliseconds since the epoch, as milliseconds; `undefined` if not an integer. */
export function mfsTimestampMs(timestamp: string): number | undefined {
	if (!/^\d{1,16}$/.test(timestamp.trim())) return undefined;
	const value = Number(timestamp.trim());
	return value >= MILLISECONDS_THRESHOLD ? value : value * 1000;
}

export function isFreshTimestamp(
	timestampMs: number,
	nowMs: number,
	maxAgeSeconds: number,
): boolean {
	return Math.abs(nowMs - timestampMs) <= maxAgeSeconds * 1000;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
		return parsed as Record<string, unknown>;
	} catch {
		// Not JSON: the caller decides whether that is an error.
		return undefined;
	}
}

/**
 * The envelope is unconfirmed: the doc signs "the `message` property of the body". A body with a
 * string `message` is signed over that string; any other body is signed as a whole.
 */
export function mfsSignedText(bodyText: string): { text: string; signedOver: 'message' | 'body' } {
	const envelope = parseJsonObject(bodyText);
	if (envelope && typeof envelope.message === 'string') {
		return { text: envelope.message, signedOver: 'message' };
	}
	return { text: bodyText, signedOver: 'body' };
}

function sameSignature(expectedHex: string, receivedHex: string): boolean {
	const expected = Buffer.from(expectedHex, 'utf8');
	const received = Buffer.from(receivedHex.toLowerCase(), 'utf8');
	return expected.length === received.length && timingSafeEqual(expected, received);
}

/** Index of the first non-empty key whose signature matches, or -1. */
export function matchingKeyIndex(
	keys: readonly string[],
	timestamp: string,
	signedText: string,
	receivedSignature: string,
): number {
	return keys.findIndex(
		(key) =>
			key !== '' && sameSignature(mfsAuthSign(key, timestamp, signedText), receivedSignature),
	);
}

export function verifyMfsCallback(input: MfsCallbackInput): MfsCallbackResult {
	if (input.keys.every((key) => key === '')) return { valid: false, reason: 'noKeyConfigured' };
	const timestamp = headerValue(input.headers, MFS_HEADER.timestamp);
	const signature = headerValue(input.headers, MFS_HEADER.signature);
	if (timestamp === undefined || signature === undefined) {
		return { valid: false, reason: 'missingHeaders' };
	}
	const timestampMs = mfsTimestampMs(timestamp);
	if (timestampMs === undefined) return { valid: false, reason: 'invalidTimestamp' };
	if (!isFreshTimestamp(timestampMs, input.nowMs, input.maxAgeSeconds)) {
		return { valid: false, reason: 'staleTimestamp' };
	}
	const bodyText = Buffer.isBuffer(input.rawBody) ? input.rawBody.toString('utf8') : input.rawBody;
	const signed = mfsSignedText(bodyText);
	const keyIndex = matchingKeyIndex(input.keys, timestamp, signed.text, signature.trim());
	if (keyIndex === -1) return { valid: false, reason: 'badSignature' };
	const event = parseJsonObject(signed.text);
	if (!event) return { valid: false, reason: 'invalidJson' };
	return { valid: true, event, signedOver: signed.signedOver, keyIndex };
}
