/**
 * Per-action QPS limits over a sliding one-second window per AccessKeyId, as Alibaba Cloud's
 * "user flow control" applies them. Keys are `<product>:<Action>`, e.g. `vod:SubmitSnapshotJob`.
 */
export const DEFAULT_QPS_LIMITS: Readonly<Record<string, number>> = {
	'vod:SubmitSnapshotJob': 30,
	'vod:GetVideoInfo': 100,
	'vod:SearchMedia': 100,
	'vod:ListSnapshots': 100,
	'vod:GetMessageCallback': 100,
	'vod:SetMessageCallback': 100,
	'vod:DeleteMessageCallback': 100,
	'mps:SubmitSnapshotJob': 50,
	'mps:QuerySnapshotJobList': 100,
};

const WINDOW_MS = 1000;

export class QpsLimiter {
	private limits: Record<string, number> = { ...DEFAULT_QPS_LIMITS };
	private readonly hits = new Map<string, number[]>();

	setLimits(limits: Partial<Record<string, number>>): void {
		for (const [key, value] of Object.entries(limits)) {
			if (value !== undefined) this.limits[key] = value;
		}
	}

	reset(): void {
		this.limits = { ...DEFAULT_QPS_LIMITS };
		this.hits.clear();
	}

	/** Counts the call and says whether it fits in the window; refused calls are not counted. */
	tryAcquire(actionKey: string, identity: string, now: number): boolean {
		const limit = this.limits[actionKey];
		if (limit === undefined) return true;
		const bucketKey = `${identity}\n${actionKey}`;
		const recent = (this.hits.get(bucketKey) ?? []).filter((at) => at > now - WINDOW_MS);
		if (recent.length >= limit) {
			this.hits.set(bucketKey, recent);
			return false;
		}
		recent.push(now);
		this.hits.set(bucketKey, recent);
		return true;
	}
}
