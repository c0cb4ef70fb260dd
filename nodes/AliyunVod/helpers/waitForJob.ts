import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pollUntil } from './poll';
import { latestSnapshotJobId, listSnapshots } from './snapshots';
import type { SnapshotRecord, SnapshotType } from './types';

export const DEFAULT_MAX_WAIT_SECONDS = 600;
export const DEFAULT_POLL_INTERVAL_SECONDS = 10;
const MAX_WAIT_LIMIT_SECONDS = 86400;
const MIN_POLL_INTERVAL_SECONDS = 0.5;

export interface WaitSettings {
	maxWaitSeconds: number;
	pollIntervalSeconds: number;
}

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

export interface SubmittedJob {
	jobId: string;
	videoId: string;
	/** ListSnapshots shows only the latest job of one type, so each possible type is checked. */
	snapshotTypes: SnapshotType[];
}

/** Polls ListSnapshots until the job is the latest of one of its types, then returns all its snapshots. */
export async function waitForSnapshotJob(
	this: IExecuteFunctions,
	job: SubmittedJob,
	settings: WaitSettings,
	itemIndex: number,
): Promise<SnapshotRecord[]> {
	const findType = async (): Promise<SnapshotType | undefined> => {
		for (const snapshotType of job.snapshotTypes) {
			const latest = await latestSnapshotJobId.call(
				this,
				{ videoId: job.videoId, snapshotType },
				{ itemIndex },
			);
			if (latest === job.jobId) return snapshotType;
		}
		return undefined;
	};
	const outcome = await pollUntil(findType, {
		intervalMs: settings.pollIntervalSeconds * 1000,
		maxWaitMs: settings.maxWaitSeconds * 1000,
		signal: this.getExecutionCancelSignal(),
		clock: { now: () => Date.now(), sleep },
	});
	if (outcome.status === 'done') {
		return await listSnapshots.call(
			this,
			{ videoId: job.videoId, snapshotType: outcome.value },
			undefined,
			{ itemIndex },
		);
	}
	const resume = `Snapshot job ${job.jobId} was submitted and may still finish: use Snapshot → Get Many (List Snapshots) with Video ID ${job.videoId} to get its snapshots later.`;
	if (outcome.status === 'cancelled') {
		throw new NodeOperationError(
			this.getNode(),
			`Execution cancelled while waiting for snapshot job ${job.jobId}`,
			{ itemIndex, description: resume },
		);
	}
	throw new NodeOperationError(
		this.getNode(),
		`Snapshot job ${job.jobId} did not complete within ${settings.maxWaitSeconds} seconds`,
		{ itemIndex, description: resume },
	);
}
