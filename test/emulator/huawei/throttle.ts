export const DEFAULT_QPS = 20;
const WINDOW_MS = 1000;

/** Sliding one-second window per caller and API; only admitted requests count. */
export class Throttle {
	private readonly admitted = new Map<string, number[]>();
	private qps = DEFAULT_QPS;

	constructor(private readonly now: () => number) {}

	setQps(qps: number): void {
		this.qps = qps;
	}

	limit(): number {
		return this.qps;
	}

	admit(caller: string, api: string): boolean {
		const key = `${caller} ${api}`;
		const now = this.now();
		const recent = (this.admitted.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
		if (recent.length >= this.qps) {
			this.admitted.set(key, recent);
			return false;
		}
		recent.push(now);
		this.admitted.set(key, recent);
		return true;
	}

	reset(): void {
		this.admitted.clear();
		this.qps = DEFAULT_QPS;
	}
}
