/**
 * A date text as `yyyy-MM-ddTHH:mm:ssZ` (UTC, whole seconds), the form Aliyun and Huawei APIs take;
 * undefined when the text is not a date.
 */
export function utcSeconds(value: string): string | undefined {
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
