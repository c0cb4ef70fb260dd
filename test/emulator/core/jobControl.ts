import type { TimerSet } from './timers';

export interface JobFailure {
	code: string;
	message: string;
}

export const DEFAULT_JOB_DURATION_MS = 300;

/**
 * How long asynchronous snapshot jobs take and which of the next ones fail, per service key
 * (`vod`, `mts`); shared by VOD and MPS.
 */
export class JobControl {
	durationMs: number;
	private readonly failures = new Map<string, JobFailure[]>();

	constructor(
		private readonly timers: TimerSet,
		private readonly initialDurationMs = DEFAULT_JOB_DURATION_MS,
	) {
		this.durationMs = initialDurationMs;
	}

	failNext(service: string, count: number, failure: JobFailure): void {
		const queued = this.failures.get(service) ?? [];
		for (let index = 0; index < count; index++) queued.push(failure);
		this.failures.set(service, queued);
	}

	takeFailure(service: string): JobFailure | undefined {
		return this.failures.get(service)?.shift();
	}

	/** Moves a job to processing half-way through its duration and finishes it at the end. */
	schedule(onProcessing: () => void, onDone: () => void): void {
		const duration = this.durationMs;
		this.timers.after(duration / 2, onProcessing);
		this.timers.after(duration, onDone);
	}

	reset(): void {
		this.durationMs = this.initialDurationMs;
		this.failures.clear();
	}
}
