import { headerValue } from '../http';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

const DEFAULT_MIME_TYPE = 'image/jpeg';

export function fileNameFromUrl(url: string, fallback: string): string {
	try {
		const segment = new URL(url).pathname.split('/').pop() ?? '';
		return segment === '' ? fallback : decodeURIComponent(segment);
	} catch {
		return fallback;
	}
}

export function mimeTypeFromHeaders(headers: ResponseHeaders): string {
	const value = headerValue(headers, 'content-type')?.split(';')[0].trim();
	return value ? value : DEFAULT_MIME_TYPE;
}
