import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { chosenValues, coerceNumber, firstProblem, rangeProblem } from '../../shared/actions';
import { lastingRequestProblem } from '../../shared/errors';
import { eventIdOf } from '../../shared/trigger/event';
import { distinctIds, pollAndComplete, type PolledEvent } from '../../shared/trigger/pollingCursor';
import { listAssetTasks } from '../helpers/assetTasks';
import { vodUtcTime } from '../helpers/timeWindow';
import { thumbnailImages } from '../helpers/thumbnailImages';
import type { AssetTaskResult, ThumbnailImage } from '../transport/types';
import {
	DEFAULT_LOOK_BACK_MINUTES,
	MAX_LOOK_BACK_MINUTES,
	ENDED_STATUSES,
	type EndedStatus,
} from './pollingDescription';

const MINUTE_MS = 60_000;
/** More tasks than one look-back window ever holds: the ids the cursor remembers. */
const MAX_REMEMBERED_TASKS = 10_000;
/** "Fetch Test Event" looks for the latest task that ended within this time, among this many. */
const MANUAL_WINDOW_MS = 7 * 24 * 60 * MINUTE_MS;
const MANUAL_SAMPLE = 500;
const NO_TASK_ID =
	'VOD listed this task without a task_id, so its snapshots cannot be read by task: read them with Asset → Get';

interface PollSettings {
	statuses: EndedStatus[];
	lookBackMs: number;
}

function readPollSettings(this: IPollFunctions): PollSettings {
	const statuses = chosenValues(
		this.getNodeParameter('statuses', [...ENDED_STATUSES]),
		ENDED_STATUSES,
	);
	const lookBack = coerceNumber(
		'Look Back (Minutes)',
		this.getNodeParameter('lookBackMinutes', DEFAULT_LOOK_BACK_MINUTES),
	);
	const problem = firstProblem(
		statuses.length === 0 ? 'Statuses must name at least one of Succeeded and Failed' : undefined,
		rangeProblem('Look Back (Minutes)', lookBack, 0, MAX_LOOK_BACK_MINUTES),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	return { statuses, lookBackMs: lookBack * MINUTE_MS };
}

/**
 * A task VOD may list without `task_id` (huawei.md §4.6): then every field it lists names it, all
 * final once the task has ended (two tasks of one asset can share their creation and end seconds),
 * hashed, so that a long description does not swell the ids kept in static data.
 */
function taskKey(task: AssetTaskResult): string {
	if (task.task_id !== undefined) return task.task_id;
	const { type, asset_id, status, create_time, end_time, description } = task;
	return eventIdOf({ type, asset_id, status, create_time, end_time, description });
}

/** The ended tasks of the chosen statuses, each an event at its end time. */
function endedEvents(
	tasks: AssetTaskResult[],
	settings: PollSettings,
): Array<PolledEvent<AssetTaskResult>> {
	const ended = tasks.filter(
		(task) =>
			settings.statuses.some((status) => status === task.status) &&
			Number.isFinite(Date.parse(task.end_time ?? '')),
	);
	const ids = distinctIds(ended.map(taskKey));
	return ended.map((task, index) => ({
		id: ids[index],
		time: Date.parse(task.end_time ?? ''),
		data: task,
	}));
}

/** asset/tasks of type THUMBNAIL that ended at or after `sinceMs` (VOD compares whole seconds). */
async function tasksEndedSince(
	context: IPollFunctions,
	sinceMs: number,
	settings: PollSettings,
	limit: number | undefined,
): Promise<AssetTaskResult[]> {
	const [onlyStatus] = settings.statuses.length === 1 ? settings.statuses : [];
	const since = new Date(Math.floor(sinceMs / 1000) * 1000).toISOString();
	return await listAssetTasks(
		context,
		{ type: 'THUMBNAIL', status: onlyStatus, end_time_after: vodUtcTime(since) },
		limit,
	);
}

/**
 * The webhook's output for a task (trigger/event.ts): a `thumbnailComplete` event, its snapshots
 * flattened, and an event id that is the same each time the task is read (from the event and the
 * cursor's id for it, which tells apart equal tasks VOD lists without an id).
 */
async function taskOutput(
	context: IPollFunctions,
	{ id, data: task }: PolledEvent<AssetTaskResult>,
): Promise<IDataObject> {
	const info: IDataObject = {
		asset_id: task.asset_id,
		task_id: task.task_id,
		status: task.status,
		create_time: task.create_time,
		end_time: task.end_time,
		...(task.status === 'FAILED' ? { error_msg: task.description } : {}),
	};
	const event: IDataObject = { event_type: 'thumbnailComplete', thumbnail_info: info };
	const { snapshots, unavailable } = await taskSnapshots(context, task);
	return {
		...event,
		snapshots,
		...(unavailable === undefined ? {} : { snapshotsUnavailable: unavailable }),
		// The cursor's id tells apart equal tasks VOD lists without an id.
		eventId: eventIdOf(task.task_id === undefined ? { event, id } : event),
	};
}

interface TaskSnapshots {
	snapshots: Array<Pick<ThumbnailImage, 'offset' | 'url'>>;
	/** Why a succeeded task comes without its snapshots. */
	unavailable?: string;
}

/**
 * A succeeded task's snapshots. A task VOD lists without an id, or whose snapshots VOD refuses
 * for good (deleted since, VOD.10062; no permission on the asset), is emitted without them and
 * says why, instead of failing every later poll; a transient or credential failure fails the poll,
 * and the task is tried again by the next one.
 */
async function taskSnapshots(
	context: IPollFunctions,
	task: AssetTaskResult,
): Promise<TaskSnapshots> {
	if (task.status !== 'SUCCEED') return { snapshots: [] };
	if (task.task_id === undefined) return { snapshots: [], unavailable: NO_TASK_ID };
	const images = await thumbnailImages
		.call(context, task.task_id, undefined, {})
		.catch(async (error: unknown) => {
			const problem = lastingRequestProblem(error);
			return problem === undefined ? await Promise.reject(error) : problem;
		});
	return typeof images === 'string'
		? { snapshots: [], unavailable: images }
		: { snapshots: images.map(({ offset, url }) => ({ offset, url })) };
}

/**
 * Polling mode: every snapshot task that ends after activation fires once, whatever order tasks
 * end in; its snapshot URLs are fetched before the cursor moves past it. Manual runs return the
 * latest ended task.
 */
export async function pollThumbnailTasks(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const settings = readPollSettings.call(this);
	// VOD prints end times in whole seconds: a task ending later in the activation's second reads
	// as that second, so the cursor starts at the second's beginning rather than skip it as history.
	const nowMs = Math.floor(Date.now() / 1000) * 1000;
	const outputs = await pollAndComplete(
		this.getWorkflowStaticData('node'),
		{
			nowMs,
			manual: this.getMode() === 'manual',
			policy: { lookbackMs: settings.lookBackMs, maxIds: MAX_REMEMBERED_TASKS },
			fetchPage: async (since) => {
				const tasks =
					since === undefined
						? await tasksEndedSince(this, nowMs - MANUAL_WINDOW_MS, settings, MANUAL_SAMPLE)
						: await tasksEndedSince(this, since, settings, undefined);
				return endedEvents(tasks, settings);
			},
		},
		async (event) => await taskOutput(this, event),
	);
	return outputs.length === 0 ? null : [outputs.map((json) => ({ json }))];
}
