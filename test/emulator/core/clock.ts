/**
 * The emulator's idea of "now": real time plus a skew tests can set to provoke clock errors;
 * tests can also stop it, so time windows do not slide under them.
 */
export class EmulatorClock {
	skewMs = 0;
	private frozenAt: number | undefined;

	now(): number {
		return (this.frozenAt ?? Date.now()) + this.skewMs;
	}

	/** Stops the clock at its current reading (without the skew); false lets it run again. */
	freeze(frozen: boolean): void {
		this.frozenAt = frozen ? Date.now() : undefined;
	}
}
