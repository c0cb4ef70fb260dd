/**
 * A 16×16 mid-grey baseline JPEG, built once from its segments so snapshot downloads return
 * real image bytes. Each 8×8 block holds only a zero DC difference and an end-of-block, so the
 * Huffman tables need one code each.
 */

function segment(marker: number, payload: number[]): number[] {
	const length = payload.length + 2;
	return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

const SIZE = 16;

const jfifHeader = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const quantizationTable = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
const frameHeader = segment(0xc0, [8, 0, SIZE, 0, SIZE, 1, 1, 0x11, 0]);
/** One code of length 1 per table: DC category 0, AC end-of-block (symbol 0x00). */
const singleCodeCounts = [1, ...new Array<number>(15).fill(0)];
const huffmanTables = segment(0xc4, [
	0x00,
	...singleCodeCounts,
	0x00,
	0x10,
	...singleCodeCounts,
	0x00,
]);
const scanHeader = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
/** Four blocks × ("0" DC + "0" EOB) = 8 zero bits. */
const entropyCodedData = [0x00];

export const TINY_JPEG: Buffer = Buffer.from([
	0xff,
	0xd8,
	...jfifHeader,
	...quantizationTable,
	...frameHeader,
	...huffmanTables,
	...scanHeader,
	...entropyCodedData,
	0xff,
	0xd9,
]);
