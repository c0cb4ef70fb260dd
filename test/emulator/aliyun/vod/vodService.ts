import type { EmulatorClock } from '../../core/clock';
import { newHexId } from '../../core/ids';
import type { JobControl } from '../../core/jobControl';
import type { MediaLibrary } from '../../core/media';
import type { TimerSet } from '../../core/timers';
import type { MnsQueues } from '../mns/queues';
import type { RpcProduct } from '../gateway/rpcGateway';
import { VodCallbackNotifier } from './callbackDelivery';
import { messageCallbackActions, MessageCallbacks } from './messageCallbacks';
import { snapshotActions } from './snapshotActions';
import { MEDIA_KIND, VodSnapshotJobs } from './snapshotJobs';
import { seedSnapshotTemplates } from './snapshotPlan';
import { videoActions, type VideoCatalog } from './videoActions';
import { completeVideo, DEFAULT_VOD_VIDEOS, type VodVideo, type VodVideoSeed } from './videos';

export const VOD_VERSION = '2017-03-21';

export interface VodServiceDeps {
	clock: EmulatorClock;
	timers: TimerSet;
	jobControl: JobControl;
	media: MediaLibrary;
	mns: MnsQueues;
}

/** ApsaraVideo VOD 2017-03-21: videos, snapshot jobs, event callbacks. */
export class VodService {
	readonly jobs = new VodSnapshotJobs();
	readonly callbacks = new MessageCallbacks();
	readonly notifier: VodCallbackNotifier;
	readonly product: RpcProduct;
	private readonly videos = new Map<string, VodVideo>();

	constructor(private readonly deps: VodServiceDeps) {
		this.notifier = new VodCallbackNotifier({ ...deps, callbacks: this.callbacks });
		const catalog: VideoCatalog = {
			find: (videoId) => this.videos.get(videoId),
			all: () => [...this.videos.values()],
			coverUrls: (video) => this.coverUrls(video),
		};
		this.product = {
			code: 'vod',
			version: VOD_VERSION,
			troubleshootName: 'vod',
			actions: {
				...videoActions(catalog),
				...snapshotActions({
					catalog,
					jobs: this.jobs,
					jobControl: deps.jobControl,
					media: deps.media,
					notifier: this.notifier,
					templates: seedSnapshotTemplates,
					now: () => deps.clock.now(),
				}),
				...messageCallbackActions(this.callbacks),
			},
		};
		this.seedVideos(DEFAULT_VOD_VIDEOS);
	}

	/** Adds or replaces videos; a `coverCount` > 0 also creates their finished cover snapshot job. */
	seedVideos(seeds: readonly VodVideoSeed[]): VodVideo[] {
		return seeds.map((seed) => {
			const video = completeVideo(seed, this.videos.size);
			this.videos.set(video.videoId, video);
			if (video.coverCount > 0) {
				const job = this.jobs.add({
					jobId: newHexId(),
					videoId: video.videoId,
					appId: video.appId,
					state: 'Success',
					createdAt: video.creationTime,
					completedAt: video.creationTime,
					outputs: [{ type: 'CoverSnapshot', count: video.coverCount }],
				});
				this.deps.media.register(job.jobId, MEDIA_KIND.CoverSnapshot, video.coverCount);
			}
			return video;
		});
	}

	listVideos(): VodVideo[] {
		return [...this.videos.values()];
	}

	reset(): void {
		this.videos.clear();
		this.jobs.clear();
		this.callbacks.clear();
		this.notifier.clear();
		this.seedVideos(DEFAULT_VOD_VIDEOS);
	}

	private coverUrls(video: VodVideo): string[] {
		const job = this.jobs.latestSuccessful(video.videoId, 'CoverSnapshot');
		const count = job?.outputs.find((output) => output.type === 'CoverSnapshot')?.count ?? 0;
		return job
			? Array.from({ length: count }, (_, index) =>
					this.deps.media.url(job.jobId, MEDIA_KIND.CoverSnapshot, index + 1),
				)
			: [];
	}
}
