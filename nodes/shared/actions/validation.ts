import type { INode } from 'n8n-workflow';

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

/**
 * An absolute http(s) URL with a host, at most `maxBytes` bytes of UTF-8; the scheme is
 * case-insensitive.
 */
export function httpUrlProblem(field: string, value: string, maxBytes: number): string | undefined {
	const wrongForm = `${field} must be an http:// or https:// URL with a host (got "${value}")`;
	if (!/^https?:\/\/[^\s/?#]/i.test(value) || /\s/.test(value)) return wrongForm;
	let host: string;
	try {
		host = new URL(value).hostname;
	} catch {
		return wrongForm;
	}
	if (host === '') return wrongForm;
	const bytes = Buffer.byteLength(value, 'utf8');
	return bytes > maxBytes ? `${field} must be at most ${maxBytes} bytes (got ${bytes})` : undefined;
}

export function requiredProblem(field: string, value: string): string | undefined {
	return value === '' ? `${field} is required` : undefined;
}

export function firstProblem(...problems: Array<string | undefined>): string | undefined {
	return problems.find((problem) => problem !== undefined);
}

/**
 * n8n's Retry On Fail runs the whole node again, every item included: an operation that creates
 * something (a job submit) would create it again for the items that had succeeded, and again for
 * one whose outcome was unknown. The transport already retries what is safe to retry.
 */
export function retryOnFailProblem(node: INode, operation: string): string | undefined {
	return node.retryOnFail === true
		? `Turn off Retry On Fail in the node's Settings for ${operation}: n8n would run every item again and submit the jobs of the items that had already succeeded. The node already retries by itself whatever is safe to retry.`
		: undefined;
}
