/** RFC 3339 date-time: date, `T`, time, optional fraction, `Z` or an offset. */
const RFC_3339 =
	/^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The time as VOD's task API takes it (RFC 3339 in UTC, whole seconds: 2020-09-01T18:50:20Z), or
 * undefined when the text is not an RFC 3339 date-time.
 */
export function vodUtcTime(text: string): string | undefined {
	if (!RFC_3339.test(text)) return undefined;
	const ms = Date.parse(text.toUpperCase());
	if (Number.isNaN(ms)) return undefined;
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function timeProblem(label: string, text: string): string | undefined {
	if (text === '' || vodUtcTime(text) !== undefined) return undefined;
	return `${label} must be an RFC 3339 date-time such as 2020-09-01T18:50:20Z (got "${text}")`;
}
