import type { MediaLibrary } from '../../core/media';
import type { MpsSnapshotJob } from './mpsJobs';

export const MPS_MEDIA_KIND = 'mps';

/**
 * The single-job message MPS writes to the pipeline's MNS queue: every key twice, camelCase and
 * PascalCase (MPS "receive notifications" doc).
 */
export function mpsNotificationBody(
	job: MpsSnapshotJob,
	media: MediaLibrary,
): Record<string, unknown> {
	const body: Record<string, unknown> = {
		jobId: job.id,
		JobId: job.id,
		requestId: job.requestId,
		RequestId: job.requestId,
		type: 'Snapshot',
		Type: 'Snapshot',
		state: job.state,
		State: job.state,
	};
	if (job.userData !== undefined) {
		body.userData = job.userData;
		body.UserData = job.userData;
	}
	if (job.failure) {
		Object.assign(body, {
			code: job.failure.code,
			Code: job.failure.code,
			msg: job.failure.message,
			Msg: job.failure.message,
		});
		return body;
	}
	Object.assign(body, {
		UrlPattern: media.pattern(job.id, MPS_MEDIA_KIND, '{Count}'),
		LastUrl: media.url(job.id, MPS_MEDIA_KIND, job.plannedCount),
		Count: job.plannedCount,
	});
	if (job.timeArray) body.TimeArray = job.timeArray;
	return body;
}
