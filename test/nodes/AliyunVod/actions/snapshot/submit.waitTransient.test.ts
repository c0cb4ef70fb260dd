import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, receivedActions, runVod, VOD_NODE } from '../../harness';
import type { VodRun } from '../../harness';
import { submitParameters } from './submitParameters';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.setJobDuration(300),
});

function against(run: VodRun = {}): VodRun {
	return againstEmulator(emulator, { onError: 'continueRegularOutput', ...run });
}

function submitAndWait(extra: Record<string, unknown> = {}) {
	const wait = { waitForCompletion: true, options: { pollInterval: 0.5, maxWaitTime: 30 } };
	return submitParameters(seedVideoIds.normal, { ...wait, ...extra });
}

/** The one job the emulator created, from the SubmitSnapshotJob answer it recorded. */
function submitCount(): number {
	return receivedActions(emulator).filter((action) => action === 'SubmitSnapshotJob').length;
}

const RESUME_HINT =
	/^Snapshot job (\w+) was submitted and may still finish: use Snapshot → Get Many/;

describe('Submit with Wait for Completion: failures after the job was created', () => {
	// The transport makes 4 attempts per call, so 4 answers of 503 fail one whole poll.
	it('keeps polling through 503s on ListSnapshots and outputs the snapshots', async () => {
		emulator.injectFault({ kind: 'serverError', match: { action: 'ListSnapshots' }, count: 4 });

		const run = await runVod(submitAndWait(), against({ onError: 'stopWorkflow' }));

		const output = nodeOutput(run, VOD_NODE);
		expect(output.map((item) => item.json.Index)).toEqual([1, 2, 3]);
		expect(submitCount()).toBe(1);
	}, 30_000);

	it('times out with the JobId, the last failure and the resume hint when VOD stays unavailable', async () => {
		emulator.injectFault({
			kind: 'serverError',
			match: { action: 'ListSnapshots' },
			count: 1000,
		});

		const run = await runVod(
			submitAndWait({ options: { pollInterval: 0.5, maxWaitTime: 2 } }),
			against(),
		);

		const [item] = nodeOutput(run, VOD_NODE);
		const message = String(item.json.error);
		const jobId =
			/^Snapshot job (\w+) did not complete within 2 seconds \(the last check failed: ServiceUnavailable/.exec(
				message,
			)?.[1];
		expect(jobId).toBeDefined();
		expect(item.json.details).toMatchObject({
			jobId,
			description: expect.stringMatching(RESUME_HINT),
		});
		expect(emulator.vodJob(jobId ?? '')).toBeDefined();
		expect(submitCount()).toBe(1);
	}, 30_000);

	it('ends on a lasting polling error with the JobId and the resume hint', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 403,
			code: 'Forbidden.RAM',
			match: { action: 'ListSnapshots' },
			count: 1000,
		});

		const run = await runVod(submitAndWait(), against());

		const [item] = nodeOutput(run, VOD_NODE);
		expect(String(item.json.error)).toMatch(/^Forbidden\.RAM/);
		const details = item.json.details as Record<string, unknown>;
		const jobId = RESUME_HINT.exec(String(details.description))?.[1];
		expect(jobId).toBeDefined();
		expect(details).toMatchObject({ jobId, code: 'Forbidden.RAM', httpStatus: 403 });
		expect(emulator.vodJob(jobId ?? '')).toBeDefined();
		expect(receivedActions(emulator).filter((action) => action === 'ListSnapshots')).toHaveLength(
			1,
		);
	}, 30_000);

	it('gives a failed download after the wait the JobId and the resume hint', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 500,
			match: { path: '/__emulator/media/' },
			count: 1,
		});

		const run = await runVod(submitAndWait({ downloadImages: true }), against());

		const [failed] = nodeOutput(run, VOD_NODE);
		expect(failed.json.error).toMatch(/^Could not download snapshot .+\.jpg$/);
		const details = failed.json.details as Record<string, unknown>;
		expect(details).toMatchObject({ Index: 1, jobId: details.JobId });
		expect(String(details.description)).toMatch(RESUME_HINT);
		expect(String(details.description)).toContain(String(details.JobId));
	}, 30_000);
});
