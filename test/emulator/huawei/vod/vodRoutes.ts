/* eslint-disable @n8n/community-nodes/require-node-api-error -- VodError is the emulator's own wire error */
import { page, queryInt, vodTime } from './query';
import { illegalField, notFound, VodError } from '../responses';
import type { SnapshotTasks } from './snapshotTasks';
import { parseThumbnailPara } from './thumbnailPara';
import type {
	AssetBaseInfo,
	AssetProcessRequest,
	AssetProcessResponse,
	AssetTaskResult,
	AssetThumbnailInfo,
	DeleteThumbnailsResponse,
	ListAssetTaskInfoResponse,
	ListThumbnailDetailsResponse,
	ListThumbnailInfoResponse,
	ShowAssetDetailResponse,
	ThumbnailStatus,
	ThumbnailTask,
	UnnamedAssetTaskResult,
} from './types';

export interface VodCall {
	query: URLSearchParams;
	body: Buffer;
}

export interface VodResult {
	status: number;
	body: unknown;
}

export interface VodRoute {
	/** API name, also the throttling bucket. */
	api: string;
	method: string;
	/** Path after /{version}/{project_id}. */
	path: string;
	version: 'v1' | 'v1.0';
	run(tasks: SnapshotTasks, call: VodCall): VodResult;
}

const CATEGORIES = ['base_info', 'transcode_info', 'thumbnail_info', 'review_info'] as const;
type Category = (typeof CATEGORIES)[number];

