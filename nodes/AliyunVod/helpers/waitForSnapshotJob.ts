import type { IExecuteFunctions } from 'n8n-workflow';

import { waitForJob, type SubmittedJobRef, type WaitSettings } from '../../shared/polling';
import type { CallOptions } from '../../shared/actions';
import type { SnapshotType } from '../transport/types';
import { latestSnapshotJobId, listSnapshots, type SnapshotRecord } from './listSnapshots';

export interface SubmittedJob {
	jobId: string;
	videoId: string;
	/** ListSnapshots shows only the latest job of one type, so each possible type is checked. */
	snapshotTypes: SnapshotType[];
}

/** The job's id and how to get its snapshots later, for every failure after the Submit. */
export function submittedSnapshotJob(job: SubmittedJob): SubmittedJobRef {
	return {
		jobId: job.jobId,
		resumeHint: `Snapshot job ${job.jobId} was submitted and may still finish: use Snapshot → Get Many (ListSnapshots) with Video ID ${job.videoId} to get its snapshots later.`,
	};
}

/**
 * Polls ListSnapshots until the job is the latest of one of its types, then returns all its
 * snapshots. Fetching them is part of the check, so a transient failure there is retried too.
 * Every ListSnapshots call is paced with `callOptions`, the item's Max Requests per Second; those
 * that look for the job end by the end of the wait, while its snapshots, once found, are fetched
 * in full even past it.
 */
export async function waitForSnapshotJob(
	this: IExecuteFunctions,
	job: SubmittedJob,
	settings: WaitSettings,
	callOptions: CallOptions,
): Promise<SnapshotRecord[]> {
	const findType = async (deadlineMs: number): Promise<SnapshotType | undefined> => {
		for (const snapshotType of job.snapshotTypes) {
			const latest = await latestSnapshotJobId.call(
				this,
				{ videoId: job.videoId, snapshotType },
				{ ...callOptions, deadlineMs },
			);
			if (latest === job.jobId) return snapshotType;
		}
		return undefined;
	};
	const snapshotsOnceDone = async (deadlineMs: number): Promise<SnapshotRecord[] | undefined> => {
		const snapshotType = await findType(deadlineMs);
		if (snapshotType === undefined) return undefined;
		return await listSnapshots.call(
			this,
			{ videoId: job.videoId, snapshotType },
			undefined,
			callOptions,
		);
	};
	const waitForSnapshots = waitForJob<SnapshotRecord[]>;
	return await waitForSnapshots.call(
		this,
		{ ...submittedSnapshotJob(job), name: `snapshot job ${job.jobId}`, check: snapshotsOnceDone },
		settings,
		callOptions.itemIndex,
	);
}
