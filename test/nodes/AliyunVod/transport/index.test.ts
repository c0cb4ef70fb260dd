import { describe, expect, it } from 'vitest';

import { DEFAULT_QPS } from '../../../../nodes/shared/pacing';
import { vodRequestsPerSecond } from '../../../../nodes/AliyunVod/transport';

describe('vodRequestsPerSecond', () => {
	it.each([
		['SubmitSnapshotJob', 30],
		['GetVideoInfo', 100],
		['SearchMedia', 50],
		['ListSnapshots', DEFAULT_QPS],
		['SetMessageCallback', DEFAULT_QPS],
	] as const)('%s → the documented %i per second', (action, qps) => {
		expect(vodRequestsPerSecond(action)).toBe(qps);
	});

	it("takes the user's Max Requests per Second over the documented limit", () => {
		expect(vodRequestsPerSecond('SubmitSnapshotJob', 5)).toBe(5);
		expect(vodRequestsPerSecond('ListSnapshots', 2.5)).toBe(2.5);
	});
});