function ok(body: unknown): VodResult {
	return { status: 200, body };
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch (error) {
		throw new VodError(400, 'VOD.10053', `The request body is not JSON: ${String(error)}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw illegalField('body');
	}
	return parsed as Record<string, unknown>;
}

function createAssetProcessTask(tasks: SnapshotTasks, call: VodCall): VodResult {
	const request: AssetProcessRequest = parseJsonObject(call.body);
	if (typeof request.asset_id !== 'string' || request.asset_id === '') {
		throw illegalField('asset_id');
	}
	const asset = tasks.asset(request.asset_id);
	if (!asset) throw notFound();
	const response: AssetProcessResponse = { asset_id: asset.assetId };
	if (request.thumbnail !== undefined) {
		const task = tasks.start(asset, parseThumbnailPara(request.thumbnail));
		if (asset.taskIds === 'all') response.thumbnail_task_id = task.taskId;
	}
	return ok(response);
}

function listThumbnailInfo(tasks: SnapshotTasks, call: VodCall): VodResult {
	const assetId = call.query.get('asset_id');
	const taskId = call.query.get('task_id');
	const offset = queryInt(call.query, 'offset', 0, 20000, 0);
	const limit = queryInt(call.query, 'limit', 1, 100, 10);
	const matching = tasks
		.list()
		.filter(
			(task) =>
				(assetId === null || task.assetId === assetId) &&
				(taskId === null || task.taskId === taskId),
		);
	const response: ListThumbnailInfoResponse = {
		total: matching.length,
		thumbnails: page(matching, offset, limit).map((task) => ({
			task_id: task.taskId,
			thumbnail_para: task.para,
			thumbnail_count: task.images.length,
		})),
	};
	return ok(response);
}

function listThumbnailDetails(tasks: SnapshotTasks, call: VodCall): VodResult {
	const taskId = call.query.get('task_id');
	if (taskId === null || taskId === '' || taskId.length > 1024) throw illegalField('task_id');
	const offset = queryInt(call.query, 'offset', 0, 20480, 0);
	const limit = queryInt(call.query, 'limit', 1, 100, 20);
	const task = tasks.task(taskId);
	if (!task) throw notFound();
	const response: ListThumbnailDetailsResponse = {
		total: task.images.length,
		thumbnail_result: page(task.images, offset, limit),
	};
	return ok(response);
}

function deleteThumbnails(tasks: SnapshotTasks, call: VodCall): VodResult {
	const assetId = call.query.get('asset_id');
	const taskIds = call.query.getAll('task_id');
	if (taskIds.length === 0 || taskIds.length > 10 || taskIds.some((id) => id === '')) {
		throw illegalField('task_id');
	}
	const response: DeleteThumbnailsResponse = {
		delete_result_array: taskIds.map((taskId) => {
			const task = tasks.task(taskId);
			const deletable = task !== undefined && (assetId === null || task.assetId === assetId);
			if (deletable) tasks.delete(taskId);
			return {
				asset_id: task?.assetId ?? assetId ?? '',
				task_id: taskId,
				status: deletable ? 'DELETED' : 'FAILED',
			};
		}),
	};
	return ok(response);
}

function thumbnailStatus(task: ThumbnailTask | undefined): ThumbnailStatus {
	if (!task) return 'UN_THUMBNAIL';
	if (task.status === 'SUCCEED') return 'THUMBNAIL_SUCCEED';
	if (task.status === 'FAILED') return 'THUMBNAIL_FAILED';
	return 'THUMBNAILING';
}

function showAssetDetail(tasks: SnapshotTasks, call: VodCall): VodResult {
	const assetId = call.query.get('asset_id');
	if (assetId === null || assetId === '') throw illegalField('asset_id');
	const requested = call.query.getAll('categories');
	if (requested.some((category) => !CATEGORIES.includes(category as Category))) {
		throw illegalField('categories');
	}
	const wanted = (category: Category) => requested.length === 0 || requested.includes(category);
	const asset = tasks.asset(assetId);
	if (!asset) throw notFound();
	const assetTasks = tasks.list().filter((task) => task.assetId === assetId);
	const latest = assetTasks[assetTasks.length - 1];
	const latestImages = latest?.status === 'SUCCEED' ? latest.images : [];
	const lastSucceeded = [...assetTasks].reverse().find((task) => task.status === 'SUCCEED');
	const coverUrl =
		asset.coverUrl ??
		(lastSucceeded?.images[lastSucceeded.para.cover_position - 1] ?? lastSucceeded?.images[0])?.url;
	const response: ShowAssetDetailResponse = { asset_id: asset.assetId };
	if (wanted('base_info')) {
		const baseInfo: AssetBaseInfo = {
			title: asset.title,
			description: '',
			video_type: 'MP4',
			create_time: vodTime(asset.createdAt),
			last_modify: vodTime(latest?.endedAt ?? asset.createdAt),
			video_url: `https://vod.example.invalid/asset/${asset.assetId}/origin.mp4`,
			cover_info_array: coverUrl ? [{ cover_position: 1, cover_url: coverUrl }] : [],
			meta_data: { duration: asset.durationSeconds, format: 'MP4' },
		};
		response.base_info = baseInfo;
	}
	if (wanted('transcode_info'))
		response.transcode_info = { transcode_status: 'UN_TRANSCODE', output: [] };
	if (wanted('thumbnail_info')) {
		const info: AssetThumbnailInfo = {
			sample: latest?.para.type === 'time' ? latestImages : [],
			dots: latest?.para.type === 'dots' ? latestImages : [],
			quantity: latest?.para.type === 'quantity' ? latestImages : [],
			exec_desc: latest?.failure?.error_msg ?? '',
			thumbnail_status: thumbnailStatus(latest),
		};
		response.thumbnail_info = info;
	}
	if (wanted('review_info')) response.review_info = { review_status: 'UN_REVIEW' };
	return ok(response);
}

/** PUT asset/cover: one of the asset's snapshot URLs becomes its cover; 204 with no body. */
function updateCoverByThumbnail(tasks: SnapshotTasks, call: VodCall): VodResult {
	const request = parseJsonObject(call.body);
	const url = request.thumbnailUrl;
	if (typeof url !== 'string' || url === '') throw illegalField('thumbnailUrl');
	if (!tasks.setCover(url)) throw notFound();
	return { status: 204, body: undefined };
}

/** An optional RFC 3339 UTC query time (huawei.md §4.6) as epoch ms. */
function queryTime(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(raw)) throw illegalField(name);
	return Date.parse(raw);
}

interface TimeWindow {
	after?: number;
	before?: number;
}

function inWindow(ms: number | undefined, window: TimeWindow): boolean {
	if (window.after === undefined && window.before === undefined) return true;
	if (ms === undefined) return false;
	// Task times are printed in whole seconds, so they are compared in whole seconds.
	const seconds = Math.floor(ms / 1000) * 1000;
	return (
		(window.after === undefined || seconds >= window.after) &&
		(window.before === undefined || seconds < window.before)
	);
}

