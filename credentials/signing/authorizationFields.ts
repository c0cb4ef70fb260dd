/**
 * The `Name=value` fields of an `<ALGORITHM> Name=value,Name=value` Authorization header (ACS3,
 * OSS V4), separated by `,` or `, `; undefined when the algorithm differs or a field has no `=`.
 */
export function authorizationFields(
	value: string,
	algorithm: string,
): Map<string, string> | undefined {
	const prefix = `${algorithm} `;
	if (!value.startsWith(prefix)) return undefined;
	const fields = new Map<string, string>();
	for (const part of value.slice(prefix.length).split(',')) {
		const index = part.indexOf('=');
		if (index === -1) return undefined;
		fields.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
	}
	return fields;
}
