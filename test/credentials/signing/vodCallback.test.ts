import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
	verifyVodCallback,
	vodCallbackSignature,
	type VodCallbackCheck,
} from '../../../credentials/signing/vodCallback';

// Documentation example: md5("https://www.example.com/your/callback|1519375990|test123").
const URL_ = 'https://www.example.com/your/callback';
const TS = '1519375990';
const DOC_SIGNATURE = 'c72b60894140fa98920f1279219b7ed4';

const base: VodCallbackCheck = {
	callbackUrl: URL_,
	timestamp: TS,
	signature: DOC_SIGNATURE,
	keys: ['test123'],
	nowSeconds: 1519375990,
	maxAgeSeconds: 300,
};

describe('vodCallbackSignature', () => {
	it('reproduces the documented example', () => {
		expect(vodCallbackSignature(URL_, TS, 'test123')).toBe(DOC_SIGNATURE);
	});
});

describe('verifyVodCallback', () => {
	it('accepts the documented example', () => {
		expect(verifyVodCallback(base)).toEqual({ valid: true, keyIndex: 0 });
	});

	it('accepts the previous key during a rotation and reports which key matched', () => {
		expect(verifyVodCallback({ ...base, keys: ['newKey456', 'test123'] })).toEqual({
			valid: true,
			keyIndex: 1,
		});
	});

	it('accepts an upper-case hex signature', () => {
		expect(verifyVodCallback({ ...base, signature: DOC_SIGNATURE.toUpperCase() }).valid).toBe(true);
	});

	it.each([
		['no timestamp', { timestamp: undefined }, 'missing-headers'],
		['an empty signature', { signature: '' }, 'missing-headers'],
		['a non-numeric timestamp', { timestamp: '15193759xx' }, 'malformed-timestamp'],
		['a fractional timestamp', { timestamp: '1519375990.5' }, 'malformed-timestamp'],
		['a timestamp older than the window', { nowSeconds: 1519375990 + 301 }, 'expired'],
		['a timestamp ahead beyond the window', { nowSeconds: 1519375990 - 301 }, 'from-future'],
		['a wrong key', { keys: ['other'] }, 'bad-signature'],
		['no key at all', { keys: [] }, 'bad-signature'],
		['a signature of another length', { signature: 'abc' }, 'bad-signature'],
		['a different URL (trailing slash)', { callbackUrl: `${URL_}/` }, 'bad-signature'],
	] as const)('rejects %s', (_case, change, reason) => {
		expect(verifyVodCallback({ ...base, ...change })).toEqual({ valid: false, reason });
	});

	it('accepts timestamps exactly at the window edges', () => {
		expect(verifyVodCallback({ ...base, nowSeconds: 1519375990 + 300 }).valid).toBe(true);
		expect(verifyVodCallback({ ...base, nowSeconds: 1519375990 - 300 }).valid).toBe(true);
	});

	it('never matches an empty configured key', () => {
		const withEmptyKey = createHash('md5').update(`${URL_}|${TS}|`).digest('hex');
		expect(verifyVodCallback({ ...base, signature: withEmptyKey, keys: [''] })).toEqual({
			valid: false,
			reason: 'bad-signature',
		});
	});
});