/** The tasks asset/tasks shows by now: each only once its asset's listing lag has passed. */
function listedTasks(tasks: SnapshotTasks): ThumbnailTask[] {
	const now = tasks.now();
	return tasks
		.list()
		.filter((task) => now - task.createdAt >= (tasks.asset(task.assetId)?.listedAfterMs ?? 0));
}

const TASK_TYPES = ['TRANSCODE', 'THUMBNAIL'];
const TASK_STATUSES = ['WAITING', 'PROCESSING', 'SUCCEED', 'FAILED'];

function listAssetTaskInfo(tasks: SnapshotTasks, call: VodCall): VodResult {
	const type = call.query.get('type');
	if (type !== null && !TASK_TYPES.includes(type)) throw illegalField('type');
	const status = call.query.get('status');
	if (status !== null && !TASK_STATUSES.includes(status)) throw illegalField('status');
	const assetId = call.query.get('asset_id');
	const taskId = call.query.get('task_id');
	const limit = queryInt(call.query, 'limit', 1, 100, 10);
	const marker = call.query.get('marker');
	// The marker is the emulator's own opaque cursor: the index of the next result.
	if (marker !== null && marker !== '' && !/^\d+$/.test(marker)) throw illegalField('marker');
	const start = marker ? Number(marker) : 0;
	const created = {
		after: queryTime(call.query, 'create_time_after'),
		before: queryTime(call.query, 'create_time_before'),
	};
	const ended = {
		after: queryTime(call.query, 'end_time_after'),
		before: queryTime(call.query, 'end_time_before'),
	};
	const matching =
		type === 'TRANSCODE'
			? []
			: listedTasks(tasks).filter(
					(task) =>
						(assetId === null || task.assetId === assetId) &&
						(taskId === null || task.taskId === taskId) &&
						(status === null || task.status === status) &&
						inWindow(task.createdAt, created) &&
						inWindow(task.endedAt, ended),
				);
	const results = page(matching, start, limit).map((task) => {
		const listed: UnnamedAssetTaskResult = {
			type: 'THUMBNAIL',
			asset_id: task.assetId,
			status: task.status,
			create_time: vodTime(task.createdAt),
			end_time: vodTime(task.endedAt),
			description: task.failure?.error_msg ?? '',
		};
		const named = tasks.asset(task.assetId)?.taskIds !== 'none';
		return named ? { task_id: task.taskId, ...listed } : listed;
	});
	const response: Omit<ListAssetTaskInfoResponse, 'results'> & {
		results: Array<AssetTaskResult | UnnamedAssetTaskResult>;
	} = { results, count: matching.length };
	if (start + limit < matching.length) response.next_marker = String(start + limit);
	return ok(response);
}

export const VOD_ROUTES: VodRoute[] = [
	{
		api: 'CreateAssetProcessTask',
		method: 'POST',
		version: 'v1.0',
		path: '/asset/process',
		run: createAssetProcessTask,
	},
	{
		api: 'ListThumbnailInfo',
		method: 'GET',
		version: 'v1',
		path: '/asset/thumbnails',
		run: listThumbnailInfo,
	},
	{
		api: 'DeleteThumbnails',
		method: 'DELETE',
		version: 'v1',
		path: '/asset/thumbnails',
		run: deleteThumbnails,
	},
	{
		api: 'ListThumbnailDetails',
		method: 'GET',
		version: 'v1',
		path: '/asset/thumbnail/details',
		run: listThumbnailDetails,
	},
	{
		api: 'ShowAssetDetail',
		method: 'GET',
		version: 'v1.0',
		path: '/asset/details',
		run: showAssetDetail,
	},
	{
		api: 'UpdateCoverByThumbnail',
		method: 'PUT',
		version: 'v1.0',
		path: '/asset/cover',
		run: updateCoverByThumbnail,
	},
	{
		api: 'ListAssetTaskInfo',
		method: 'GET',
		version: 'v1',
		path: '/asset/tasks',
		run: listAssetTaskInfo,
	},
];
