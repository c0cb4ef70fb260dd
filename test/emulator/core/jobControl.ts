import type { TimerSet } from './timers';

export type JobProduct = 'vod' | 'mps';

export interface JobFailure {
	code: string;
	message: string;
}

export const DEFAULT_JOB_DURATION_MS = 300;

/** How long asynchronous snapshot jobs take and which of the next ones fail; shared by VOD and MPS. */
export class JobControl {
	durationMs: number;
	private failures: Record<JobProduct, JobFailure[]> = { vod: [], mps: [] };

	constructor(
		private readonly timers: TimerSet,
		private readonly initialDurationMs = DEFAULT_JOB_DURATION_MS,
	) {
		this.durationMs = initialDurationMs;
	}

	failNext(product: JobProduct, count: number, failure: JobFailure): void {
		for (let index = 0; index < count; index++) this.failures[product].push(failure);
	}

	takeFailure(product: JobProduct): JobFailure | undefined {
		return this.failures[product].shift();
	}

	/** Moves a job to processing half-way through its duration and finishes it at the end. */
	schedule(onProcessing: () => void, onDone: () => void): void {
		const duration = this.durationMs;
		this.timers.after(duration / 2, onProcessing);
		this.timers.after(duration, onDone);
	}

	reset(): void {
		this.durationMs = this.initialDurationMs;
		this.failures = { vod: [], mps: [] };
	}
}
