/**
 * Per-key QPS limits over a sliding one-second window per caller; refused calls are not counted.
 * Aliyun keys are `<service>:<Action>` (`vod:SubmitSnapshotJob`, `mts:SubmitSnapshotJob`, the
 * service key as the API names itself); Huawei keys are the API name under one limit for all.
 */
const WINDOW_MS = 1000;

export class QpsLimiter {
	private limits: Record<string, number>;
	private fallback: number | undefined;
	private readonly hits = new Map<string, number[]>();

	/** `fallback` is the limit of keys the table does not name (none: unlimited). */
	constructor(
		private readonly defaults: Readonly<Record<string, number>>,
		private readonly defaultFallback?: number,
	) {
		this.limits = { ...defaults };
		this.fallback = defaultFallback;
	}

	setLimits(limits: Partial<Record<string, number>>): void {
		for (const [key, value] of Object.entries(limits)) {
			if (value !== undefined) this.limits[key] = value;
		}
	}

	setFallback(limit: number): void {
		this.fallback = limit;
	}

	limitOf(key: string): number | undefined {
		return this.limits[key] ?? this.fallback;
	}

	reset(): void {
		this.limits = { ...this.defaults };
		this.fallback = this.defaultFallback;
		this.hits.clear();
	}

	/** Counts the call and says whether it fits in the window. */
	tryAcquire(key: string, caller: string, now: number): boolean {
		const limit = this.limitOf(key);
		if (limit === undefined) return true;
		const bucketKey = `${caller}\n${key}`;
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
