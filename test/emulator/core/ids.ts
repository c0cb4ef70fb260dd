import { randomUUID } from 'node:crypto';

/** Aliyun request ids are upper-case UUIDs. */
export function newRequestId(): string {
	return randomUUID().toUpperCase();
}

/** Job ids, tokens and message ids: 32 lower-case hex characters. */
export function newHexId(): string {
	return randomUUID().replace(/-/g, '');
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the UTC format every Aliyun API returns. */
export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
