import { isRecord, parseJson } from '../../core/json';
import { invalidParameter, missingParameter } from './errors';

/** The request's RPC parameters (query and form body together), with typed, validating readers. */
export class RpcParams {
	constructor(private readonly values: ReadonlyMap<string, string>) {}

	get(name: string): string | undefined {
		const value = this.values.get(name);
		return value === '' ? undefined : value;
	}

	required(name: string): string {
		const value = this.get(name);
		if (value === undefined) throw missingParameter(name);
		return value;
	}

	/** An integer in [min, max]; absent → `fallback`. */
	integer(name: string, fallback: number, range: { min: number; max: number }): number;
	integer(
		name: string,
		fallback: undefined,
		range: { min: number; max: number },
	): number | undefined;
	integer(
		name: string,
		fallback: number | undefined,
		range: { min: number; max: number },
	): number | undefined {
		const raw = this.get(name);
		if (raw === undefined) return fallback;
		if (!/^-?\d+$/.test(raw)) throw invalidParameter(name, 'It must be an integer.');
		const value = Number(raw);
		if (value < range.min || value > range.max) {
			throw invalidParameter(name, `It must be between ${range.min} and ${range.max}.`);
		}
		return value;
	}

	/** A JSON object parameter (SnapshotConfig, UserData …); absent → undefined. */
	jsonObject(name: string): Record<string, unknown> | undefined {
		const raw = this.get(name);
		if (raw === undefined) return undefined;
		const parsed = parseJson(raw);
		if (!isRecord(parsed)) throw invalidParameter(name, 'It must be a JSON object.');
		return parsed;
	}
}
