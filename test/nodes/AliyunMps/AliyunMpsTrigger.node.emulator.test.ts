import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../credentials/AliyunApi.credentials';
import { AliyunMpsTrigger } from '../../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { aliyunApiDataFor } from '../../emulator/accounts';
import { callRpc, delay, MPS_VERSION, waitFor } from '../../emulator/clients/aliyunRpc';
import { emulatorPerFile } from '../../emulator/lifecycle';
import type { Emulator } from '../../emulator/server';
import { pollTrigger, type PollTrigger } from '../../support/pollTrigger';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

async function trigger(parameters: INodeParameters = {}): Promise<PollTrigger> {
	return await pollTrigger({
		nodeType: new AliyunMpsTrigger(),
		typeName: 'aliyunMpsTrigger',
		parameters: { mode: 'queryJobs', ...parameters },
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: aliyunApiDataFor(emulator.url) },
	});
}

/** An asynchronous job writing `num` images; it finishes after the emulator's job duration. */
async function submitJob(name: string, num = 2): Promise<string> {
	const body = await callRpc<{ SnapshotJob: { Id: string } }>(
		emulator,
		'SubmitSnapshotJob',
		{
			Input: JSON.stringify({ Bucket: 'v', Location: 'oss-cn-shanghai', Object: 'a.mp4' }),
			SnapshotConfig: JSON.stringify({
				OutputFile: {
					Bucket: 'snaps',
					Location: 'oss-cn-shanghai',
					Object: `${name}%2F%7BCount%7D.jpg`,
				},
				Num: String(num),
				Time: '0',
			}),
		},
		{ version: MPS_VERSION },
	);
	return body.SnapshotJob.Id;
}

async function finished(id: string): Promise<void> {
	await waitFor(() =>
		['Success', 'Fail'].includes(emulator.mpsJob(id)?.state ?? '') ? true : undefined,
	);
}

const ids = (items: INodeExecutionData[]) => items.map((item) => item.json.Id);

describe('Alibaba Cloud MPS Trigger, Query Jobs mode', () => {
	it('does not replay history on activation, then fires each finished job once, a later-created job finishing first included', async () => {
		emulator.setJobDuration(20);
		const history = await submitJob('old');
		await finished(history);
		await delay(1100); // MPS filters creation time to the second
		const mps = await trigger();
		expect(await mps.poll()).toEqual([]);

		emulator.setJobDuration(1500);
		const slow = await submitJob('slow');
		emulator.setJobDuration(50);
		const fast = await submitJob('fast');
		await finished(fast);
		const first = await mps.poll();
		expect(ids(first)).toEqual([fast]);
		expect(first[0].json.Images).toEqual([
			expect.objectContaining({
				Type: 'snapshot',
				Index: 1,
				Bucket: 'snaps',
				Object: 'fast/00001.jpg',
			}),
			expect.objectContaining({ Index: 2, Object: 'fast/00002.jpg' }),
		]);
		await finished(slow);
		expect(ids(await mps.poll())).toEqual([slow]);
		expect(await mps.poll()).toEqual([]);
	});

	it("emits Fail jobs with MPS's code, and only the States chosen", async () => {
		const mps = await trigger({ states: ['Fail'] });
		expect(await mps.poll()).toEqual([]);
		emulator.setJobDuration(20);
		// The emulator fails whichever job finishes next: the failing one runs alone.
		emulator.failNextJobs('mts', {
			code: 'InvalidParameter.ResourceContentBad',
			message: 'bad input',
		});
		const bad = await submitJob('bad');
		await finished(bad);
		const ok = await submitJob('ok');
		await finished(ok);
		const items = await mps.poll();
		expect(ids(items)).toEqual([bad]);
		expect(items[0].json).toMatchObject({
			State: 'Fail',
			Code: 'InvalidParameter.ResourceContentBad',
			Images: [],
		});
	});

	it('gives pre-signed links OSS accepts', async () => {
		const mps = await trigger();
		await mps.poll();
		emulator.setJobDuration(20);
		const id = await submitJob('links', 1);
		await finished(id);
		const [item] = await mps.poll();
		const [image] = item.json.Images as Array<{ Url: string }>;
		expect((await fetch(image.Url)).status).toBe(200);
	});

	it('answers a manual run with the latest finished job and leaves the cursor alone', async () => {
		emulator.setJobDuration(20);
		const mps = await trigger();
		await mps.poll();
		const older = await submitJob('m1');
		await finished(older);
		const newer = await submitJob('m2');
		await finished(newer);
		await delay(20);
		expect(ids(await mps.poll('manual'))).toEqual([newer]);
		expect(ids(await mps.poll()).sort()).toEqual([older, newer].sort());
	});
});
