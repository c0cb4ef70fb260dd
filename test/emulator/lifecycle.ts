/**
 * One emulator per test file: started before the file's tests, closed after them, and reset before
 * each test, then `eachTest` for the file's own per-test state. `use` receives what was started.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { startEmulator, type Emulator, type EmulatorOptions } from './server';

export function emulatorPerFile(
	use: (emulator: Emulator) => void,
	{ start, eachTest }: { start?: EmulatorOptions; eachTest?: () => unknown } = {},
): void {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator(start);
		use(emulator);
	});
	afterAll(async () => await emulator?.close());
	beforeEach(async () => {
		emulator?.reset();
		await eachTest?.();
	});
}
