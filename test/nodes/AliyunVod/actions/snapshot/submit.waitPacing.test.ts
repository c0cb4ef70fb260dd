/**
 * Max Requests per Second covers every VOD call of a Submit with Wait for Completion, the
 * ListSnapshots polls and the fetch of the finished job's pages included, not only the Submit.
 * In a file of its own: the process-wide pacer of an action carries a slow pace into later tests.
 */
import { describe, expect, it } from 'vitest';

import { nodeOutput } from '../../../../support/inProcessN8n';
import { JOB_ID, listSnapshotsPage } from '../../fakeSnapshots';
import { againstEndpoint, runVod, VOD_NODE } from '../../harness';
import { vodStandInPerFile } from '../../vodStandIn';
import type { VodStandIn } from '../../vodStandIn';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';
/**
 * 2 per second: the pacer's slots are 525 ms apart, so the four calls span at least 1,575 ms from
 * the first send; at the default ListSnapshots pace (20) they span about 160 ms. The bound leaves
 * room for a late first arrival on a busy machine.
 */
const MAX_REQUESTS_PER_SECOND = 2;
const MIN_SPAN_MS = 1_200;

/** Arrival times of the ListSnapshots calls, in ms. */
function listSnapshotsArrivals(): number[] {
	const arrivals = vod.arrivals();
	return vod
		.calls()
		.map((call, index) => ({ action: call.action, at: arrivals[index] }))
		.filter((call) => call.action === 'ListSnapshots')
		.map((call) => call.at);
}

describe('Snapshot → Submit with Wait for Completion and Max Requests per Second', () => {
	it('paces the ListSnapshots checks and page fetches to the option', async () => {
		// A template job: each check lists NormalSnapshot then SpriteSnapshot, and the finished
		// sprite job is fetched in two pages, so four ListSnapshots calls follow without a poll wait.
		vod.answer((call) => {
			if (call.action === 'SubmitSnapshotJob')
				return { RequestId: 'REQ-SUBMIT', SnapshotJob: { JobId: JOB_ID } };
			const ready = call.params.SnapshotType === 'SpriteSnapshot';
			return listSnapshotsPage(call, ready ? 101 : 1, undefined, ready ? JOB_ID : 'old-job');
		});

		const result = await runVod(
			{
				resource: 'snapshot',
				operation: 'submit',
				videoId: VIDEO_ID,
				snapshotSettings: {},
				snapshotTemplateId: 'tpl-1',
				waitForCompletion: true,
				options: {
					pollInterval: 0.5,
					maxWaitTime: 30,
					maxRequestsPerSecond: MAX_REQUESTS_PER_SECOND,
				},
			},
			againstEndpoint(vod.url),
		);

		expect(nodeOutput(result, VOD_NODE)).toHaveLength(101);
		const arrivals = listSnapshotsArrivals();
		expect(arrivals).toHaveLength(4);
		expect(arrivals[3] - arrivals[0]).toBeGreaterThanOrEqual(MIN_SPAN_MS);
	});
});
