import { isoSeconds, newHexId } from '../../core/ids';
import type { JobControl } from '../../core/jobControl';
import type { MediaLibrary } from '../../core/media';
import { AliyunApiError, invalidParameter } from '../gateway/errors';
import type { RpcAction } from '../gateway/rpcGateway';
import type { VodCallbackNotifier } from './callbackDelivery';
import { snapshotCompleteEvent } from './snapshotEvent';
import {
	MEDIA_KIND,
	VOD_SNAPSHOT_TYPES,
	type VodSnapshotJob,
	type VodSnapshotJobs,
	type VodSnapshotType,
} from './snapshotJobs';
import { parseUserData, planSnapshotJob, type VodSnapshotTemplate } from './snapshotPlan';
import { findVideo, type VideoCatalog } from './videoActions';
import { SNAPSHOT_ALLOWED_STATUSES } from './videos';

export interface SnapshotActionDeps {
	catalog: VideoCatalog;
	jobs: VodSnapshotJobs;
	jobControl: JobControl;
	media: MediaLibrary;
	notifier: VodCallbackNotifier;
	templates: readonly VodSnapshotTemplate[];
	now: () => number;
}

/** ListSnapshots paging and URL expiry limits (ListSnapshots doc). */
const LIST_PAGE_SIZE = { min: 1, max: 100 };
const DEFAULT_LIST_PAGE_SIZE = 20;
const MIN_AUTH_TIMEOUT_SECONDS = 3600;
const MAX_AUTH_TIMEOUT_SECONDS = 2592000;

function isSnapshotType(value: string): value is VodSnapshotType {
	return VOD_SNAPSHOT_TYPES.some((type) => type === value);
}

function runJob(job: VodSnapshotJob, deps: SnapshotActionDeps): void {
	deps.jobControl.schedule(
		() => {
			job.state = 'Snapshoting';
		},
		() => {
			const failure = deps.jobControl.takeFailure('vod');
			job.completedAt = deps.now();
			if (failure) {
				job.state = 'Fail';
				job.failure = failure;
			} else {
				job.state = 'Success';
				for (const output of job.outputs)
					deps.media.register(job.jobId, MEDIA_KIND[output.type], output.count);
			}
			void deps.notifier.notify(job, snapshotCompleteEvent(job, deps.media, job.completedAt));
		},
	);
}

export function snapshotActions(deps: SnapshotActionDeps): Record<string, RpcAction> {
	return {
		SubmitSnapshotJob: (params) => {
			const video = findVideo(deps.catalog, params);
			if (!SNAPSHOT_ALLOWED_STATUSES.has(video.status)) {
				throw new AliyunApiError(400, 'Forbidden.IllegalStatus', 'Status of the video is illegal.');
			}
			const outputs = planSnapshotJob(params, video, deps.templates);
			const job = deps.jobs.add({
				jobId: newHexId(),
				videoId: video.videoId,
				appId: video.appId,
				state: 'Submitted',
				createdAt: deps.now(),
				outputs,
				userData: parseUserData(params),
			});
			runJob(job, deps);
			return { SnapshotJob: { JobId: job.jobId } };
		},
		ListSnapshots: (params, context) => {
			const video = findVideo(deps.catalog, params);
			const type = params.get('SnapshotType') ?? 'CoverSnapshot';
			if (!isSnapshotType(type)) throw invalidParameter('SnapshotType', 'Unknown snapshot type.');
			const pageNo = params.integer('PageNo', 1, { min: 1, max: Number.MAX_SAFE_INTEGER });
			const pageSize = params.integer('PageSize', DEFAULT_LIST_PAGE_SIZE, LIST_PAGE_SIZE);
			// Below the minimum counts as the minimum (ListSnapshots doc); URLs are signed for that long.
			const requestedTimeout = params.integer('AuthTimeout', MIN_AUTH_TIMEOUT_SECONDS, {
				min: 1,
				max: Number.MAX_SAFE_INTEGER,
			});
			const authTimeout = Math.min(
				Math.max(requestedTimeout, MIN_AUTH_TIMEOUT_SECONDS),
				MAX_AUTH_TIMEOUT_SECONDS,
			);
			const job = deps.jobs.latestSuccessful(video.videoId, type);
			if (!job) return { MediaSnapshot: { Total: 0, Snapshots: { Snapshot: [] } } };
			const total = job.outputs.find((output) => output.type === type)?.count ?? 0;
			const kind = MEDIA_KIND[type];
			const first = (pageNo - 1) * pageSize + 1;
			const last = Math.min(total, first + pageSize - 1);
			const snapshots = [];
			for (let index = first; index <= last; index++) {
				snapshots.push({
					Index: index,
					Url: deps.media.signedUrl(job.jobId, kind, index, context.now + authTimeout * 1000),
				});
			}
			return {
				MediaSnapshot: {
					Total: total,
					Regular: deps.media.pattern(job.jobId, kind, '{SnapshotCount}'),
					CreationTime: isoSeconds(job.createdAt),
					JobId: job.jobId,
					Snapshots: { Snapshot: snapshots },
				},
			};
		},
	};
}
