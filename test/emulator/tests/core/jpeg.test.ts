import { describe, expect, it } from 'vitest';

import { TINY_JPEG } from '../../core/jpeg';

/** Walks the marker segments of a baseline JPEG (ITU-T T.81 B.1). */
function segments(bytes: Buffer): Array<{ marker: number; payload: Buffer }> {
	const found: Array<{ marker: number; payload: Buffer }> = [];
	let offset = 2;
	while (offset < bytes.length) {
		expect(bytes[offset]).toBe(0xff);
		const marker = bytes[offset + 1];
		if (marker === 0xd9) return [...found, { marker, payload: Buffer.alloc(0) }];
		const length = bytes.readUInt16BE(offset + 2);
		found.push({ marker, payload: bytes.subarray(offset + 4, offset + 2 + length) });
		offset += 2 + length;
		// After the scan header comes entropy-coded data up to the next marker.
		if (marker === 0xda)
			while (offset < bytes.length && !(bytes[offset] === 0xff && bytes[offset + 1] !== 0x00))
				offset++;
	}
	return found;
}

describe('the snapshot image the emulator serves', () => {
	it('is a baseline JPEG: SOI, JFIF, DQT, SOF0, DHT, SOS, data, EOI', () => {
		expect(TINY_JPEG.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		expect(segments(TINY_JPEG).map((segment) => segment.marker)).toEqual([
			0xe0, 0xdb, 0xc0, 0xc4, 0xda, 0xd9,
		]);
	});

	it('declares 8-bit precision and a 16×16 single-component frame', () => {
		const frame = segments(TINY_JPEG).find((segment) => segment.marker === 0xc0)?.payload;
		expect(frame?.[0]).toBe(8);
		expect(frame?.readUInt16BE(1)).toBe(16);
		expect(frame?.readUInt16BE(3)).toBe(16);
		expect(frame?.[5]).toBe(1);
	});
});
