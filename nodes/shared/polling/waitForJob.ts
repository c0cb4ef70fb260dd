import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationError } from '../actions/itemErrors';
import { DeadlineReached, systemClock } from '../clock';
import { isTransientError } from '../errors';
import { upperFirst } from '../text';
import { withSubmittedJob, type SubmittedJobRef } from './jobErrors';
import { pollUntil } from './pollUntil';

export const DEFAULT_MAX_WAIT_SECONDS = 600;
export const DEFAULT_POLL_INTERVAL_SECONDS = 10;
export const MAX_WAIT_LIMIT_SECONDS = 86400;
export const MIN_POLL_INTERVAL_SECONDS = 0.5;

export interface WaitSettings {
	maxWaitSeconds: number;
	pollIntervalSeconds: number;
}

/** The settings from the Options entries of `waitOptions` (nodes/shared/actions/fields.ts). */
export function waitSettings(options: IDataObject): WaitSettings {
	return {
		maxWaitSeconds: (options.maxWaitTime as number | undefined) ?? DEFAULT_MAX_WAIT_SECONDS,
		pollIntervalSeconds:
			(options.pollInterval as number | undefined) ?? DEFAULT_POLL_INTERVAL_SECONDS,
	};
}

export function waitSettingsProblem(settings: WaitSettings): string | undefined {
	const { maxWaitSeconds, pollIntervalSeconds } = settings;
	if (!(maxWaitSeconds >= 1 && maxWaitSeconds <= MAX_WAIT_LIMIT_SECONDS)) {
		return `Max Wait Time must be from 1 to ${MAX_WAIT_LIMIT_SECONDS} seconds (got ${maxWaitSeconds})`;
	}
	if (
		!(pollIntervalSeconds >= MIN_POLL_INTERVAL_SECONDS && pollIntervalSeconds <= maxWaitSeconds)
	) {
		return `Poll Interval must be from ${MIN_POLL_INTERVAL_SECONDS} seconds to the Max Wait Time (got ${pollIntervalSeconds})`;
	}
	return undefined;
}

export interface JobToWaitFor<T> extends SubmittedJobRef {
	/** How messages name the job, e.g. `snapshot job 8d0e…`. */
	name: string;
	/**
	 * One check of the job: its result once finished, else undefined. Its requests take
	 * `deadlineMs` (the end of Max Wait Time), so that none of their retries outlasts the wait.
	 */
	check: (deadlineMs: number) => Promise<T | undefined>;
}

/**
 * A check's call options for fetching a job's result once the check found it finished: that
 * fetch is not bounded by the wait's deadline (as downloads after the wait are not).
 */
export function withoutDeadline<T extends { deadlineMs?: number }>(options: T): T {
	return { ...options, deadlineMs: undefined };
}

function timedOutMessage(name: string, maxWaitSeconds: number, lastFailure: unknown): string {
	const message = `${upperFirst(name)} did not complete within ${maxWaitSeconds} seconds`;
	return lastFailure instanceof Error
		? `${message} (the last check failed: ${lastFailure.message})`
		: message;
}

/**
 * Polls the job's check within the wait settings and returns its result. The job exists, so a
 * transient failure of a check (throttling, 5xx, connection, time-out) only skips that check, as
 * does a request the deadline left no time to send; every error that ends the wait (time-out,
 * cancel, a lasting failure) carries the job's id and resume hint.
 */
export async function waitForJob<T>(
	this: IExecuteFunctions,
	job: JobToWaitFor<T>,
	settings: WaitSettings,
	itemIndex: number,
): Promise<T> {
	const signal = this.getExecutionCancelSignal();
	let lastFailure: unknown;
	const check = async (deadlineMs: number): Promise<T | undefined> => {
		try {
			const value = await job.check(deadlineMs);
			lastFailure = undefined;
			return value;
		} catch (error) {
			if (error instanceof DeadlineReached) return undefined;
			if (!isTransientError(error) && !signal?.aborted) {
				throw withSubmittedJob(this.getNode(), error, job, itemIndex);
			}
			lastFailure = error;
			return undefined;
		}
	};
	const outcome = await pollUntil(check, {
		intervalMs: settings.pollIntervalSeconds * 1000,
		maxWaitMs: settings.maxWaitSeconds * 1000,
		signal,
		clock: systemClock,
	});
	if (outcome.status === 'done') return outcome.value;
	const message =
		outcome.status === 'cancelled'
			? `Execution cancelled while waiting for ${job.name}`
			: timedOutMessage(job.name, settings.maxWaitSeconds, lastFailure);
	throw withSubmittedJob(
		this.getNode(),
		operationError(this.getNode(), message, { itemIndex }),
		job,
		itemIndex,
	);
}
