/** Range checks that run before any request; each returns a message naming the field, or undefined. */

export function rangeProblem(
	field: string,
	value: number | undefined,
	min: number,
	max: number,
): string | undefined {
	if (value === undefined) return undefined;
	if (!Number.isInteger(value) || value < min || value > max) {
		return `${field} must be a whole number from ${min} to ${max} (got ${value})`;
	}
	return undefined;
}

export function minimumProblem(
	field: string,
	value: number | undefined,
	min: number,
): string | undefined {
	if (value === undefined) return undefined;
	if (!Number.isInteger(value) || value < min) {
		return `${field} must be a whole number of at least ${min} (got ${value})`;
	}
	return undefined;
}

export function requiredProblem(field: string, value: string): string | undefined {
	return value === '' ? `${field} is required` : undefined;
}

export function firstProblem(...problems: Array<string | undefined>): string | undefined {
	return problems.find((problem) => problem !== undefined);
}
