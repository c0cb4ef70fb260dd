import { describe, expect, it } from 'vitest';

import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { callRpc, delay, MPS_VERSION, rpcFailure, waitFor } from '../../clients/aliyunRpc';

interface MpsJob {
	Id: string;
	State: string;
	Count: string;
	PipelineId: string;
	CreationTime: string;
	UserData?: string;
	Code?: string;
	Message?: string;
	Input: Record<string, string>;
	SnapshotConfig: Record<string, unknown>;
	MNSMessageResult?: { MessageId: string };
}

interface JobList {
	SnapshotJobList: { SnapshotJob: MpsJob[] };
	NonExistSnapshotJobIds?: { String: string[] };
	NextPageToken?: string;
}

const PIPELINE = 'b11c171cced04565b1f38f1ecc390001';
const input = JSON.stringify({
	Bucket: 'example',
	Location: 'oss-cn-shanghai',
	Object: 'example.flv',
});
const output = { Bucket: 'example', Location: 'oss-cn-shanghai', Object: 'snap%2F%7BCount%7D.jpg' };

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(30) });

const mps = async <T>(action: string, params: Record<string, string | number>) =>
	await callRpc<T>(emulator, action, params, { version: MPS_VERSION });

async function submit(
	config: Record<string, unknown>,
	extra: Record<string, string> = {},
): Promise<MpsJob> {
	const body = await mps<{ SnapshotJob: MpsJob }>('SubmitSnapshotJob', {
		Input: input,
		SnapshotConfig: JSON.stringify(config),
		...extra,
	});
	return body.SnapshotJob;
}

async function query(params: Record<string, string | number>): Promise<JobList> {
	return await mps<JobList>('QuerySnapshotJobList', params);
}

describe('MPS SubmitSnapshotJob', () => {
	it('runs an asynchronous job (Num set): Submitted → Snapshoting → Success', async () => {
		emulator.setJobDuration(800);
		const job = await submit(
			{ OutputFile: output, Time: '5', Num: '3', FrameType: 'intra' },
			{ PipelineId: PIPELINE, UserData: 'n8n-42' },
		);
		expect(job).toMatchObject({
			State: 'Submitted',
			PipelineId: PIPELINE,
			UserData: 'n8n-42',
			Input: { Bucket: 'example' },
		});
		await delay(550);
		expect((await query({ SnapshotJobIds: job.Id })).SnapshotJobList.SnapshotJob[0].State).toBe(
			'Snapshoting',
		);
		await waitFor(() => (emulator.mpsJob(job.Id)?.state === 'Success' ? true : undefined));
		expect((await query({ SnapshotJobIds: job.Id })).SnapshotJobList.SnapshotJob[0]).toMatchObject({
			State: 'Success',
			Count: '3',
		});
	});

	it('answers a single snapshot synchronously when neither Num nor Interval is set', async () => {
		const job = await submit({ OutputFile: { ...output, Object: 'cover.jpg' }, Time: '1000' });
		expect(job).toMatchObject({ State: 'Success', Count: '1' });
	});

	it('counts Interval snapshots and lets Num cap them', async () => {
		emulator.setJobDuration(1);
		const capped = await submit({ OutputFile: output, Interval: '10', Num: '2' });
		await delay(50);
		expect((await query({ SnapshotJobIds: capped.Id })).SnapshotJobList.SnapshotJob[0].Count).toBe(
			'2',
		);
	});

	it('fails the next job on request with Code and Message', async () => {
		emulator.failNextJobs('mts');
		const job = await submit({ OutputFile: output, Num: '2' });
		await delay(100);
		expect((await query({ SnapshotJobIds: job.Id })).SnapshotJobList.SnapshotJob[0]).toMatchObject({
			State: 'Fail',
			Code: 'InvalidParameter.ResourceContentBad',
		});
	});

	it.each([
		{
			name: 'missing Input',
			params: { SnapshotConfig: JSON.stringify({ OutputFile: output }) },
			code: 'MissingInput',
		},
		{ name: 'missing SnapshotConfig', params: { Input: input }, code: 'MissingSnapshotConfig' },
		{
			name: 'Input not JSON',
			params: { Input: 'bucket/object', SnapshotConfig: JSON.stringify({ OutputFile: output }) },
			code: 'InvalidParameter',
		},
		{
			name: 'Input without Object',
			params: {
				Input: JSON.stringify({ Bucket: 'b', Location: 'l' }),
				SnapshotConfig: JSON.stringify({ OutputFile: output }),
			},
			code: 'InvalidParameter',
		},
		{
			name: 'no OutputFile',
			params: { Input: input, SnapshotConfig: JSON.stringify({ Num: '2' }) },
			code: 'InvalidParameter',
		},
		{
			name: 'several snapshots without {Count}',
			params: {
				Input: input,
				SnapshotConfig: JSON.stringify({ OutputFile: { ...output, Object: 'one.jpg' }, Num: '3' }),
			},
			code: 'InvalidParameter',
		},
		{
			name: 'TimeArray with Num',
			params: {
				Input: input,
				SnapshotConfig: JSON.stringify({ OutputFile: output, Num: '3', TimeArray: [1000, 2000] }),
			},
			code: 'InvalidParameter.Ambiguity',
		},
		{
			name: 'Width 4',
			params: { Input: input, SnapshotConfig: JSON.stringify({ OutputFile: output, Width: '4' }) },
			code: 'InvalidParameter',
		},
	])('rejects $name with $code', async ({ params, code }) => {
		expect(
			await rpcFailure(emulator, 'SubmitSnapshotJob', params, { version: MPS_VERSION }),
		).toMatchObject({ status: 400, Code: code });
	});
});

