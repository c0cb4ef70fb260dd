import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { isRecord, parseJson } from '../../../credentials/common/json';

/**
 * How deep a callback body's objects and arrays may nest, the body being level 1. Events nest a
 * few levels; handling is recursive (canonicalJson), so a deeper body would overflow the stack.
 */
export const MAX_EVENT_DEPTH = 64;

/** Whether no object or array in `value` lies deeper than `levels`, `value` itself being level 1. */
function nestsWithin(value: unknown, levels: number): boolean {
	if (typeof value !== 'object' || value === null) return true;
	if (levels === 0) return false;
	return Object.values(value).every((member: unknown) => nestsWithin(member, levels - 1));
}

function isEventObject(value: unknown): value is IDataObject {
	return isRecord(value) && nestsWithin(value, MAX_EVENT_DEPTH);
}

/** The delivery's body as an object, or undefined when it is not a JSON object of bounded depth. */
export function parseEventBody(
	rawBody: Buffer | undefined,
	parsedBody: unknown,
): IDataObject | undefined {
	if (rawBody === undefined || rawBody.length === 0)
		return isEventObject(parsedBody) ? parsedBody : undefined;
	const value = parseJson(rawBody.toString('utf8'));
	return isEventObject(value) ? value : undefined;
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
