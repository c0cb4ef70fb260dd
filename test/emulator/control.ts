import type { MnsMessage } from './aliyun/mns/queues';
import type { MpsSnapshotJob } from './aliyun/mps/mpsJobs';
import { TINY_JPEG } from './core/jpeg';
import type { CallbackDelivery } from './aliyun/vod/callbackDelivery';
import type { VodSnapshotJob } from './aliyun/vod/snapshotJobs';
import type { VodVideo, VodVideoSeed } from './aliyun/vod/videos';
import type { FaultSpec } from './core/faults';
import type { JobFailure } from './core/jobControl';
import type { RecordedRequest } from './core/requestLog';
import type { StateOptions, EmulatorState } from './state';

/** Service keys of the Aliyun products whose jobs can be made to fail (`mts` is MPS). */
export type JobService = 'vod' | 'mts';

const DEFAULT_FAILURES: Readonly<Record<JobService, JobFailure>> = {
	vod: { code: 'InternalError', message: 'The snapshot job failed.' },
	mts: {
		code: 'InvalidParameter.ResourceContentBad',
		message: 'The resource operated InputFile is bad',
	},
};

/** What tests (in process) and the HTTP control API (`/__emulator/...`) can do to a running emulator. */
export class EmulatorControl {
	constructor(
		protected readonly state: EmulatorState,
		private readonly options: StateOptions,
	) {}

	/** Back to the initial state: seeded videos only, no jobs, faults, requests, queues or callbacks. */
	reset(): void {
		const { state } = this;
		state.timers.clear();
		state.faults.clear();
		state.requestLog.clear();
		state.limiter.reset();
		if (this.options.qpsLimits) state.limiter.setLimits(this.options.qpsLimits);
		state.nonces.clear();
		state.jobControl.reset();
		state.clock.skewMs = this.options.clockSkewMs ?? 0;
		state.clock.freeze(false);
		state.media.clear();
		state.mns.clear();
		state.vod.reset();
		state.mps.reset();
		state.oss.clear();
		state.huawei.reset();
		if (this.options.jobDurationMs !== undefined)
			state.huawei.setTaskDuration(this.options.jobDurationMs);
	}

	seedVideos(videos: readonly VodVideoSeed[]): VodVideo[] {
		return this.state.vod.seedVideos(videos);
	}

	videos(): VodVideo[] {
		return this.state.vod.listVideos();
	}

	/** Duration of snapshot jobs submitted from now on, on every cloud. */
	setJobDuration(ms: number): void {
		this.state.jobControl.durationMs = ms;
		this.state.huawei.setTaskDuration(ms);
	}

	/** The next `count` jobs of the service end in Fail with this code. */
	failNextJobs(service: JobService, options: { count?: number } & Partial<JobFailure> = {}): void {
		const failure = { ...DEFAULT_FAILURES[service], ...options };
		this.state.jobControl.failNext(service, options.count ?? 1, {
			code: failure.code,
			message: failure.message,
		});
	}

	/** Keys `<product>:<Action>`, e.g. `{ 'vod:SubmitSnapshotJob': 2 }`. */
	setQpsLimits(limits: Partial<Record<string, number>>): void {
		this.state.limiter.setLimits(limits);
	}

	injectFault(fault: FaultSpec): void {
		this.state.faults.add(fault);
	}

	clearFaults(): void {
		this.state.faults.clear();
	}

	requests(sinceSeq = 0): RecordedRequest[] {
		return this.state.requestLog.list(sinceSeq);
	}

	clearRequests(): void {
		this.state.requestLog.clear();
	}

	callbackDeliveries(): CallbackDelivery[] {
		return this.state.vod.notifier.deliveries();
	}

	/** Pause between VOD callback attempts (1 s like VOD by default). */
	setCallbackRetryDelay(ms: number): void {
		this.state.vod.notifier.retryDelayMs = ms;
	}

	/** How long VOD waits for a callback receiver's answer (5 s like VOD by default). */
	setCallbackTimeout(ms: number): void {
		this.state.vod.notifier.timeoutMs = ms;
	}

	/** Delivers a finished job's SnapshotComplete event again; false for a job that never notified. */
	async redeliverCallback(jobId: string): Promise<boolean> {
		return await this.state.vod.notifier.redeliver(jobId);
	}

	setClockSkew(ms: number): void {
		this.state.clock.skewMs = ms;
	}

	/** Stops the emulator clock at its current reading (the skew still applies); false lets it run. */
	freezeClock(frozen: boolean): void {
		this.state.clock.freeze(frozen);
	}

	now(): number {
		return this.state.clock.now();
	}

	createQueue(name: string, visibilityTimeoutSeconds?: number): void {
		this.state.mns.create(name, visibilityTimeoutSeconds);
	}

	queueMessages(name: string): MnsMessage[] {
		return this.state.mns.peek(name);
	}

	bindPipelineQueue(pipelineId: string, queueName: string): void {
		this.state.mps.bindPipelineQueue(pipelineId, queueName);
	}

	vodJob(jobId: string): VodSnapshotJob | undefined {
		return this.state.vod.jobs.get(jobId);
	}

	mpsJob(jobId: string): MpsSnapshotJob | undefined {
		return this.state.mps.jobs.get(jobId);
	}

	/** Keys stored in an OSS bucket, sorted. */
	ossKeys(bucket: string): string[] {
		return this.state.oss.keys(bucket);
	}

	/** Stores an object (a JPEG unless `body` is given), creating the bucket in `location`. */
	putOssObject(
		bucket: string,
		key: string,
		options: { location?: string; body?: Buffer } = {},
	): void {
		this.state.oss.put(
			bucket,
			options.location ?? 'oss-cn-shanghai',
			key,
			options.body ?? TINY_JPEG,
			this.state.clock.now(),
		);
	}

	/** Removes an object, e.g. to make one download of a finished job fail. */
	deleteOssObject(bucket: string, key: string): boolean {
		return this.state.oss.delete(bucket, key);
	}
}
