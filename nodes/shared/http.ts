/** Headers as node gives them: lower-case names, a list for a repeated header. */
export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** A header's first value. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** The whole number a header writes in digits (Content-Length, Retry-After seconds), else undefined. */
export function digitsValue(value: string | undefined): number | undefined {
	if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
	return Number(value.trim());
}
