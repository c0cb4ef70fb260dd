import type { EmulatorRequest } from './http';

/**
 * - `serverError`: a 5xx with the cloud's error body, the request never reaches a handler;
 * - `reset`: the socket is destroyed, before handling or (phase `after`) once the handler ran,
 *   which leaves the caller not knowing whether a job was created;
 * - `delay`: the request is handled after `delayMs`;
 * - `malformed`: the handler runs and its body is cut in half (truncated JSON);
 * - `errorBody200`: HTTP 200 whose body is a cloud error; the handler does not run;
 * - `body200`: HTTP 200 with `body` as JSON text (a success missing fields); the handler does not run;
 * - `echoRequest`: a 400 `SignatureDoesNotMatch` (or `code`) in the cloud's format whose message
 *   echoes the request as received (method, path, query, headers), as gateways echo their canonical
 *   request; the handler does not run.
 */
export type FaultKind =
	| 'serverError'
	| 'reset'
	| 'delay'
	| 'malformed'
	| 'errorBody200'
	| 'body200'
	| 'echoRequest';

export interface FaultMatch {
	/** Path prefix, e.g. `/` matches everything, `/queues/` only MNS. */
	path?: string;
	/** RPC action (`Action` parameter or `x-acs-action` header). */
	action?: string;
	/** A query parameter the request must carry, e.g. `task_id` for Huawei's task lookups. */
	queryHas?: string;
}

export interface FaultSpec {
	kind: FaultKind;
	/** How many matching requests the fault applies to; default 1. */
	count?: number;
	match?: FaultMatch;
	/** `serverError`: 500 or 503 (default 503). */
	status?: number;
	/** `serverError` / `errorBody200`: the error code in the body. */
	code?: string;
	delayMs?: number;
	phase?: 'before' | 'after';
	/** `body200`: the answer's body. */
	body?: string;
}

interface ActiveFault extends FaultSpec {
	remaining: number;
}

export function requestAction(req: EmulatorRequest): string | undefined {
	return req.url.searchParams.get('Action') ?? req.headers['x-acs-action'];
}

function matches(fault: ActiveFault, req: EmulatorRequest): boolean {
	const { path, action, queryHas } = fault.match ?? {};
	if (path !== undefined && !req.url.pathname.startsWith(path)) return false;
	if (queryHas !== undefined && !req.url.searchParams.has(queryHas)) return false;
	return action === undefined || requestAction(req) === action;
}

export class FaultInjector {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		this.faults.push({ ...spec, remaining: spec.count ?? 1 });
	}

	clear(): void {
		this.faults = [];
	}

	/** The first pending fault matching the request, consumed by one use. */
	take(req: EmulatorRequest): FaultSpec | undefined {
		const fault = this.faults.find((candidate) => matches(candidate, req));
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
		return fault;
	}
}
