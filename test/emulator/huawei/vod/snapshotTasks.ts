/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { setTimeout as delay } from 'node:timers/promises';

import { newHexId } from '../../core/ids';
import type { MfsNotifier } from '../mfs/mfsNotifier';
import { snapshotOffsets } from './thumbnailPara';
import type {
	Asset,
	AssetTaskIds,
	TaskFailure,
	ThumbnailCompleteEvent,
	ThumbnailPara,
	ThumbnailTask,
} from './types';

export const SEEDED_ASSET_IDS = [
	'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
	'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7',
	'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
] as const;

export const DEFAULT_TASK_DURATION_MS = 300;
export const DEFAULT_ASSET_DURATION_SECONDS = 60;

export const HUAWEI_MEDIA_PATH_PREFIX = '/__emulator/huawei-media/';

export interface SeedAssetInput {
	assetId?: string;
	title?: string;
	durationSeconds?: number;
	/** Default `all`: every answer names the task. */
	taskIds?: AssetTaskIds;
	/** Default 0: asset/tasks lists a new task at once; more mimics VOD's eventual consistency. */
	listedAfterMs?: number;
}

/**
 * Assets and snapshot tasks. A task moves WAITING → PROCESSING (at a third of its duration) →
 * SUCCEED | FAILED on real timers, then the MFS callback (if configured) is sent.
 */
export class SnapshotTasks {
	private readonly assets = new Map<string, Asset>();
	private readonly tasks: ThumbnailTask[] = [];
	private readonly imagesByUrlPath = new Set<string>();
	private readonly imageCounters = new Map<string, number>();
	private readonly pending = new Set<Promise<void>>();
	private taskDurationMs = DEFAULT_TASK_DURATION_MS;
	private nextFailure: TaskFailure | undefined;
	/** Aborted by reset(), which cancels the tasks started before it. */
	private running = new AbortController();

	constructor(
		/** The emulator clock (ms), which tests may skew against the host's. */
		readonly now: () => number,
		private readonly baseUrl: () => string,
		private readonly notifier: Pick<MfsNotifier, 'notify'>,
	) {
		this.seedDefaults();
	}

	seedAsset(input: SeedAssetInput = {}): Asset {
		const asset: Asset = {
			assetId: input.assetId ?? newHexId(),
			title: input.title ?? 'emulator video',
			durationSeconds: input.durationSeconds ?? DEFAULT_ASSET_DURATION_SECONDS,
			createdAt: this.now(),
			taskIds: input.taskIds ?? 'all',
			listedAfterMs: input.listedAfterMs ?? 0,
		};
		this.assets.set(asset.assetId, asset);
		return asset;
	}

	asset(assetId: string): Asset | undefined {
		return this.assets.get(assetId);
	}

	setTaskDuration(ms: number): void {
		this.taskDurationMs = ms;
	}

	failNextTask(failure: TaskFailure = defaultFailure()): void {
		this.nextFailure = failure;
	}

	/** Tasks in creation order (deleted ones are gone). */
	list(): ThumbnailTask[] {
		return [...this.tasks];
	}

	task(taskId: string): ThumbnailTask | undefined {
		return this.tasks.find((task) => task.taskId === taskId);
	}

	start(asset: Asset, para: ThumbnailPara): ThumbnailTask {
		const task: ThumbnailTask = {
			taskId: newHexId(),
			assetId: asset.assetId,
			para,
			status: 'WAITING',
			createdAt: this.now(),
			images: [],
		};
		const failure = this.nextFailure;
		this.nextFailure = undefined;
		this.tasks.push(task);
		const run = this.run(task, asset, failure, this.running.signal);
		this.pending.add(run);
		void run.finally(() => this.pending.delete(run));
		return task;
	}

	delete(taskId: string): ThumbnailTask | undefined {
		const index = this.tasks.findIndex((task) => task.taskId === taskId);
		if (index < 0) return undefined;
		const [task] = this.tasks.splice(index, 1);
		for (const image of task.images) this.imagesByUrlPath.delete(new URL(image.url).pathname);
		return task;
	}

	/** Makes the snapshot at `url` its asset's cover; false when no task has that snapshot. */
	setCover(url: string): boolean {
		const task = this.tasks.find((candidate) =>
			candidate.images.some((image) => image.url === url),
		);
		const asset = task && this.assets.get(task.assetId);
		if (!asset) return false;
		asset.coverUrl = url;
		return true;
	}

	hasImage(urlPath: string): boolean {
		return this.imagesByUrlPath.has(urlPath);
	}

	/** Resolves when every running task has finished and its callback has been sent. */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	reset(): void {
		this.running.abort();
		this.running = new AbortController();
		this.assets.clear();
		this.tasks.length = 0;
		this.imagesByUrlPath.clear();
		this.imageCounters.clear();
		this.taskDurationMs = DEFAULT_TASK_DURATION_MS;
		this.nextFailure = undefined;
		this.seedDefaults();
	}

	private seedDefaults(): void {
		for (const assetId of SEEDED_ASSET_IDS) this.seedAsset({ assetId });
	}

	private async run(
		task: ThumbnailTask,
		asset: Asset,
		failure: TaskFailure | undefined,
		signal: AbortSignal,
	): Promise<void> {
		const duration = this.taskDurationMs;
		if (!(await pause(Math.floor(duration / 3), signal))) return;
		task.status = 'PROCESSING';
		if (!(await pause(duration - Math.floor(duration / 3), signal))) return;
		if (!this.tasks.includes(task)) return;
		const offsets = snapshotOffsets(task.para, asset.durationSeconds);
		const outcome =
			failure ??
			(offsets.length === 0
				? { error_code: 'VOD.10053', error_msg: 'No snapshot time point is within the video.' }
				: undefined);
		task.endedAt = this.now();
		if (outcome) {
			task.status = 'FAILED';
			task.failure = outcome;
		} else {
			task.images = offsets.map((offset) => ({ offset, url: this.imageUrl(asset.assetId) }));
			task.status = 'SUCCEED';
		}
		await this.notifier.notify(completionEvent(task));
	}

	private imageUrl(assetId: string): string {
		const n = (this.imageCounters.get(assetId) ?? 0) + 1;
		this.imageCounters.set(assetId, n);
		const path = `${HUAWEI_MEDIA_PATH_PREFIX}${assetId}/${n}.jpg`;
		this.imagesByUrlPath.add(path);
		return `${this.baseUrl()}${path}`;
	}
}

/** false when the wait was cut short by reset(). */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
	return await delay(ms, undefined, { signal }).then(
		() => true,
		() => false,
	);
}

function defaultFailure(): TaskFailure {
	return { error_code: 'VOD.10051', error_msg: 'Internal system error.' };
}

function completionEvent(task: ThumbnailTask): ThumbnailCompleteEvent {
	if (task.status === 'FAILED') {
		return {
			event_type: 'thumbnailComplete',
			thumbnail_info: {
				asset_id: task.assetId,
				status: 'FAILED',
				error_code: task.failure?.error_code,
				error_msg: task.failure?.error_msg,
			},
		};
	}
	const images = task.images;
	return {
		event_type: 'thumbnailComplete',
		thumbnail_info: {
			asset_id: task.assetId,
			status: 'SUCCEED',
			sample: task.para.type === 'time' ? images : [],
			dots: task.para.type === 'dots' ? images : [],
			...(task.para.type === 'quantity' ? { quantity: images } : {}),
		},
	};
}
