import { describe, expect, it } from 'vitest';

import { eventTypeListFor } from '../../../../nodes/AliyunVod/trigger/eventTypes';

describe('eventTypeListFor', () => {
	it('enables AI events with the single value AIComplete and lists each event once', () => {
		expect(eventTypeListFor(['SnapshotComplete', 'AIMediaDNAComplete', 'AIVideoTagComplete'])).toBe(
			'AIComplete,SnapshotComplete',
		);
	});
});
