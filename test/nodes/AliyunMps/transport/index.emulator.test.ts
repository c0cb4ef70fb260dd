import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { DOCUMENTED_QPS, mpsRequest } from '../../../../nodes/AliyunMps/transport';
import { rpcRequestsPerSecond } from '../../../../nodes/shared/transport/aliyunRpcApi';
import { DEFAULT_QPS } from '../../../../nodes/shared/pacing';
import { aliyunApiDataFor } from '../../../emulator/accounts';
import { emulatorPerFile } from '../../../emulator/lifecycle';
import type { Emulator } from '../../../emulator/server';
import { runCaller, type NodeBody } from '../../../support/callerNode';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(50) });

const INPUT = JSON.stringify({ Bucket: 'in', Location: 'oss-cn-shanghai', Object: 'a%2Fb.mp4' });
const CONFIG = JSON.stringify({
	OutputFile: { Bucket: 'out', Location: 'oss-cn-shanghai', Object: 'snap%2F%7BCount%7D.jpg' },
	Num: '2',
	Time: '0',
	FrameType: 'intra',
});

const submitBody: NodeBody = async function (this: IExecuteFunctions) {
	const response = await mpsRequest(this, 'SubmitSnapshotJob', {
		Input: INPUT,
		SnapshotConfig: CONFIG,
		UserData: 'u-1',
	});
	return [{ json: { ...response }, pairedItem: { item: 0 } }];
};

const queryBody = (ids: string): NodeBody =>
	async function (this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const response = await mpsRequest(this, 'QuerySnapshotJobList', { SnapshotJobIds: ids });
		return [{ json: { ...response }, pairedItem: { item: 0 } }];
	};

async function run(body: NodeBody) {
	return await runCaller(body, {
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: aliyunApiDataFor(emulator.url) },
	});
}

describe('MPS transport', () => {
	it('sends SubmitSnapshotJob to mts 2014-06-18, signed, and returns the typed job', async () => {
		const result = await run(submitBody);
		const [item] = result.items;
		expect(item.json).toMatchObject({ SnapshotJob: { State: 'Submitted', UserData: 'u-1' } });
		const [request] = emulator.requests().filter((entry) => entry.action === 'SubmitSnapshotJob');
		const query = new URL(request.rawUrl, emulator.url).searchParams;
		expect(request.headers['x-acs-version']).toBe('2014-06-18');
		expect(request.headers['x-acs-action']).toBe('SubmitSnapshotJob');
		expect(query.get('Input')).toBe(INPUT);
		expect(request.outcome.status).toBe(200);
	});

	it('never re-sends a SubmitSnapshotJob whose outcome is unknown, and says how to check', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 503,
			match: { action: 'SubmitSnapshotJob' },
		});
		const result = await run(submitBody);
		const { error } = result;
		expect(String((error as Error).message)).toMatch(/may have been created/);
		expect(
			emulator.requests().filter((entry) => entry.action === 'SubmitSnapshotJob'),
		).toHaveLength(1);
	});

	it('retries QuerySnapshotJobList after a 503 and reports unknown ids as the API does', async () => {
		emulator.injectFault({
			kind: 'serverError',
			status: 503,
			match: { action: 'QuerySnapshotJobList' },
		});
		const result = await run(queryBody('nope1,nope2'));
		const [item] = result.items;
		expect(item.json).toMatchObject({ NonExistSnapshotJobIds: { String: ['nope1', 'nope2'] } });
		expect(
			emulator.requests().filter((entry) => entry.action === 'QuerySnapshotJobList'),
		).toHaveLength(2);
	});

	it('refuses a submit answer without the job id as malformed', async () => {
		emulator.injectFault({
			kind: 'body200',
			body: JSON.stringify({ RequestId: 'r-1', SnapshotJob: { State: 'Submitted' } }),
			match: { action: 'SubmitSnapshotJob' },
		});
		const { error } = await run(submitBody);
		expect(String((error as Error).message)).toMatch(/SnapshotJob\.Id/);
	});
});

describe('MPS pacing', () => {
	it.each([
		['SubmitSnapshotJob', 50],
		['QuerySnapshotJobList', 100],
	] as const)('%s → the documented %i per second', (action, qps) => {
		expect(rpcRequestsPerSecond(DOCUMENTED_QPS, action)).toBe(qps);
	});

	it("takes the user's Max Requests per Second, and the default for an undocumented action", () => {
		expect(rpcRequestsPerSecond(DOCUMENTED_QPS, 'SubmitSnapshotJob', 5)).toBe(5);
		expect(rpcRequestsPerSecond(DOCUMENTED_QPS, 'UpdatePipeline')).toBe(DEFAULT_QPS);
	});
});
