/* eslint-disable @n8n/community-nodes/no-restricted-globals -- emulator test code owns real timers */
/** Timers owned by the emulator, so `reset` and `close` can cancel pending job transitions and retries. */
export class TimerSet {
	private readonly pending = new Set<NodeJS.Timeout>();

	after(ms: number, run: () => void): void {
		const timer = setTimeout(() => {
			this.pending.delete(timer);
			run();
		}, ms);
		this.pending.add(timer);
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => this.after(ms, resolve));
	}

	clear(): void {
		for (const timer of this.pending) clearTimeout(timer);
		this.pending.clear();
	}
}
