import { aliyunApiDataFor } from '../../emulator/accounts';
import type { Emulator } from '../../emulator/server';
import type { VodRun } from './harness';

/** Run options whose credential points the node's real transport at the emulator. */
export function againstEmulator(emulator: Emulator, run: VodRun = {}): VodRun {
	return {
		...run,
		credentials: aliyunApiDataFor(emulator.url),
	};
}

/** The RPC actions the emulator received, in order. */
export function receivedActions(emulator: Emulator): string[] {
	return emulator.requests().map((request) => request.action ?? request.rawUrl);
}