describe('MPS QuerySnapshotJobList', () => {
	it('reports unknown ids in NonExistSnapshotJobIds', async () => {
		const job = await submit({ OutputFile: { ...output, Object: 'one.jpg' } });
		const result = await query({ SnapshotJobIds: `${job.Id},ffffffffffffffffffffffffffffffff` });
		expect(result.SnapshotJobList.SnapshotJob.map((item) => item.Id)).toEqual([job.Id]);
		expect(result.NonExistSnapshotJobIds).toEqual({ String: ['ffffffffffffffffffffffffffffffff'] });
	});

	it('refuses more than 10 ids', async () => {
		const ids = Array.from({ length: 11 }, (_, index) => `id${index}`).join(',');
		expect(
			await rpcFailure(
				emulator,
				'QuerySnapshotJobList',
				{ SnapshotJobIds: ids },
				{ version: MPS_VERSION },
			),
		).toMatchObject({
			Code: 'InvalidParameter',
		});
	});

	it('pages newest first with MaximumPageSize and NextPageToken', async () => {
		const ids: string[] = [];
		for (let index = 0; index < 5; index++)
			ids.push((await submit({ OutputFile: { ...output, Object: `${index}.jpg` } })).Id);
		const first = await query({ MaximumPageSize: 2 });
		const second = await query({ MaximumPageSize: 2, NextPageToken: first.NextPageToken ?? '' });
		const third = await query({ MaximumPageSize: 2, NextPageToken: second.NextPageToken ?? '' });
		const pages = [first, second, third].map((page) =>
			page.SnapshotJobList.SnapshotJob.map((job) => job.Id),
		);
		expect(pages).toEqual([ids.slice(3).reverse(), ids.slice(1, 3).reverse(), [ids[0]]]);
		expect(first.NextPageToken).toMatch(/^[0-9a-f]{32}$/);
		expect(second.NextPageToken).not.toBe(first.NextPageToken);
		expect(third.NextPageToken).toBeUndefined();
	});

	it('filters by State, PipelineId and creation time range', async () => {
		// Long enough that the async job is still Submitted when queried, even on a loaded machine.
		emulator.setJobDuration(10_000);
		const other = await submit(
			{ OutputFile: { ...output, Object: 'a.jpg' } },
			{ PipelineId: 'other' },
		);
		const running = await submit({ OutputFile: output, Num: '2' }, { PipelineId: PIPELINE });
		expect(
			(await query({ State: 'Submitted' })).SnapshotJobList.SnapshotJob.map((job) => job.Id),
		).toEqual([running.Id]);
		expect(
			(await query({ PipelineId: 'other' })).SnapshotJobList.SnapshotJob.map((job) => job.Id),
		).toEqual([other.Id]);
		expect(
			(await query({ EndOfJobCreatedTimeRange: '2020-01-01T00:00:00Z' })).SnapshotJobList
				.SnapshotJob,
		).toEqual([]);
		expect(
			(await query({ StartOfJobCreatedTimeRange: '2020-01-01T00:00:00Z' })).SnapshotJobList
				.SnapshotJob,
		).toHaveLength(2);
	});

	it.each([
		{ MaximumPageSize: 301 },
		{ MaximumPageSize: 0 },
		{ State: 'Done' },
		{ NextPageToken: 'unknown' },
		{ StartOfJobCreatedTimeRange: '2020-01-01' },
	])('rejects %o', async (params) => {
		expect(
			await rpcFailure(emulator, 'QuerySnapshotJobList', params, { version: MPS_VERSION }),
		).toMatchObject({
			status: 400,
			Code: 'InvalidParameter',
		});
	});
});

