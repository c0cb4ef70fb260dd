/** Request and response shapes of the MPS (`mts`, 2014-06-18) snapshot actions (aliyun.md §e). */

/** An OSS object as MPS takes and echoes it; `Object` is URL-encoded (UTF-8). */
export interface MpsOssFile {
	Bucket: string;
	/** `oss-<region>`. */
	Location: string;
	Object: string;
	RoleArn?: string;
}

/** Sprite sheet settings; MPS echoes every value as a string. */
export interface MpsTileOut {
	Lines?: string;
	Columns?: string;
	CellWidth?: string;
	CellHeight?: string;
	Margin?: string;
	Padding?: string;
	Color?: string;
	IsKeepCellPic?: 'true' | 'false';
	CellSelStep?: string;
}

export type MpsFrameType = 'normal' | 'intra';

/** `SnapshotConfig`: numbers as strings, as the API documents and echoes them. */
export interface MpsSnapshotConfig {
	OutputFile: MpsOssFile;
	Time?: string;
	Num?: string;
	Interval?: string;
	Width?: string;
	Height?: string;
	FrameType?: MpsFrameType;
	BlackLevel?: string;
	PixelBlackThreshold?: string;
	Format?: 'vtt';
	TileOut?: MpsTileOut;
	TileOutputFile?: MpsOssFile;
	TimeArray?: { TimePointList?: number[] } | number[];
}

export type MpsJobState = 'Submitted' | 'Snapshoting' | 'Success' | 'Fail';

export interface MpsSnapshotJob {
	Id: string;
	State: MpsJobState;
	CreationTime?: string;
	PipelineId?: string;
	UserData?: string;
	/** Number of images written; a string. */
	Count?: string;
	/** Number of sprite sheets written; a string. */
	TileCount?: string;
	Code?: string;
	Message?: string;
	Input?: MpsOssFile;
	SnapshotConfig?: MpsSnapshotConfig;
	MNSMessageResult?: { MessageId?: string; ErrorCode?: string; ErrorMessage?: string };
}

export type SubmitSnapshotJobRequest = {
	/** JSON text of an MpsOssFile. */
	Input: string;
	/** JSON text of an MpsSnapshotConfig. */
	SnapshotConfig: string;
	PipelineId?: string;
	UserData?: string;
};

export interface SubmitSnapshotJobResponse {
	RequestId: string;
	SnapshotJob: MpsSnapshotJob;
}

export type QuerySnapshotJobListRequest = {
	/** Comma-separated, at most 10. */
	SnapshotJobIds?: string;
	NextPageToken?: string;
	/** 1 to 300, default 30. */
	MaximumPageSize?: number;
	State?: MpsJobState;
	/** `yyyy-MM-ddTHH:mm:ssZ`. */
	StartOfJobCreatedTimeRange?: string;
	EndOfJobCreatedTimeRange?: string;
	PipelineId?: string;
};

export interface QuerySnapshotJobListResponse {
	RequestId: string;
	SnapshotJobList?: { SnapshotJob?: MpsSnapshotJob[] };
	NonExistSnapshotJobIds?: { String?: string[] };
	NextPageToken?: string;
}
