/** The emulator's idea of "now": real time plus a skew tests can set to provoke clock errors. */
export class EmulatorClock {
	skewMs = 0;

	now(): number {
		return Date.now() + this.skewMs;
	}
}
