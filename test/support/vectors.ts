/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The shared signing vectors: every `*.json` file in `../shared/vectors` next to the repository
 * (or in `VECTORS_DIR`), each holding `{ vectors: [{ id, scheme, ... }] }`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VECTORS_DIR = process.env.VECTORS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'vectors');

/** Every vector, of every file, whose `scheme` is one of `schemes`; the caller names the shape. */
export function loadVectors<V extends { scheme: string }>(schemes: readonly string[]): V[] {
	const files = readdirSync(VECTORS_DIR).filter((name) => name.endsWith('.json'));
	return files.flatMap((name) => {
		const parsed = JSON.parse(readFileSync(path.join(VECTORS_DIR, name), 'utf8')) as {
			vectors?: V[];
		};
		return (parsed.vectors ?? []).filter((vector) => schemes.includes(vector.scheme));
	});
}

/** A Huawei `SDK-HMAC-SHA256` vector (`huawei.json`). */
export interface HuaweiSdkVector {
	id: string;
	scheme: string;
	method: string;
	url: string;
	query: Record<string, string | string[]>;
	/** The query as the SDK put it on the wire. */
	wireQueryString: string;
	headers: Record<string, string>;
	body: string;
	ak: string;
	sk: string;
	securityToken?: string;
	sdkDate: string;
	expected: {
		canonicalRequest: string;
		stringToSign: string;
		signature: string;
		authorization: string;
		signedHeaders: string;
		payloadHash: string;
		sentHeaders: Record<string, string>;
	};
}

export function loadHuaweiSdkVectors(): HuaweiSdkVector[] {
	return loadVectors<HuaweiSdkVector>(['SDK-HMAC-SHA256']);
}

/** Every expected field of a vector equals what the signer computed, and none goes unchecked. */
export function expectVectorFields(
	id: string,
	actual: Record<string, unknown>,
	expected: Record<string, unknown>,
): void {
	expect(Object.keys(expected).length).toBeGreaterThan(0);
	for (const [field, value] of Object.entries(expected)) {
		expect(actual, `${id}: field "${field}" is not checked`).toHaveProperty([field]);
		expect(actual[field], `${id}: ${field}`).toEqual(value);
	}
}
