/** A response body as `encoding: 'stream'` returns it: a Node readable. */
export interface ReadableBody extends AsyncIterable<unknown> {
	destroy(error?: Error): unknown;
}

export function isReadableBody(value: unknown): value is ReadableBody {
	return (
		typeof value === 'object' &&
		value !== null &&
		Symbol.asyncIterator in value &&
		'destroy' in value &&
		typeof value.destroy === 'function'
	);
}

/** Thrown when a body is larger than the cap; `bytes` is what was known or read when it stopped. */
export class OverCapError extends Error {
	constructor(
		readonly bytes: number,
		readonly declared: boolean,
	) {
		super(`body exceeds the size cap (${bytes} bytes ${declared ? 'declared' : 'read'})`);
	}
}

function chunkBytes(chunk: unknown): Buffer {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (chunk instanceof Uint8Array) return Buffer.from(chunk);
	return Buffer.from(String(chunk));
}

/**
 * Reads the body up to `maxBytes`. One byte more aborts the request (`stop`, whose signal the
 * request was sent with, which closes the connection) before the body is dropped; `stop` aborting
 * otherwise (time-out, cancelled execution) ends the read with an error.
 */
export async function readCapped(
	body: ReadableBody,
	maxBytes: number,
	stop: AbortController,
): Promise<Buffer> {
	const { signal } = stop;
	const onAbort = () => body.destroy(new Error(`download stopped: ${String(signal.reason)}`));
	if (signal.aborted) onAbort();
	signal.addEventListener('abort', onAbort, { once: true });
	const chunks: Buffer[] = [];
	let received = 0;
	try {
		for await (const chunk of body) {
			const bytes = chunkBytes(chunk);
			received += bytes.length;
			if (received > maxBytes) {
				stop.abort();
				throw new OverCapError(received, false);
			}
			chunks.push(bytes);
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	return Buffer.concat(chunks);
}
