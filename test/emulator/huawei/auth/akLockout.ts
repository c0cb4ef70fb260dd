/** APIG locks an AK for 5 minutes after more than 5 consecutive authentication failures (huawei.md 1.7). */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

interface AkState {
	failures: number;
	lockedUntil: number;
}

export class AkLockout {
	private readonly state = new Map<string, AkState>();

	constructor(private readonly now: () => number) {}

	isLocked(ak: string): boolean {
		const entry = this.state.get(ak);
		return entry !== undefined && entry.lockedUntil > this.now();
	}

	recordFailure(ak: string): void {
		const entry = this.state.get(ak) ?? { failures: 0, lockedUntil: 0 };
		entry.failures++;
		if (entry.failures > LOCKOUT_THRESHOLD) {
			entry.lockedUntil = this.now() + LOCKOUT_MS;
			entry.failures = 0;
		}
		this.state.set(ak, entry);
	}

	recordSuccess(ak: string): void {
		this.state.delete(ak);
	}

	reset(): void {
		this.state.clear();
	}
}
