/**
 * Alibaba Cloud's "user flow control": per-action QPS limits, keys `<service>:<Action>` with the
 * service key the API names itself (`vod`, `mts`), as `nodes/shared/pacing.ts` does.
 */
export const ALIYUN_QPS_LIMITS: Readonly<Record<string, number>> = {
	'vod:SubmitSnapshotJob': 30,
	'vod:GetVideoInfo': 100,
	'vod:SearchMedia': 100,
	'vod:ListSnapshots': 100,
	'vod:GetMessageCallback': 100,
	'vod:SetMessageCallback': 100,
	'vod:DeleteMessageCallback': 100,
	'mts:SubmitSnapshotJob': 50,
	'mts:QuerySnapshotJobList': 100,
};
