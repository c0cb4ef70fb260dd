import { isoSeconds } from '../../core/ids';
import type { MediaLibrary } from '../../core/media';
import { MEDIA_PATH_PREFIX } from '../../core/media';
import { MEDIA_KIND, type VodSnapshotJob, type VodSnapshotType } from './snapshotJobs';

export interface SnapshotInfo {
	Status: 'success' | 'fail';
	SnapshotType: VodSnapshotType;
	SnapshotCount: number;
	/** Path relative to the storage host, with `{SnapshotCount}`. */
	SnapshotFormat: string;
	/** Full http URL rule with `{SnapshotCount}`. */
	SnapshotRegular: string;
	JobId: string;
}

/** SnapshotComplete as sent for a SubmitSnapshotJob job (aliyun.md g). */
export interface SnapshotCompleteEvent {
	EventTime: string;
	EventType: 'SnapshotComplete';
	SubType: 'SpecifiedTime';
	VideoId: string;
	Status: 'success' | 'fail';
	SnapshotInfos: SnapshotInfo[];
	ErrorCode?: string;
	ErrorMessage?: string;
	Extend?: string;
}

const COUNT_PLACEHOLDER = '{SnapshotCount}';

/** Callback event types a cover-only job does not produce; sprite cells are no separate info either. */
const REPORTED_TYPES: ReadonlySet<VodSnapshotType> = new Set(['NormalSnapshot', 'SpriteSnapshot']);

function extendOf(job: VodSnapshotJob): string | undefined {
	const extend = job.userData?.Extend;
	if (extend === undefined) return undefined;
	return typeof extend === 'string' ? extend : JSON.stringify(extend);
}

export function snapshotCompleteEvent(
	job: VodSnapshotJob,
	media: MediaLibrary,
	now: number,
): SnapshotCompleteEvent {
	const status = job.state === 'Success' ? 'success' : 'fail';
	const infos = job.outputs
		.filter((output) => REPORTED_TYPES.has(output.type))
		.map((output): SnapshotInfo => {
			const kind = MEDIA_KIND[output.type];
			return {
				Status: status,
				SnapshotType: output.type,
				SnapshotCount: status === 'success' ? output.count : 0,
				SnapshotFormat: `${MEDIA_PATH_PREFIX.slice(1)}${job.jobId}/${kind}-${COUNT_PLACEHOLDER}.jpg`,
				SnapshotRegular: media.pattern(job.jobId, kind, COUNT_PLACEHOLDER),
				JobId: job.jobId,
			};
		});
	const extend = extendOf(job);
	return {
		EventTime: isoSeconds(now),
		EventType: 'SnapshotComplete',
		SubType: 'SpecifiedTime',
		VideoId: job.videoId,
		Status: status,
		SnapshotInfos: infos,
		...(job.failure ? { ErrorCode: job.failure.code, ErrorMessage: job.failure.message } : {}),
		...(extend === undefined ? {} : { Extend: extend }),
	};
}
