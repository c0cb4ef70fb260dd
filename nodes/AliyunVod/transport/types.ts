import type { JsonObject } from 'n8n-workflow';

/** Request and response shapes of the VOD 2017-03-21 actions this node calls. */

export type SnapshotType =
	| 'CoverSnapshot'
	| 'NormalSnapshot'
	| 'SpriteSnapshot'
	| 'SpriteOriginSnapshot';

export type KeepCellPic = 'keep' | 'delete';

export interface SpriteSnapshotConfig {
	CellWidth?: string;
	CellHeight?: string;
	Padding: string;
	Margin: string;
	Color: string;
	Columns: string;
	Lines: string;
	KeepCellPic: KeepCellPic;
}

export interface SnapshotUserData {
	MessageCallback?: { CallbackURL: string };
	Extend?: JsonObject;
}

export type SubmitSnapshotJobRequest = {
	VideoId: string;
	SnapshotTemplateId?: string;
	Count?: number;
	Interval?: number;
	SpecifiedOffsetTime?: number;
	Width?: string;
	Height?: string;
	/** JSON text of a SpriteSnapshotConfig */
	SpriteSnapshotConfig?: string;
	/** JSON text of a SnapshotUserData */
	UserData?: string;
};

export interface SubmitSnapshotJobResponse {
	RequestId: string;
	SnapshotJob: { JobId: string };
}

export type ListSnapshotsRequest = {
	VideoId: string;
	SnapshotType: SnapshotType;
	AuthTimeout?: number;
	PageNo: number;
	PageSize: number;
};

export interface SnapshotEntry {
	Index: number;
	Url: string;
}

export interface MediaSnapshot {
	CreationTime: string;
	Regular: string;
	JobId: string;
	Total: number;
	Snapshots?: { Snapshot?: SnapshotEntry[] };
}

export interface ListSnapshotsResponse {
	RequestId: string;
	MediaSnapshot?: MediaSnapshot;
}

export type GetVideoInfoRequest = {
	VideoId: string;
};

export interface VideoInfo {
	VideoId: string;
	Title?: string;
	Status?: string;
	Duration?: number;
	CoverURL?: string;
	CreationTime?: string;
	[key: string]: unknown;
}

export interface GetVideoInfoResponse {
	RequestId: string;
	Video: VideoInfo;
}

export type SearchSortBy = 'CreationTime:Desc' | 'CreationTime:Asc';

export type SearchMediaRequest = {
	SearchType: 'video';
	Match?: string;
	Fields?: string;
	SortBy?: SearchSortBy;
	PageNo: number;
	PageSize: number;
	ScrollToken?: string;
};

export interface SearchMediaItem {
	MediaId: string;
	MediaType: string;
	CreationTime: string;
	Video?: VideoInfo;
	[key: string]: unknown;
}

export interface SearchMediaResponse {
	RequestId: string;
	Total?: number;
	ScrollToken?: string;
	MediaList?: SearchMediaItem[];
}

/** VOD's MessageCallback object (GetMessageCallback); absent fields are omitted. */
export type MessageCallback = {
	CallbackType?: string;
	CallbackURL?: string;
	EventTypeList?: string;
	AuthSwitch?: string;
	AuthKey?: string;
	MnsEndpoint?: string;
	MnsQueueName?: string;
	AppId?: string;
};
