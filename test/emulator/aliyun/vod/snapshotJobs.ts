import type { JobFailure } from '../../core/jobControl';

export type VodSnapshotType =
	| 'CoverSnapshot'
	| 'NormalSnapshot'
	| 'SpriteSnapshot'
	| 'SpriteOriginSnapshot'
	| 'WebVttSnapshot';

export const VOD_SNAPSHOT_TYPES: readonly VodSnapshotType[] = [
	'CoverSnapshot',
	'NormalSnapshot',
	'SpriteSnapshot',
	'SpriteOriginSnapshot',
	'WebVttSnapshot',
];

/** Path segment of the media URLs of each type. */
export const MEDIA_KIND: Readonly<Record<VodSnapshotType, string>> = {
	CoverSnapshot: 'cover',
	NormalSnapshot: 'normal',
	SpriteSnapshot: 'sprite',
	SpriteOriginSnapshot: 'spriteorigin',
	WebVttSnapshot: 'webvtt',
};

export type VodJobState = 'Submitted' | 'Snapshoting' | 'Success' | 'Fail';

export interface VodSnapshotOutput {
	type: VodSnapshotType;
	count: number;
}

export interface VodSnapshotJob {
	jobId: string;
	videoId: string;
	appId: string;
	state: VodJobState;
	createdAt: number;
	completedAt?: number;
	/** Submission order, to order jobs created within the same millisecond. */
	seq: number;
	outputs: VodSnapshotOutput[];
	/** Parsed `UserData` of the submission. */
	userData?: Record<string, unknown>;
	failure?: JobFailure;
}

export class VodSnapshotJobs {
	private readonly jobs = new Map<string, VodSnapshotJob>();
	private nextSeq = 1;

	add(job: Omit<VodSnapshotJob, 'seq'>): VodSnapshotJob {
		const stored = { ...job, seq: this.nextSeq++ };
		this.jobs.set(job.jobId, stored);
		return stored;
	}

	get(jobId: string): VodSnapshotJob | undefined {
		return this.jobs.get(jobId);
	}

	/** ListSnapshots returns only the most recent successful job producing that type. */
	latestSuccessful(videoId: string, type: VodSnapshotType): VodSnapshotJob | undefined {
		let latest: VodSnapshotJob | undefined;
		for (const job of this.jobs.values()) {
			if (job.videoId !== videoId || job.state !== 'Success') continue;
			if (!job.outputs.some((output) => output.type === type)) continue;
			if (
				!latest ||
				job.createdAt > latest.createdAt ||
				(job.createdAt === latest.createdAt && job.seq > latest.seq)
			) {
				latest = job;
			}
		}
		return latest;
	}

	clear(): void {
		this.jobs.clear();
	}
}
