import { createHash, timingSafeEqual } from 'crypto';

export const VOD_CALLBACK_HEADER = {
	timestamp: 'x-vod-timestamp',
	signature: 'x-vod-signature',
} as const;

export type VodCallbackRejection =
	| 'missing-headers'
	| 'malformed-timestamp'
	| 'expired'
	| 'from-future'
	| 'bad-signature';

export type VodCallbackVerification =
	| { valid: true; keyIndex: number }
	| { valid: false; reason: VodCallbackRejection };

export interface VodCallbackCheck {
	/** Byte-identical to the URL configured in VOD (scheme, trailing slash and query included). */
	callbackUrl: string;
	/** `X-VOD-TIMESTAMP` as received. */
	timestamp: string | undefined;
	/** `X-VOD-SIGNATURE` as received. */
	signature: string | undefined;
	/** Current key first, then the previous one during a rotation; empty keys never match. */
	keys: readonly string[];
	nowSeconds: number;
	/** Largest accepted distance between the timestamp and now, in either direction. */
	maxAgeSeconds: number;
}

const UNIX_SECONDS = /^\d{1,12}$/;
const MD5_HEX = /^[0-9a-f]{32}$/;

export function vodCallbackMd5Content(
	callbackUrl: string,
	timestamp: string,
	authKey: string,
): string {
	return `${callbackUrl}|${timestamp}|${authKey}`;
}

/** `md5(CallbackURL|timestamp|AuthKey)` as 32 lower-case hex characters. */
export function vodCallbackSignature(
	callbackUrl: string,
	timestamp: string,
	authKey: string,
): string {
	return createHash('md5')
		.update(vodCallbackMd5Content(callbackUrl, timestamp, authKey), 'utf8')
		.digest('hex');
}

function timestampRejection(
	timestamp: string,
	nowSeconds: number,
	maxAgeSeconds: number,
): VodCallbackRejection | undefined {
	if (!UNIX_SECONDS.test(timestamp)) return 'malformed-timestamp';
	const age = nowSeconds - Number(timestamp);
	if (age > maxAgeSeconds) return 'expired';
	if (-age > maxAgeSeconds) return 'from-future';
	return undefined;
}

function sameHex(expected: string, received: string): boolean {
	return timingSafeEqual(Buffer.from(expected, 'utf8'), Buffer.from(received, 'utf8'));
}

/** Fails closed: a missing header, stale or future timestamp, or no matching key is a rejection. */
export function verifyVodCallback(check: VodCallbackCheck): VodCallbackVerification {
	const { timestamp, callbackUrl, keys } = check;
	const signature = check.signature?.trim().toLowerCase();
	if (!timestamp || !signature) return { valid: false, reason: 'missing-headers' };
	const rejection = timestampRejection(timestamp.trim(), check.nowSeconds, check.maxAgeSeconds);
	if (rejection) return { valid: false, reason: rejection };
	// Checking the shape first keeps timingSafeEqual on equal-length buffers.
	if (!MD5_HEX.test(signature)) return { valid: false, reason: 'bad-signature' };
	const matches = keys.map(
		(key) =>
			key !== '' && sameHex(vodCallbackSignature(callbackUrl, timestamp.trim(), key), signature),
	);
	const keyIndex = matches.indexOf(true);
	return keyIndex === -1 ? { valid: false, reason: 'bad-signature' } : { valid: true, keyIndex };
}
