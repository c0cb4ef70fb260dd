import type { RequestContext, VodCallOptions } from '../transport';
import type { AssetTaskResult } from '../transport/types';
import { listAssetTasks, type AssetTaskFilter } from './assetTasks';
import { vodUtcTime } from './timeWindow';

/**
 * The asset's snapshot tasks just before Create, in VOD's own times (never the n8n host's clock,
 * which may be minutes off VOD's): the newest creation time, and the tasks created in that second,
 * which a task of this Create may share.
 */
export interface TaskBaseline {
	/** VOD's create_time of the newest task, absent when the asset had no snapshot task. */
	newestCreateTime?: string;
	newestTasks: AssetTaskResult[];
}

/** The whole second a task was created in (VOD prints whole seconds), NaN when VOD gave none. */
function createdSecond(task: AssetTaskResult): number {
	return Math.floor(Date.parse(task.create_time ?? '') / 1000);
}

/** The asset's THUMBNAIL tasks created at or after `createTime` (VOD's filter includes it), or all. */
function assetTaskFilter(assetId: string, createTime: string | undefined): AssetTaskFilter {
	const since = createTime === undefined ? undefined : vodUtcTime(createTime);
	return { type: 'THUMBNAIL', asset_id: assetId, create_time_after: since };
}

/**
 * Every snapshot task of the asset, over marker paging: VOD documents no order for asset/tasks, so
 * the newest can be anywhere in the list (one request while the asset has at most 100 tasks).
 */
export async function assetTaskBaseline(
	context: RequestContext,
	assetId: string,
	options: VodCallOptions,
): Promise<TaskBaseline> {
	const tasks = await listAssetTasks(
		context,
		assetTaskFilter(assetId, undefined),
		undefined,
		options,
	);
	const dated = tasks.filter((task) => Number.isFinite(createdSecond(task)));
	const newest = dated.reduce((latest, task) => Math.max(latest, createdSecond(task)), -Infinity);
	const newestTasks = dated.filter((task) => createdSecond(task) === newest);
	return { newestCreateTime: newestTasks[0]?.create_time, newestTasks };
}

/**
 * The tasks created since the baseline: created after its newest second, or in that second and not
 * one of the tasks it had then (matched by task_id; tasks listed without one, by how many there were).
 */
export function tasksSinceBaseline(
	baseline: TaskBaseline,
	tasks: AssetTaskResult[],
): AssetTaskResult[] {
	if (baseline.newestCreateTime === undefined) return tasks;
	const newest = createdSecond(baseline.newestTasks[0]);
	const unmatched = [...baseline.newestTasks];
	return tasks.filter((task) => {
		const second = createdSecond(task);
		if (second !== newest) return second > newest;
		const known = unmatched.findIndex((old) => old.task_id === task.task_id);
		if (known < 0) return true;
		unmatched.splice(known, 1);
		return false;
	});
}

/** The asset's tasks listed since the baseline's newest creation second (all when it had none). */
export async function assetTasksSince(
	context: RequestContext,
	assetId: string,
	baseline: TaskBaseline,
	options: VodCallOptions,
): Promise<AssetTaskResult[]> {
	const filter = assetTaskFilter(assetId, baseline.newestCreateTime);
	const tasks = await listAssetTasks(context, filter, undefined, options);
	return tasksSinceBaseline(baseline, tasks);
}
