import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { CallOptions } from '../../shared/actions';
import {
	waitForJob,
	withoutDeadline,
	type SubmittedJobRef,
	type WaitSettings,
} from '../../shared/polling';
import { vodRequest, type VodCallOptions } from '../transport';
import type {
	AssetTaskResult,
	AssetThumbnailInfo,
	ThumbnailImage,
	ThumbnailType,
} from '../transport/types';
import { assetTasksSince, type TaskBaseline } from './taskBaseline';
import { thumbnailImages } from './thumbnailImages';

/** What asset/process answered, and the mode asked for. */
export interface CreatedSnapshots {
	assetId: string;
	/** Absent when VOD returned no thumbnail_task_id: then the asset's snapshot state is polled. */
	taskId?: string;
	type: ThumbnailType;
	/** The asset's tasks listed before Create: those belong to earlier requests. */
	baseline: TaskBaseline;
}

/** The task's (or asset's) id and how to get the snapshots later, for every failure after Create. */
export function createdSnapshotsRef(created: CreatedSnapshots): SubmittedJobRef {
	const { taskId, assetId } = created;
	return taskId === undefined
		? {
				jobId: assetId,
				resumeHint: `Snapshots of asset ${assetId} were requested and may still finish: use Asset → Get (Thumbnail Info) with Asset ID ${assetId} to get them later.`,
			}
		: {
				jobId: taskId,
				resumeHint: `Snapshot task ${taskId} was created and may still finish: use Snapshot → Get Images with Task ID ${taskId} to get its snapshots later.`,
			};
}

function failure(this: IExecuteFunctions, what: string, reason: string | undefined, i: number) {
	const detail = reason ? `: ${reason}` : '';
	return new NodeOperationError(this.getNode(), `VOD reports ${what} FAILED${detail}`, {
		itemIndex: i,
	});
}

/** asset/tasks by task id: the images once SUCCEED, a failure once FAILED, else undefined. */
async function taskImages(
	this: IExecuteFunctions,
	taskId: string,
	options: VodCallOptions & { itemIndex: number },
): Promise<ThumbnailImage[] | undefined> {
	const page = await vodRequest(
		this,
		'ListAssetTaskInfo',
		{ query: { type: 'THUMBNAIL', task_id: taskId, limit: 1 } },
		options,
	);
	const task = page.results?.[0];
	if (task?.status === 'FAILED') {
		throw failure.call(this, `snapshot task ${taskId}`, task.description, options.itemIndex);
	}
	if (task?.status !== 'SUCCEED') return undefined;
	return await thumbnailImages.call(this, taskId, undefined, withoutDeadline(options));
}

/** The images of the mode asked for; all three lists when VOD put them elsewhere. */
function imagesOfType(info: AssetThumbnailInfo, type: ThumbnailType): ThumbnailImage[] {
	const byType = { time: info.sample, dots: info.dots, quantity: info.quantity }[type] ?? [];
	if (byType.length > 0) return byType;
	return [...(info.sample ?? []), ...(info.dots ?? []), ...(info.quantity ?? [])];
}

/** asset/details thumbnail_info: the images once THUMBNAIL_SUCCEED, a failure once FAILED. */
async function assetImages(
	this: IExecuteFunctions,
	created: CreatedSnapshots,
	options: VodCallOptions & { itemIndex: number },
): Promise<ThumbnailImage[] | undefined> {
	const detail = await vodRequest(
		this,
		'ShowAssetDetail',
		{ query: { asset_id: created.assetId, categories: ['thumbnail_info'] } },
		options,
	);
	const info = detail.thumbnail_info ?? {};
	if (info.thumbnail_status === 'THUMBNAIL_FAILED') {
		const what = `the snapshots of asset ${created.assetId}`;
		throw failure.call(this, what, info.exec_desc, options.itemIndex);
	}
	return info.thumbnail_status === 'THUMBNAIL_SUCCEED'
		? imagesOfType(info, created.type)
		: undefined;
}

/** The newest of the asset's snapshot tasks that VOD lists as created since the baseline. */
async function newestTaskSinceBaseline(
	this: IExecuteFunctions,
	created: CreatedSnapshots,
	options: VodCallOptions,
): Promise<AssetTaskResult | undefined> {
	const tasks = await assetTasksSince(this, created.assetId, created.baseline, options);
	// RFC 3339 UTC times of one format order as text; the later listed wins a tie.
	return tasks.reduce<AssetTaskResult | undefined>(
		(newest, task) =>
			newest === undefined || (task.create_time ?? '') >= (newest.create_time ?? '')
				? task
				: newest,
		undefined,
	);
}

/**
 * Without a task id, the asset's snapshot state may still be the previous task's right after
 * Create: the state counts only once asset/tasks lists the task this Create started, and its end.
 */
async function newTaskImages(
	this: IExecuteFunctions,
	created: CreatedSnapshots,
	options: VodCallOptions & { itemIndex: number },
): Promise<ThumbnailImage[] | undefined> {
	const task = await newestTaskSinceBaseline.call(this, created, options);
	if (task?.status === 'FAILED') {
		const what = `the snapshots of asset ${created.assetId}`;
		throw failure.call(this, what, task.description, options.itemIndex);
	}
	if (task?.status !== 'SUCCEED') return undefined;
	return task.task_id === undefined
		? await assetImages.call(this, created, withoutDeadline(options))
		: await thumbnailImages.call(this, task.task_id, undefined, withoutDeadline(options));
}

/**
 * Polls until the snapshots exist (by task id when VOD gave one, else by the task asset/tasks lists
 * for the asset beyond the baseline taken before Create) and returns them; bounded by the wait
 * settings and the execution's cancel signal. Every poll is paced with `options`, the item's Max
 * Requests per Second.
 */
export async function waitForSnapshots(
	this: IExecuteFunctions,
	created: CreatedSnapshots,
	settings: WaitSettings,
	options: CallOptions,
): Promise<ThumbnailImage[]> {
	const { taskId } = created;
	const check =
		taskId === undefined
			? async (deadlineMs: number) =>
					await newTaskImages.call(this, created, { ...options, deadlineMs })
			: async (deadlineMs: number) =>
					await taskImages.call(this, taskId, { ...options, deadlineMs });
	const ref = createdSnapshotsRef(created);
	const name =
		taskId === undefined ? `the snapshots of asset ${created.assetId}` : `snapshot task ${taskId}`;
	const wait = waitForJob<ThumbnailImage[]>;
	return await wait.call(this, { ...ref, name, check }, settings, options.itemIndex);
}
