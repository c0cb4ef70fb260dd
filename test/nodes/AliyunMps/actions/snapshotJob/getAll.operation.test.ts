import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { errorMessage, runMps, sentParams, submitSyncJob } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.setQpsLimits({ 'mts:SubmitSnapshotJob': 100_000 }),
});

const PIPELINE = 'b11c171cced04565b1f38f1ecc390002';

async function createJobs(count: number, pipelineId?: string): Promise<void> {
	for (let start = 0; start < count; start += 25) {
		await Promise.all(
			Array.from(
				{ length: Math.min(25, count - start) },
				async (_, offset) => await submitSyncJob(emulator, start + offset, pipelineId),
			),
		);
	}
	emulator.clearRequests();
}

const getAll = (extra: INodeParameters): INodeParameters => ({
	resource: 'snapshotJob',
	operation: 'getAll',
	...extra,
});

describe('Snapshot Job → Get Many', () => {
	it('Return All over 305 jobs: pages of 300 by NextPageToken, every job once', async () => {
		await createJobs(305);
		const result = await runMps(emulator, getAll({ returnAll: true }));
		expect(errorMessage(result)).toBe('');
		expect(result.items).toHaveLength(305);
		expect(new Set(result.items.map((item) => item.json.Id)).size).toBe(305);
		const sent = sentParams(emulator, 'QuerySnapshotJobList');
		expect(sent.map((params) => params.MaximumPageSize)).toEqual(['300', '300']);
		expect(sent[0].NextPageToken).toBeUndefined();
		expect(sent[1].NextPageToken).toMatch(/^[0-9a-f]{32}$/);
	});

	it('Limit asks only for what is missing and stops there', async () => {
		await createJobs(12);
		const result = await runMps(emulator, getAll({ returnAll: false, limit: 7 }));
		expect(result.items).toHaveLength(7);
		expect(
			sentParams(emulator, 'QuerySnapshotJobList').map((params) => params.MaximumPageSize),
		).toEqual(['7']);
	});

	it('sends State, the creation window in UTC seconds and the Pipeline ID, and returns what matches', async () => {
		await createJobs(2, PIPELINE);
		await createJobs(1);
		const result = await runMps(
			emulator,
			getAll({
				returnAll: true,
				filters: {
					state: 'Success',
					createdAfter: '2020-01-02T03:04:05.678Z',
					createdBefore: '2100-01-01T00:00:00+08:00',
					pipelineId: PIPELINE,
				},
			}),
		);
		const [params] = sentParams(emulator, 'QuerySnapshotJobList');
		expect(params).toMatchObject({
			State: 'Success',
			StartOfJobCreatedTimeRange: '2020-01-02T03:04:05Z',
			EndOfJobCreatedTimeRange: '2099-12-31T16:00:00Z',
			PipelineId: PIPELINE,
		});
		expect(result.items).toHaveLength(2);
		expect(result.items.every((item) => item.json.PipelineId === PIPELINE)).toBe(true);
	});

	it('refuses a creation time that is not a date before any request', async () => {
		const result = await runMps(
			emulator,
			getAll({ returnAll: true, filters: { createdAfter: '={{ "soon" }}' } }),
		);
		expect(errorMessage(result)).toContain('Created After must be a date and time (got "soon")');
		expect(emulator.requests()).toEqual([]);
	});

	it('refuses a creation window that ends before it starts, before any request', async () => {
		const result = await runMps(
			emulator,
			getAll({
				returnAll: true,
				filters: { createdAfter: '2026-12-06T12:00:00Z', createdBefore: '2026-12-05T12:00:00Z' },
			}),
		);
		expect(errorMessage(result)).toContain(
			'Created After (2026-12-06T12:00:00Z) must not be later than Created Before (2026-12-05T12:00:00Z)',
		);
		expect(emulator.requests()).toEqual([]);
	});
});
