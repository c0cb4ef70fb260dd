import type { IDataObject } from 'n8n-workflow';

/** A JSON-style object: not null and not an array. */
export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed value, or `undefined` when the text is not JSON (callers decide what that means). */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
