import type { EmulatorResponse } from '../http';

/**
 * A complete baseline JPEG: one 8×8 mid-grey block. Both Huffman tables hold one 1-bit code
 * (DC category 0, AC end-of-block), so the whole scan is the bits `00` padded with ones: 0x3F.
 */
export const SNAPSHOT_JPEG = Buffer.from(
	[
		'ffd8',
		'ffe000104a46494600010100000100010000',
		`ffdb004300${'01'.repeat(64)}`,
		'ffc0000b080008000801011100',
		`ffc400140001${'00'.repeat(15)}00`,
		`ffc400141001${'00'.repeat(15)}00`,
		'ffda000801010000003f00',
		'3f',
		'ffd9',
	].join(''),
	'hex',
);

export function mediaResponse(found: boolean, requestId: string): EmulatorResponse {
	if (!found) {
		return {
			status: 404,
			headers: { 'x-request-id': requestId, 'content-type': 'text/plain' },
			body: 'Not Found',
		};
	}
	return {
		status: 200,
		headers: { 'x-request-id': requestId, 'content-type': 'image/jpeg' },
		body: SNAPSHOT_JPEG,
	};
}
