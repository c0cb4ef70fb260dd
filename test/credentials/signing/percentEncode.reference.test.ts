import { describe, expect, it } from 'vitest';

import { percentEncode } from '../../../credentials/signing/percentEncode';

/** The encoder before its fast paths (and the SDKs' `encode`): the output must not move a byte. */
function referencePercentEncode(text: string): string {
	return encodeURIComponent(text).replace(
		/[!'()*]/g,
		(character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Every printable ASCII character, controls, Latin-1, CJK and an astral character (a surrogate pair). */
const ALPHABET = [
	...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)),
	'é',
	'ÿ',
	'截',
	'图',
	'🎬',
];

describe('percentEncode against the reference encoder', () => {
	const random = seededRandom(7);
	const texts = Array.from({ length: 2000 }, () =>
		Array.from(
			{ length: Math.floor(random() * 12) },
			() => ALPHABET[Math.floor(random() * ALPHABET.length)],
		).join(''),
	);

	it('encodes 2,000 generated texts byte for byte the same', () => {
		for (const text of ['', 'AZaz09-_.~', ...ALPHABET, ...texts]) {
			expect(percentEncode(text)).toBe(referencePercentEncode(text));
		}
	});

	it('still refuses a lone surrogate, as encodeURIComponent does', () => {
		expect(() => percentEncode('a\uD800')).toThrow(URIError);
	});
});
