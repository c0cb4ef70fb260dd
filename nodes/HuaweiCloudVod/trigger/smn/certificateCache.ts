import { signingKeyOf, type SigningKey } from './certificate';

/** Certificates kept per trigger process; the least recently used goes first. */
export const MAX_CACHED_CERTIFICATES = 20;

/** SMN rotates signing certificates rarely; a day bounds how long a replaced one is trusted. */
export const CERTIFICATE_TTL_MS = 24 * 60 * 60 * 1000;

export type TextFetch = (url: string) => Promise<string>;

/** A usable key, a certificate that yields none, or a fetch that failed. */
export type CachedKeyResult = SigningKey | 'unusable' | 'unavailable';

interface CachedKey {
	fetchedAt: number;
	/** Shared by deliveries that arrive while the certificate is being fetched. */
	key: Promise<CachedKeyResult>;
}

const keysByUrl = new Map<string, CachedKey>();

function remember(url: string, entry: CachedKey): void {
	keysByUrl.delete(url);
	keysByUrl.set(url, entry);
	if (keysByUrl.size <= MAX_CACHED_CERTIFICATES) return;
	const oldest = keysByUrl.keys().next().value;
	if (oldest !== undefined) keysByUrl.delete(oldest);
}

async function fetchKey(url: string, fetchText: TextFetch): Promise<CachedKeyResult> {
	try {
		return signingKeyOf(await fetchText(url)) ?? 'unusable';
	} catch {
		return 'unavailable';
	}
}

/**
 * The signing key of the certificate at `url`, fetched once per URL and day. Only a usable key is
 * kept: after a failed fetch or an unusable certificate the next delivery fetches again.
 */
export async function cachedSigningKey(
	url: string,
	fetchText: TextFetch,
	now: number,
): Promise<CachedKeyResult> {
	const cached = keysByUrl.get(url);
	if (cached !== undefined && now - cached.fetchedAt < CERTIFICATE_TTL_MS) {
		remember(url, cached);
		return await cached.key;
	}
	const entry: CachedKey = { fetchedAt: now, key: fetchKey(url, fetchText) };
	remember(url, entry);
	const key = await entry.key;
	if (typeof key === 'string' && keysByUrl.get(url) === entry) keysByUrl.delete(url);
	return key;
}
