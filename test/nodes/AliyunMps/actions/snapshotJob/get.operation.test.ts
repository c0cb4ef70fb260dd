import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { errorMessage, runMps, sentParams, submitSyncJob } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

/** `count` finished jobs, created one after the other; the request log is cleared after. */
async function createJobs(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) ids.push(await submitSyncJob(emulator, index));
	emulator.clearRequests();
	return ids;
}

const getParameters = (jobIds: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'snapshotJob',
	operation: 'get',
	jobIds,
	options,
});

describe('Snapshot Job → Get', () => {
	it.each([
		[1, 1],
		[10, 1],
		[11, 2],
		[25, 3],
	])(
		'%i IDs: %i QuerySnapshotJobList calls of at most 10, output in the order given',
		async (count, calls) => {
			const ids = await createJobs(count);
			const given = [...ids].reverse();
			const result = await runMps(emulator, getParameters(given.join(', ')));
			expect(errorMessage(result)).toBe('');
			const sent = sentParams(emulator, 'QuerySnapshotJobList').map((params) =>
				params.SnapshotJobIds.split(','),
			);
			expect(sent).toHaveLength(calls);
			expect(sent.flat()).toEqual(given);
			expect(sent.every((chunk) => chunk.length <= 10)).toBe(true);
			expect(result.items.map((item) => item.json.Id)).toEqual(given);
		},
	);

	it('takes a list from an expression and IDs on separate lines', async () => {
		const ids = await createJobs(3);
		const fromList = await runMps(emulator, getParameters(`={{ ${JSON.stringify(ids)} }}`));
		expect(fromList.items.map((item) => item.json.Id)).toEqual(ids);
		const fromLines = await runMps(emulator, getParameters(ids.join('\n')));
		expect(fromLines.items.map((item) => item.json.Id)).toEqual(ids);
	});

	it('fails naming the IDs MPS reports in NonExistSnapshotJobIds', async () => {
		const [known] = await createJobs(1);
		const result = await runMps(
			emulator,
			getParameters(`${known}, nope0000000000000000000000000001`),
		);
		expect(errorMessage(result)).toBe(
			'MPS does not know snapshot job: nope0000000000000000000000000001',
		);
	});

	it('flags unknown IDs as not found when asked, keeping the order', async () => {
		const [known] = await createJobs(1);
		const result = await runMps(
			emulator,
			getParameters(`missing-a, ${known}, missing-b`, { notFound: 'flag' }),
		);
		expect(result.items.map((item) => item.json)).toEqual([
			{ Id: 'missing-a', NotFound: true },
			expect.objectContaining({ Id: known, State: 'Success' }),
			{ Id: 'missing-b', NotFound: true },
		]);
	});

	it.each([
		['an empty entry', 'a,,b', 'Job IDs has an empty entry at position 2'],
		['a trailing comma', 'a, b,', 'Job IDs has an empty entry at position 3'],
		['only separators', '={{ " , " }}', 'Job IDs is required'],
	])('refuses %s before any request', async (_name, jobIds, message) => {
		const result = await runMps(emulator, getParameters(jobIds));
		expect(errorMessage(result)).toContain(message);
		expect(emulator.requests()).toEqual([]);
	});
});
