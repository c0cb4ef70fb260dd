/** The Huawei node against one emulator per test file, with the emulator's request log read as VOD APIs. */
import { emulatorPerFile } from '../../emulator/lifecycle';
import type { Emulator } from '../../emulator/server';
import { against, type HuaweiRun } from './harness';

/** One emulator for the calling file, fast tasks (300 ms) and no throttling, reset before each test. */
export function huaweiEmulatorPerFile(use: (emulator: Emulator) => void): void {
	let started: Emulator | undefined;
	emulatorPerFile(
		(emulator) => {
			started = emulator;
			use(emulator);
		},
		{
			eachTest: () => {
				started?.huawei.setTaskDuration(300);
				started?.huawei.setQps(1000);
			},
		},
	);
}

/** Run options whose AK/SK credential points at the emulator. */
export function againstEmulator(emulator: Emulator, run: HuaweiRun = {}): HuaweiRun {
	return against(emulator.url, run);
}

/** `METHOD /path-after-project-id` of each VOD request the emulator received, in order. */
export function vodCalls(emulator: Emulator): string[] {
	return emulator
		.requests()
		.map((request) => `${request.method} ${new URL(request.rawUrl, emulator.url).pathname}`)
		.filter((call) => / \/v1(\.0)?\//.test(call))
		.map((call) => call.replace(/\/v1(\.0)?\/[^/]+\//, '/'));
}