describe('MPS completion notification through MNS', () => {
	it('writes the documented message (camelCase and PascalCase keys) to the pipeline queue', async () => {
		emulator.bindPipelineQueue(PIPELINE, 'mps-events');
		const job = await submit(
			{ OutputFile: output, Num: '3' },
			{ PipelineId: PIPELINE, UserData: 'n8n-7' },
		);
		const [message] = await waitFor(() => {
			const messages = emulator.queueMessages('mps-events');
			return messages.length > 0 ? messages : undefined;
		});
		const body = JSON.parse(message.body);
		expect(body).toMatchObject({
			jobId: job.Id,
			JobId: job.Id,
			type: 'Snapshot',
			Type: 'Snapshot',
			state: 'Success',
			State: 'Success',
			userData: 'n8n-7',
			UserData: 'n8n-7',
			Count: 3,
		});
		expect(body.UrlPattern).toContain('{Count}');
		expect(body.LastUrl).toBe(body.UrlPattern.replace('{Count}', '00003'));
		expect((await fetch(body.LastUrl)).status).toBe(200);
		const queried = (await query({ SnapshotJobIds: job.Id })).SnapshotJobList.SnapshotJob[0];
		expect(queried.MNSMessageResult).toEqual({ MessageId: message.messageId });
	});

	it('reports a failure with code and msg', async () => {
		emulator.bindPipelineQueue(PIPELINE, 'mps-events');
		emulator.failNextJobs('mts', {
			code: 'InvalidParameter.TimeArray',
			message: 'TimeArray greater than video duration.',
		});
		await submit({ OutputFile: output, Num: '2' }, { PipelineId: PIPELINE });
		const [message] = await waitFor(() => {
			const messages = emulator.queueMessages('mps-events');
			return messages.length > 0 ? messages : undefined;
		});
		expect(JSON.parse(message.body)).toMatchObject({
			State: 'Fail',
			state: 'Fail',
			code: 'InvalidParameter.TimeArray',
			msg: 'TimeArray greater than video duration.',
		});
	});

	it('sends nothing for a pipeline without a queue', async () => {
		const job = await submit({ OutputFile: output, Num: '2' }, { PipelineId: PIPELINE });
		await delay(100);
		expect(
			(await query({ SnapshotJobIds: job.Id })).SnapshotJobList.SnapshotJob[0],
		).not.toHaveProperty('MNSMessageResult');
	});
});
