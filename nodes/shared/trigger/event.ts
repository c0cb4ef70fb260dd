import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { isRecord, parseJson } from '../../../credentials/common/json';

/** The delivery's body as an object, or undefined when it is not a JSON object. */
export function parseEventBody(
	rawBody: Buffer | undefined,
	parsedBody: unknown,
): IDataObject | undefined {
	if (rawBody === undefined || rawBody.length === 0)
		return isRecord(parsedBody) ? parsedBody : undefined;
	const value = parseJson(rawBody.toString('utf8'));
	return isRecord(value) ? value : undefined;
}

/** JSON with object keys sorted at every level, so equal events serialise to equal text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (isRecord(value)) {
		const members = Object.keys(value)
			.sort()
			.filter((key) => value[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * Clouds re-send the same body on each retry (only headers such as a timestamp change), so a
 * hash of the canonical body identifies the event across deliveries.
 */
export function eventIdOf(event: IDataObject): string {
	return createHash('sha256').update(canonicalJson(event), 'utf8').digest('hex');
}

/** Headers that let whoever reads the execution impersonate the sender or the caller. */
const WITHHELD_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The headers to put in the output, without credentials and without the cloud's `signatureHeaders`:
 * with the timestamp, a signature lets anyone replay a forged body inside the replay window.
 */
export function publicHeaders(
	headers: Record<string, string | string[] | undefined>,
	signatureHeaders: readonly string[] = [],
): IDataObject {
	const withheld = new Set([
		...WITHHELD_HEADERS,
		...signatureHeaders.map((name) => name.toLowerCase()),
	]);
	const kept: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined && !withheld.has(name.toLowerCase())) kept[name] = value;
	}
	return kept;
}
