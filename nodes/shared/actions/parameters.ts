import { UserError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * Parameters set by expressions can have any type. These read them as the type the field declares,
 * coercing what is unambiguous (a number where text is expected, digits where a number is) and
 * refusing the rest with the field's name, before any request is sent.
 */

function describeValue(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'a list' : typeof value;
}

/** Text for a string field: a finite number becomes its decimal text. */
export function coerceText(label: string, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new UserError(`${label} must be text (got ${describeValue(value)})`);
}

/** A number for a number field: a string of a decimal number becomes that number. */
export function coerceNumber(label: string, value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) {
		return Number(value);
	}
	throw new UserError(`${label} must be a number (got ${describeValue(value)})`);
}

/** A boolean for a switch: the text "true" or "false", in any case, becomes that boolean. */
export function coerceBoolean(label: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw new UserError(`${label} must be true or false (got ${describeValue(value)})`);
}

/** Field name → label for messages, for the fields of one type in a collection. */
/**
 * The values of a multi-options parameter that are among `allowed`, in the order given: an
 * expression can yield anything, and a value the node does not know must not pass as one it does.
 */
export function chosenValues<T extends string>(value: unknown, allowed: readonly T[]): T[] {
	if (!Array.isArray(value)) return [];
	return value.filter((entry): entry is T => allowed.some((known) => known === entry));
}

export type FieldLabels = Readonly<Record<string, string>>;

/** The collection with its set number and text fields coerced (see coerceNumber, coerceText). */
export function coerceFields(
	collection: IDataObject,
	fields: { numbers?: FieldLabels; texts?: FieldLabels },
): IDataObject {
	const coerced: IDataObject = { ...collection };
	const coerceEach = (
		labels: FieldLabels,
		coerce: (label: string, value: unknown) => string | number,
	) => {
		for (const [field, label] of Object.entries(labels)) {
			const value = coerced[field];
			if (value !== undefined && value !== null) coerced[field] = coerce(label, value);
		}
	};
	// An empty number field holds '' (a field whose default is '' means "not set").
	for (const field of Object.keys(fields.numbers ?? {})) {
		const value = coerced[field];
		if (typeof value === 'string' && value.trim() === '') delete coerced[field];
	}
	coerceEach(fields.numbers ?? {}, coerceNumber);
	coerceEach(fields.texts ?? {}, coerceText);
	return coerced;
}

/** The item's string parameter `name` as trimmed text; `label` names it in messages. */
export function readText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
	fallback = '',
): string {
	return coerceText(label, this.getNodeParameter(name, i, fallback)).trim();
}

/** The item's boolean parameter `name`; `label` names it in messages. */
export function readBoolean(
	this: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): boolean {
	return coerceBoolean(label, this.getNodeParameter(name, i, false));
}

/** The shared Options entries (fields.ts): pace, wait and download settings. */
const SHARED_OPTION_NUMBERS: FieldLabels = {
	maxRequestsPerSecond: 'Max Requests per Second',
	maxWaitTime: 'Max Wait Time',
	pollInterval: 'Poll Interval',
	maxFileSize: 'Max File Size (MB)',
};
const SHARED_OPTION_TEXTS: FieldLabels = { binaryPropertyName: 'Put Output File in Field' };

/** The item's Options collection, its shared entries and the operation's own ones coerced. */
export function readOptions(
	this: IExecuteFunctions,
	i: number,
	own: { numbers?: FieldLabels; texts?: FieldLabels } = {},
): IDataObject {
	return coerceFields(this.getNodeParameter('options', i, {}) as IDataObject, {
		numbers: { ...SHARED_OPTION_NUMBERS, ...own.numbers },
		texts: { ...SHARED_OPTION_TEXTS, ...own.texts },
	});
}
