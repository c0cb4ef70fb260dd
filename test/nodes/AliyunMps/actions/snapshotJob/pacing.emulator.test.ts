import { describe, expect, it } from 'vitest';

import type { RecordedRequest } from '../../../../emulator/core/requestLog';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import {
	actionRequests as sent,
	densestWindow,
	isThrottled,
} from '../../../../support/requestRates';
import { errorMessage, runMps, submitParameters } from '../../harness';

let emulator: Emulator;

// The emulator throttles mts:SubmitSnapshotJob above 50 and mts:QuerySnapshotJobList above 100 per second.
emulatorPerFile((started) => (emulator = started));

function throttled(requests: RecordedRequest[]): number {
	return requests.filter(isThrottled).length;
}

describe('MPS pacing at the documented QPS, seen at the emulator', () => {
	it('Submit: 80 items at the default pace, at most 50 per second, none throttled', async () => {
		const items = Array.from({ length: 80 }, (_, index) => ({ index }));
		const result = await runMps(
			emulator,
			submitParameters({ outputObject: '={{ "out/" + $json.index + ".jpg" }}' }),
			{ items },
		);
		expect(errorMessage(result)).toBe('');
		const requests = sent(emulator, 'SubmitSnapshotJob');
		expect(requests).toHaveLength(80);
		expect(throttled(requests)).toBe(0);
		expect(densestWindow(requests)).toBeLessThanOrEqual(50);
		// 79 gaps of at least 1000/50 ms (with the pacer's 5 % headroom: 21 ms).
		expect(requests[79].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(79 * 20);
	});

	it('Get: 1,500 IDs in 150 QuerySnapshotJobList calls, at most 100 per second, none throttled', async () => {
		const ids = Array.from(
			{ length: 1500 },
			(_, index) => `unknown${String(index).padStart(5, '0')}`,
		);
		const result = await runMps(emulator, {
			resource: 'snapshotJob',
			operation: 'get',
			jobIds: ids.join(','),
			options: { notFound: 'flag' },
		});
		expect(errorMessage(result)).toBe('');
		expect(result.items).toHaveLength(1500);
		const requests = sent(emulator, 'QuerySnapshotJobList');
		expect(requests).toHaveLength(150);
		expect(throttled(requests)).toBe(0);
		expect(densestWindow(requests)).toBeLessThanOrEqual(100);
		expect(requests[149].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(149 * 10);
	});
});
