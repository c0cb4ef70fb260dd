import type { IDataObject } from 'n8n-workflow';

/** Huawei Cloud VOD API shapes (huawei.md §4; the SDK's v1 models). */

/** Snapshot modes of the `thumbnail` object: by interval, at time points, or a number of images. */
export type ThumbnailType = 'time' | 'dots' | 'quantity';

/** The request `thumbnail` object, echoed back as `thumbnail_para`. */
export interface Thumbnail {
	type: ThumbnailType;
	/** Seconds between snapshots (type `time`), 0 to 100; VOD's default is 12. */
	time?: number;
	/** Time points in seconds (type `dots`). */
	dots?: number[];
	/** Number of snapshots (type `quantity`), 1 to 10. */
	quantity?: number;
	/** Seconds between the `quantity` snapshots (type `quantity`). */
	quantity_time?: number;
	/** Which snapshot (1-based) becomes the cover; VOD's default is 1. */
	cover_position?: number;
	/** 1 = JPEG, the only format. */
	format?: number;
	/** 0 = the source's aspect ratio (default), 1 = 16:9. */
	aspect_ratio?: number;
	/** Long edge in pixels; VOD's default is 480. */
	max_length?: number;
}

export interface CreateAssetProcessTaskRequest {
	asset_id: string;
	template_group_name?: string;
	thumbnail: Thumbnail;
}

export interface CreateAssetProcessTaskResponse {
	asset_id: string;
	/** Returned only "in the multi-snapshot scenario" (huawei.md §4.1). */
	thumbnail_task_id?: string;
}

export type ListThumbnailInfoQuery = {
	asset_id?: string;
	task_id?: string;
	offset: number;
	limit: number;
};

export interface QueryThumbnailInfo {
	task_id?: string;
	thumbnail_para?: Thumbnail | null;
	thumbnail_count?: number;
}

export interface ListThumbnailInfoResponse {
	total?: number;
	thumbnails?: QueryThumbnailInfo[];
}

export type ListThumbnailDetailsQuery = {
	task_id: string;
	offset: number;
	limit: number;
};

/** One snapshot: seconds into the video, and its URL. */
export interface ThumbnailImage {
	offset: number;
	url: string;
}

export interface ListThumbnailDetailsResponse {
	total?: number;
	thumbnail_result?: ThumbnailImage[];
}

export type DeleteThumbnailsQuery = {
	asset_id: string;
	/** At most 10 per call, sent as repeated `task_id`. */
	task_id: string[];
};

/** `UNKNOW` is VOD's spelling. */
export type DeleteStatus = 'DELETED' | 'FAILED' | 'UNKNOW';

export interface DeleteThumbnailsResponse {
	delete_result_array: Array<{ asset_id?: string; task_id?: string; status?: DeleteStatus }>;
}

export type AssetCategory = 'base_info' | 'transcode_info' | 'thumbnail_info' | 'review_info';

export type ShowAssetDetailQuery = {
	asset_id: string;
	/** Empty = every category. */
	categories?: AssetCategory[];
};

export type ThumbnailStatus =
	| 'UN_THUMBNAIL'
	| 'THUMBNAILING'
	| 'THUMBNAIL_SUCCEED'
	| 'THUMBNAIL_FAILED';

export interface AssetThumbnailInfo {
	sample?: ThumbnailImage[];
	dots?: ThumbnailImage[];
	quantity?: ThumbnailImage[];
	exec_desc?: string;
	thumbnail_status?: ThumbnailStatus;
}

export interface ShowAssetDetailResponse {
	asset_id: string;
	base_info?: IDataObject;
	transcode_info?: IDataObject;
	thumbnail_info?: AssetThumbnailInfo;
	review_info?: IDataObject;
}

export type AssetTaskType = 'TRANSCODE' | 'THUMBNAIL';
export type AssetTaskStatus = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'FAILED';

export type ListAssetTaskInfoQuery = {
	type?: AssetTaskType;
	asset_id?: string;
	/** Valid only for snapshot tasks. */
	task_id?: string;
	status?: AssetTaskStatus;
	/** RFC 3339 UTC, e.g. 2020-09-01T18:50:20Z. */
	create_time_after?: string;
	create_time_before?: string;
	end_time_after?: string;
	end_time_before?: string;
	marker?: string;
	limit: number;
};

export interface AssetTaskResult {
	task_id?: string;
	type?: AssetTaskType;
	asset_id?: string;
	status?: AssetTaskStatus;
	create_time?: string;
	end_time?: string;
	description?: string;
	transcode_result?: IDataObject;
}

export interface ListAssetTaskInfoResponse {
	results?: AssetTaskResult[];
	count?: number;
	next_marker?: string;
}

export interface UpdateCoverByThumbnailRequest {
	/** camelCase on the wire (the SDK's UpdateCoverByThumbnailReq). */
	thumbnailUrl: string;
}

/** 204 with no body, read as {}. */
export type UpdateCoverByThumbnailResponse = Record<string, never>;
