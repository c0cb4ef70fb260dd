import { sleep as n8nSleep } from 'n8n-workflow';

export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The time the kit reads and waits on; tests pass one that only moves when something sleeps. */
export interface Clock {
	now: () => number;
	sleep: SleepFn;
}

/** n8n's `sleep` takes the abort signal, so a cancel ends a wait at once. */
export const systemClock: Clock = { now: () => Date.now(), sleep: n8nSleep };

/**
 * A wait (the pacer's slot) would end past the caller's deadline, so the call was not sent. The
 * retry turns it into the previous attempt's failure, if there was one; a wait reads it as time up.
 */
export class DeadlineReached extends Error {
	constructor(readonly deadlineMs: number) {
		super(
			`The wait's deadline (${new Date(deadlineMs).toISOString()}) came before the next request could be sent`,
		);
		this.name = 'DeadlineReached';
	}
}

/** Whether a wait of `waitMs` from `nowMs` ends by the deadline; always true without one. */
export function endsByDeadline(nowMs: number, waitMs: number, deadlineMs?: number): boolean {
	return deadlineMs === undefined || nowMs + waitMs <= deadlineMs;
}
