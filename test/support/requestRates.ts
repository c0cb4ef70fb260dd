/** Rates and throttling as the emulator saw them, for the pacing tests and the benchmark. */
import type { RecordedRequest } from '../emulator/core/requestLog';
import type { Emulator } from '../emulator/server';

/** The recorded requests of one RPC action, in arrival order. */
export function actionRequests(emulator: Emulator, action: string): RecordedRequest[] {
	return emulator.requests().filter((request) => request.action === action);
}

/** Most requests received within any 1,000 ms (the emulator's sliding window). */
export function densestWindow(requests: RecordedRequest[]): number {
	let densest = 0;
	let start = 0;
	for (let end = 0; end < requests.length; end++) {
		while (requests[end].receivedAt - requests[start].receivedAt >= 1000) start++;
		densest = Math.max(densest, end - start + 1);
	}
	return densest;
}

export function isThrottled(request: RecordedRequest): boolean {
	return request.outcome.code?.startsWith('Throttling') === true || request.outcome.status === 429;
}
