import { invalidParameter } from '../gateway/errors';
import type { VodVideo } from './videos';

export type VideoPredicate = (video: VodVideo) => boolean;

const FIELDS: Readonly<Record<string, (video: VodVideo) => string>> = {
	VideoId: (video) => video.videoId,
	Title: (video) => video.title,
	Status: (video) => video.status,
	CateId: (video) => String(video.cateId ?? ''),
	AppId: (video) => video.appId,
	Tags: (video) => video.tags ?? '',
};

/** Fields whose `=` is a fuzzy (substring) match in VOD search; the others compare exactly. */
const FUZZY_FIELDS: ReadonlySet<string> = new Set(['Title', 'Tags']);

const CLAUSE = /^\s*(\w+)\s*(=|in)\s*(\(.*\)|'[^']*'|"[^"]*"|\S+)\s*$/i;

function unquote(value: string): string {
	const trimmed = value.trim();
	return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

function clausePredicate(clause: string): VideoPredicate {
	const found = CLAUSE.exec(clause);
	const field = found ? FIELDS[found[1]] : undefined;
	if (!found || !field) throw invalidParameter('Match', `Unsupported expression: ${clause.trim()}`);
	const [, name, operator, operand] = found;
	if (operator.toLowerCase() === 'in') {
		if (!operand.startsWith('('))
			throw invalidParameter('Match', `"in" needs a list: ${clause.trim()}`);
		const values = operand.slice(1, -1).split(',').map(unquote);
		return (video) => values.includes(field(video));
	}
	const expected = unquote(operand);
	if (FUZZY_FIELDS.has(name)) return (video) => field(video).includes(expected);
	return (video) => field(video) === expected;
}

/** `Status in ('Normal','Checking') and Title = 'clip'`: clauses joined by `and`. */
export function parseMatch(match: string | undefined): VideoPredicate {
	if (match === undefined || match.trim() === '') return () => true;
	const clauses = match.split(/\s+and\s+/i).map(clausePredicate);
	return (video) => clauses.every((predicate) => predicate(video));
}
