import { isoSeconds } from '../../core/ids';
import { illegalField } from '../responses';

/** An optional integer query parameter in [min, max]; anything else is VOD.10053 on that field. */
export function queryInt(
	query: URLSearchParams,
	name: string,
	min: number,
	max: number,
	fallback: number,
): number {
	const raw = query.get(name);
	if (raw === null) return fallback;
	if (!/^\d+$/.test(raw)) throw illegalField(name);
	const value = Number(raw);
	if (value < min || value > max) throw illegalField(name);
	return value;
}

export function page<T>(items: T[], offset: number, limit: number): T[] {
	return items.slice(offset, offset + limit);
}

/** RFC 3339 UTC without milliseconds, as the VOD task API prints times (huawei.md 4.6). */
export function vodTime(ms: number | undefined): string {
	return ms === undefined ? '' : isoSeconds(ms);
}
