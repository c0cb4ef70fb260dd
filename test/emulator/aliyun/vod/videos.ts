export type VodVideoStatus =
	| 'Uploading'
	| 'UploadFail'
	| 'UploadSucc'
	| 'Transcoding'
	| 'TranscodeFail'
	| 'Checking'
	| 'Blocked'
	| 'Normal';

export const VOD_VIDEO_STATUSES: readonly VodVideoStatus[] = [
	'Uploading',
	'UploadFail',
	'UploadSucc',
	'Transcoding',
	'TranscodeFail',
	'Checking',
	'Blocked',
	'Normal',
];

export interface VodVideo {
	videoId: string;
	title: string;
	status: VodVideoStatus;
	durationSeconds: number;
	size: number;
	creationTime: number;
	appId: string;
	cateId?: number;
	cateName?: string;
	tags?: string;
	description?: string;
	/** Cover snapshots already produced at upload (ListSnapshots' default type). */
	coverCount: number;
}

export type VodVideoSeed = Pick<VodVideo, 'videoId'> & Partial<VodVideo>;

export const DEFAULT_APP_ID = 'app-1000000';

/** Ids of the videos every emulator starts with. */
export const seedVideoIds = {
	normal: '1c6ce34007d571ed94667630a6bc0101',
	unicode: '1c6ce34007d571ed94667630a6bc0102',
	uploadSucc: '1c6ce34007d571ed94667630a6bc0103',
	blocked: '1c6ce34007d571ed94667630a6bc0104',
	uploading: '1c6ce34007d571ed94667630a6bc0105',
	transcodeFail: '1c6ce34007d571ed94667630a6bc0106',
} as const;

const SEEDED_AT = Date.parse('2026-01-05T08:00:00Z');

export const DEFAULT_VOD_VIDEOS: readonly VodVideoSeed[] = [
	{
		videoId: seedVideoIds.normal,
		title: 'Emulator sample clip',
		durationSeconds: 120.5,
		coverCount: 3,
		tags: 'demo,sample',
	},
	{ videoId: seedVideoIds.unicode, title: '截图 测试 clip', durationSeconds: 10, coverCount: 1 },
	{
		videoId: seedVideoIds.uploadSucc,
		title: 'Uploaded, not transcoded',
		status: 'UploadSucc',
		durationSeconds: 60,
	},
	{ videoId: seedVideoIds.blocked, title: 'Blocked clip', status: 'Blocked', durationSeconds: 30 },
	{
		videoId: seedVideoIds.uploading,
		title: 'Still uploading',
		status: 'Uploading',
		durationSeconds: 0,
	},
	{
		videoId: seedVideoIds.transcodeFail,
		title: 'Broken source',
		status: 'TranscodeFail',
		durationSeconds: 45,
	},
];

export function completeVideo(seed: VodVideoSeed, index: number): VodVideo {
	return {
		title: `Video ${seed.videoId}`,
		status: 'Normal',
		durationSeconds: 60,
		size: 1_048_576 * (index + 1),
		creationTime: SEEDED_AT + index * 60_000,
		appId: DEFAULT_APP_ID,
		cateId: 1000,
		cateName: 'Emulator',
		coverCount: 0,
		...seed,
	};
}

/** Videos a snapshot job may run on (SubmitSnapshotJob doc). */
export const SNAPSHOT_ALLOWED_STATUSES: ReadonlySet<VodVideoStatus> = new Set([
	'UploadSucc',
	'Normal',
	'Checking',
	'Blocked',
]);
