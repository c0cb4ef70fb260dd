/** Wire shapes of the Huawei VOD snapshot APIs the emulator serves (huawei.md 4 and 6.3). */

export type ThumbnailType = 'time' | 'dots' | 'quantity';

/** The request `thumbnail` object, echoed back as `thumbnail_para` with defaults filled in. */
export interface ThumbnailPara {
	type: ThumbnailType;
	time?: number;
	dots?: number[];
	quantity?: number;
	quantity_time?: number;
	cover_position: number;
	format: number;
	aspect_ratio: number;
	max_length: number;
}

export interface SnapshotImage {
	offset: number;
	url: string;
}

export type TaskStatus = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'FAILED';

export interface TaskFailure {
	error_code: string;
	error_msg: string;
}

export interface ThumbnailTask {
	taskId: string;
	assetId: string;
	para: ThumbnailPara;
	status: TaskStatus;
	createdAt: number;
	endedAt?: number;
	images: SnapshotImage[];
	failure?: TaskFailure;
}

export interface Asset {
	assetId: string;
	title: string;
	durationSeconds: number;
	createdAt: number;
	/** Set by PUT asset/cover; else the cover is the last finished task's cover position. */
	coverUrl?: string;
	/** Which task ids VOD's answers about this asset carry (SeedAssetInput.taskIds). */
	taskIds: AssetTaskIds;
	/** How long after its creation asset/tasks first lists a task of this asset. */
	listedAfterMs: number;
}

/**
 * `all`: asset/process returns thumbnail_task_id (the "multi-snapshot scenario", huawei.md §4.1);
 * `listed`: only asset/tasks names the task; `none`: neither does (the documented asset/tasks result
 * has no task_id, §4.6).
 */
export type AssetTaskIds = 'all' | 'listed' | 'none';

export interface AssetProcessRequest {
	asset_id?: unknown;
	template_group_name?: unknown;
	thumbnail?: unknown;
}

export interface AssetProcessResponse {
	asset_id: string;
	thumbnail_task_id?: string;
}

export interface QueryThumbnailInfo {
	task_id: string;
	thumbnail_para: ThumbnailPara;
	thumbnail_count: number;
}

export interface ListThumbnailInfoResponse {
	total: number;
	thumbnails: QueryThumbnailInfo[];
}

export interface ListThumbnailDetailsResponse {
	total: number;
	thumbnail_result: SnapshotImage[];
}

export interface DeleteThumbnailsResponse {
	delete_result_array: Array<{ asset_id: string; task_id: string; status: 'DELETED' | 'FAILED' }>;
}

export type ThumbnailStatus =
	| 'UN_THUMBNAIL'
	| 'THUMBNAILING'
	| 'THUMBNAIL_SUCCEED'
	| 'THUMBNAIL_FAILED';

export interface AssetThumbnailInfo {
	sample: SnapshotImage[];
	dots: SnapshotImage[];
	quantity: SnapshotImage[];
	exec_desc: string;
	thumbnail_status: ThumbnailStatus;
}

export interface AssetBaseInfo {
	title: string;
	description: string;
	video_type: string;
	create_time: string;
	last_modify: string;
	video_url: string;
	cover_info_array: Array<{ cover_position: number; cover_url: string }>;
	meta_data: { duration: number; format: string };
}

export interface ShowAssetDetailResponse {
	asset_id: string;
	base_info?: AssetBaseInfo;
	transcode_info?: { transcode_status: 'UN_TRANSCODE'; output: [] };
	thumbnail_info?: AssetThumbnailInfo;
	review_info?: { review_status: 'UN_REVIEW' };
}

export interface AssetTaskResult {
	task_id: string;
	type: 'THUMBNAIL';
	asset_id: string;
	status: TaskStatus;
	create_time: string;
	end_time: string;
	description: string;
}

/** A task as asset/tasks lists it for an asset seeded with taskIds `none`. */
export type UnnamedAssetTaskResult = Omit<AssetTaskResult, 'task_id'>;

/** `results` as clients read it; for assets seeded with taskIds `none` its entries have no task_id. */
export interface ListAssetTaskInfoResponse {
	results: AssetTaskResult[];
	count: number;
	next_marker?: string;
}

/** `thumbnailComplete` event (huawei.md 6.3); `quantity` is the emulator's reading for type=quantity. */
export interface ThumbnailCompleteEvent {
	event_type: 'thumbnailComplete';
	thumbnail_info: {
		asset_id: string;
		status: 'SUCCEED' | 'FAILED';
		sample?: SnapshotImage[];
		dots?: SnapshotImage[];
		quantity?: SnapshotImage[];
		error_code?: string;
		error_msg?: string;
	};
}
