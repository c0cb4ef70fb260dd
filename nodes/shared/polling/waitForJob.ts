import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { upperFirst } from '../text';
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

export interface JobToWaitFor<T> {
	/** How messages name the job, e.g. `snapshot job 8d0e…`. */
	name: string;
	/** Tells how to get the result later, since the job may still finish after the wait ends. */
	resumeHint: string;
	/** One check of the job: its result once finished, else undefined. */
	check: () => Promise<T | undefined>;
}

/**
 * Polls the job's check within the wait settings and returns its result. A time-out or a
 * cancelled execution fails the item with the resume hint as description.
 */
export async function waitForJob<T>(
	this: IExecuteFunctions,
	job: JobToWaitFor<T>,
	settings: WaitSettings,
	itemIndex: number,
): Promise<T> {
	const outcome = await pollUntil(job.check, {
		intervalMs: settings.pollIntervalSeconds * 1000,
		maxWaitMs: settings.maxWaitSeconds * 1000,
		signal: this.getExecutionCancelSignal(),
		clock: { now: () => Date.now(), sleep },
	});
	if (outcome.status === 'done') return outcome.value;
	const message =
		outcome.status === 'cancelled'
			? `Execution cancelled while waiting for ${job.name}`
			: `${upperFirst(job.name)} did not complete within ${settings.maxWaitSeconds} seconds`;
	throw new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description: job.resumeHint,
	});
}
