/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { describe, expect, it } from 'vitest';

import {
	mfsAuthSign,
	mfsTimestampMs,
	verifyMfsCallback,
} from '../../../credentials/signing/huaweiMfsCallback';
import { huaweiMfsAuthKey } from '../../emulator/accounts';

// Golden signatures computed independently:
//   printf '%s' "VOD_<timestamp>_<message>" | openssl dgst -sha256 -hmac "<key>"
const ROTATED_KEY = 'RotatedMfsKey0002';
const EVENT_TEXT =
	'{"event_type":"thumbnailComplete","thumbnail_info":{"asset_id":"14d7b2faba0dddd6b4e8936272d6bc3f","status":"SUCCEED","sample":[{"offset":0,"url":"https://179.cdn-vod.huaweicloud.com/asset/14d7b2faba0dddd6b4e8936272d6bc3f/snapshot/sample/0.jpg"}],"dots":[]}}';
const TIMESTAMP_S = '1732244400';
const TIMESTAMP_MS = '1732244400123';
const SIGN_SECONDS = '298955d6758b5790ffdf6a790a29421e3f1b53141aa03bf64f6047879cfafeac';
const SIGN_MILLISECONDS = 'fc833b95157914ff16d4694fdbff6be0d968976b7dd01c93f2f5a973c47af763';
const SIGN_ROTATED_KEY = '79ae69911f3838c846260ff41cc34dde658497cdc38a402cd51ba33c728dae33';
const NOW_MS = 1732244400000 + 60_000;
const ENVELOPE = JSON.stringify({ message: EVENT_TEXT });

interface VerifyOverrides {
	rawBody?: string | Buffer;
	timestamp?: string;
	sign?: string;
	keys?: string[];
	nowMs?: number;
	headers?: Record<string, string | string[] | undefined>;
}

function verify(overrides: VerifyOverrides) {
	return verifyMfsCallback({
		rawBody: overrides.rawBody ?? EVENT_TEXT,
		headers: overrides.headers ?? {
			auth_timestamp: overrides.timestamp ?? TIMESTAMP_S,
			auth_sign: overrides.sign ?? SIGN_SECONDS,
		},
		keys: overrides.keys ?? [huaweiMfsAuthKey],
		nowMs: overrides.nowMs ?? NOW_MS,
		maxAgeSeconds: 300,
	});
}

const EXPECTED_EVENT = JSON.parse(EVENT_TEXT) as Record<string, unknown>;

describe('mfsAuthSign', () => {
	it.each([
		[huaweiMfsAuthKey, TIMESTAMP_S, SIGN_SECONDS],
		[huaweiMfsAuthKey, TIMESTAMP_MS, SIGN_MILLISECONDS],
		[ROTATED_KEY, TIMESTAMP_S, SIGN_ROTATED_KEY],
	])('HMAC-SHA256(%s, VOD_%s_<message>)', (key, timestamp, expected) => {
		expect(mfsAuthSign(key, timestamp, EVENT_TEXT)).toBe(expected);
	});

	it('matches a short hand-computed case', () => {
		expect(mfsAuthSign('key', '1732244400', 'hello')).toBe(
			'84b45658193ab042146399ec26d8855bc6df3b1089d2eea8ece9c4f15a0e22ad',
		);
	});
});

describe('verifyMfsCallback', () => {
	it('accepts a raw event body signed as a whole', () => {
		expect(verify({})).toStrictEqual({
			valid: true,
			event: EXPECTED_EVENT,
			signedOver: 'body',
			keyIndex: 0,
		});
	});

	it('accepts an envelope signed over its string message, and parses the message as the event', () => {
		expect(verify({ rawBody: Buffer.from(ENVELOPE, 'utf8') })).toStrictEqual({
			valid: true,
			event: EXPECTED_EVENT,
			signedOver: 'message',
			keyIndex: 0,
		});
	});

	it('rejects an envelope whose signature covers the raw envelope instead of the message', () => {
		const overEnvelope = mfsAuthSign(huaweiMfsAuthKey, TIMESTAMP_S, ENVELOPE);
		expect(verify({ rawBody: ENVELOPE, sign: overEnvelope })).toStrictEqual({
			valid: false,
			reason: 'badSignature',
		});
	});

	it('accepts a millisecond timestamp', () => {
		expect(verify({ timestamp: TIMESTAMP_MS, sign: SIGN_MILLISECONDS }).valid).toBe(true);
	});

	it('accepts upper-case hex and a header array', () => {
		const result = verify({
			headers: { AUTH_TIMESTAMP: [TIMESTAMP_S], Auth_Sign: SIGN_SECONDS.toUpperCase() },
		});
		expect(result.valid).toBe(true);
	});

	it('accepts the previous key during a rotation and reports which key matched', () => {
		const result = verify({ sign: SIGN_ROTATED_KEY, keys: [huaweiMfsAuthKey, ROTATED_KEY] });
		expect(result).toMatchObject({ valid: true, keyIndex: 1 });
	});

	it('skips an empty rotation slot', () => {
		expect(verify({ sign: SIGN_ROTATED_KEY, keys: ['', ROTATED_KEY] })).toMatchObject({
			valid: true,
			keyIndex: 1,
		});
	});

	it.each<[string, VerifyOverrides, string]>([
		['a different key', { keys: [ROTATED_KEY] }, 'badSignature'],
		['a tampered body', { rawBody: EVENT_TEXT.replace('SUCCEED', 'FAILED') }, 'badSignature'],
		['a signature of another length', { sign: SIGN_SECONDS.slice(2) }, 'badSignature'],
		['a timestamp older than the window', { nowMs: 1732244400000 + 301_000 }, 'staleTimestamp'],
		['a timestamp ahead of the window', { nowMs: 1732244400000 - 301_000 }, 'staleTimestamp'],
		['a non-numeric timestamp', { timestamp: '2024-11-22T03:00:00Z' }, 'invalidTimestamp'],
		['no key configured', { keys: [''] }, 'noKeyConfigured'],
		['no headers', { headers: {} }, 'missingHeaders'],
		['an empty signature', { sign: '' }, 'missingHeaders'],
	])('rejects %s', (_name, overrides, reason) => {
		expect(verify(overrides)).toStrictEqual({ valid: false, reason });
	});

	it('rejects a correctly signed body that is not a JSON object', () => {
		const sign = mfsAuthSign(huaweiMfsAuthKey, TIMESTAMP_S, 'not json');
		expect(verify({ rawBody: 'not json', sign })).toStrictEqual({
			valid: false,
			reason: 'invalidJson',
		});
	});
});

describe('mfsTimestampMs', () => {
	it.each([
		['1732244400', 1732244400000],
		['1732244400123', 1732244400123],
		['-5', undefined],
		['', undefined],
		['12.5', undefined],
	])('%s -> %s', (input, expected) => {
		expect(mfsTimestampMs(input)).toBe(expected);
	});
});
