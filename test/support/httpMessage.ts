/** Reading the node:http messages test servers receive. */

/** The whole body of a request (or response) stream. */
export async function readBody(message: AsyncIterable<Buffer | string>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks);
}

/** Headers as one string each; a repeated header's values joined with ", ". */
export function flatHeaders(
	headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}
