import type { JobFailure } from '../../core/jobControl';
import type { OssFile } from './snapshotConfig';

export type MpsJobState = 'Submitted' | 'Snapshoting' | 'Success' | 'Fail';

export const MPS_JOB_STATES: readonly MpsJobState[] = [
	'Submitted',
	'Snapshoting',
	'Success',
	'Fail',
];

export interface MpsSnapshotJob {
	id: string;
	seq: number;
	state: MpsJobState;
	createdAt: number;
	pipelineId: string;
	input: OssFile;
	/** The SnapshotConfig as submitted, echoed back. */
	snapshotConfig: Record<string, unknown>;
	plannedCount: number;
	/** Sprite sheets written (TileCount). */
	tileCount: number;
	timeArray?: number[];
	userData?: string;
	/** RequestId of the SubmitSnapshotJob call, repeated in the notification. */
	requestId: string;
	failure?: JobFailure;
	mnsMessageId?: string;
}

export class MpsSnapshotJobs {
	private readonly jobs = new Map<string, MpsSnapshotJob>();
	private nextSeq = 1;

	add(job: Omit<MpsSnapshotJob, 'seq'>): MpsSnapshotJob {
		const stored = { ...job, seq: this.nextSeq++ };
		this.jobs.set(job.id, stored);
		return stored;
	}

	get(id: string): MpsSnapshotJob | undefined {
		return this.jobs.get(id);
	}

	/** Newest first, as QuerySnapshotJobList sorts (CreationTime descending). */
	newestFirst(): MpsSnapshotJob[] {
		return [...this.jobs.values()].sort(
			(left, right) => right.createdAt - left.createdAt || right.seq - left.seq,
		);
	}

	clear(): void {
		this.jobs.clear();
	}
}
