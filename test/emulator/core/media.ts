import { createHash } from 'node:crypto';

import { textResponse, type EmulatorRequest, type EmulatorResponse } from './http';
import { TINY_JPEG } from './jpeg';

export const MEDIA_PATH_PREFIX = '/__emulator/media/';

/** CDN "type A" URL signing key used for the snapshot URLs ListSnapshots returns. */
const URL_AUTH_PRIVATE_KEY = 'EmulatorUrlAuthKey';

function fileName(kind: string, index: number): string {
	return `${kind}-${String(index).padStart(5, '0')}.jpg`;
}

function authHash(path: string, expiresAtSeconds: number): string {
	return createHash('md5')
		.update(`${path}-${expiresAtSeconds}-0-0-${URL_AUTH_PRIVATE_KEY}`)
		.digest('hex');
}

/**
 * Snapshot images the emulator "produced": every registered (job, kind, index) is served as a
 * small JPEG. URLs may carry `auth_key=<expiry>-0-0-<md5>`, checked against the emulator clock.
 */
export class MediaLibrary {
	private readonly outputs = new Map<string, number>();

	constructor(private readonly baseUrl: () => string) {}

	register(jobId: string, kind: string, count: number): void {
		this.outputs.set(`${jobId}/${kind}`, count);
	}

	/** URL rule with the `placeholder` (`{SnapshotCount}`, `{Count}`) where the 5-digit index goes. */
	pattern(jobId: string, kind: string, placeholder: string): string {
		return `${this.baseUrl()}${MEDIA_PATH_PREFIX}${jobId}/${kind}-${placeholder}.jpg`;
	}

	url(jobId: string, kind: string, index: number): string {
		return `${this.baseUrl()}${MEDIA_PATH_PREFIX}${jobId}/${fileName(kind, index)}`;
	}

	signedUrl(jobId: string, kind: string, index: number, expiresAtMs: number): string {
		const path = `${MEDIA_PATH_PREFIX}${jobId}/${fileName(kind, index)}`;
		const expires = Math.floor(expiresAtMs / 1000);
		return `${this.baseUrl()}${path}?auth_key=${expires}-0-0-${authHash(path, expires)}`;
	}

	clear(): void {
		this.outputs.clear();
	}

	serve(req: EmulatorRequest): EmulatorResponse {
		const found = /^\/__emulator\/media\/([^/]+)\/(.+)-(\d{5})\.jpg$/.exec(req.url.pathname);
		const count = found ? this.outputs.get(`${found[1]}/${found[2]}`) : undefined;
		const exists =
			found !== null && count !== undefined && Number(found[3]) >= 1 && Number(found[3]) <= count;
		const authKey = req.url.searchParams.get('auth_key');
		if (exists && authKey !== null && !this.authorized(req.url.pathname, authKey, req.receivedAt))
			return textResponse(403, 'Forbidden');
		return imageResponse(exists);
	}

	private authorized(path: string, authKey: string, now: number): boolean {
		const [expires, , , hash] = authKey.split('-');
		return hash === authHash(path, Number(expires)) && Number(expires) * 1000 >= now;
	}
}

/** A snapshot image (the tiny JPEG) when it exists, else the CDN's plain 404. */
export function imageResponse(
	exists: boolean,
	headers: Record<string, string> = {},
): EmulatorResponse {
	if (!exists)
		return {
			status: 404,
			headers: { ...headers, 'content-type': 'text/plain' },
			body: 'Not Found',
		};
	return { status: 200, headers: { ...headers, 'content-type': 'image/jpeg' }, body: TINY_JPEG };
}
