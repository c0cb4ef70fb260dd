import type { IExecuteFunctions } from 'n8n-workflow';

import { waitForJob, type WaitSettings } from '../../shared/polling';
import type { SnapshotType } from '../transport/types';
import { latestSnapshotJobId, listSnapshots, type SnapshotRecord } from './listSnapshots';

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
	const waitForType = waitForJob<SnapshotType>;
	const snapshotType = await waitForType.call(
		this,
		{
			name: `snapshot job ${job.jobId}`,
			resumeHint: `Snapshot job ${job.jobId} was submitted and may still finish: use Snapshot → Get Many (List Snapshots) with Video ID ${job.videoId} to get its snapshots later.`,
			check: findType,
		},
		settings,
		itemIndex,
	);
	return await listSnapshots.call(this, { videoId: job.videoId, snapshotType }, undefined, {
		itemIndex,
	});
}
