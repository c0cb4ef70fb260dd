import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { vodCallbackAuthKey } from '../../accounts';
import { seedVideoIds } from '../../aliyun/vod/videos';
import { startCallbackReceiver, type CallbackReceiver } from '../../../support/callbackReceiver';
import { startEmulator, type Emulator } from '../../server';
import { callRpc, delay, rpcFailure, waitFor } from '../../clients/aliyunRpc';

/** The documented VOD callback signature: md5(CallbackURL|timestamp|AuthKey), lower-case hex. */
function documentedVodSignature(callbackUrl: string, timestamp: string, authKey: string): string {
	return createHash('md5').update(`${callbackUrl}|${timestamp}|${authKey}`, 'utf8').digest('hex');
}

let emulator: Emulator;
let receiver: CallbackReceiver;

beforeAll(async () => {
	emulator = await startEmulator();
	receiver = await startCallbackReceiver();
});

afterAll(async () => {
	await emulator.close();
	await receiver.close();
});

beforeEach(() => {
	emulator.reset();
	emulator.setJobDuration(10);
	emulator.setCallbackRetryDelay(100);
	receiver.received.length = 0;
	receiver.respondWith([]);
	receiver.respondAfter(0);
});

const callbackUrl = () => `${receiver.url}/vod/callback?source=emulator`;

async function configureHttpCallback(extra: Record<string, string> = {}): Promise<void> {
	await callRpc(emulator, 'SetMessageCallback', {
		CallbackType: 'HTTP',
		CallbackURL: callbackUrl(),
		EventTypeList: 'SnapshotComplete,FileUploadComplete',
		AuthSwitch: 'on',
		AuthKey: vodCallbackAuthKey,
		...extra,
	});
}

async function submit(params: Record<string, string | number> = {}): Promise<string> {
	const body = await callRpc<{ SnapshotJob: { JobId: string } }>(emulator, 'SubmitSnapshotJob', {
		VideoId: seedVideoIds.normal,
		Count: 3,
		...params,
	});
	return body.SnapshotJob.JobId;
}

const received = async (count: number) =>
	await waitFor(
		() => (receiver.received.length >= count ? receiver.received : undefined),
		5000,
		`${count} callbacks`,
	);

describe('Set/Get/DeleteMessageCallback', () => {
	it('stores the configuration per AppId (default app-1000000)', async () => {
		await configureHttpCallback();
		const got = await callRpc<{ MessageCallback: Record<string, string> }>(
			emulator,
			'GetMessageCallback',
			{},
		);
		expect(got.MessageCallback).toMatchObject({
			AppId: 'app-1000000',
			CallbackType: 'HTTP',
			CallbackURL: callbackUrl(),
			EventTypeList: 'SnapshotComplete,FileUploadComplete',
			AuthSwitch: 'on',
			AuthKey: vodCallbackAuthKey,
		});
		expect(await callRpc(emulator, 'GetMessageCallback', { AppId: 'app-2' })).not.toHaveProperty(
			'MessageCallback',
		);
		await callRpc(emulator, 'DeleteMessageCallback', { AppId: 'app-1000000' });
		expect(await callRpc(emulator, 'GetMessageCallback', {})).not.toHaveProperty('MessageCallback');
	});

	it.each([
		{
			name: 'an AuthKey without digits',
			params: {
				CallbackType: 'HTTP',
				CallbackURL: 'http://x/cb',
				AuthSwitch: 'on',
				AuthKey: 'NoDigitsHere',
			},
			code: 'InvalidParameter',
		},
		{
			name: 'an AuthKey over 32 characters',
			params: { CallbackType: 'HTTP', CallbackURL: 'http://x/cb', AuthKey: `Ab1${'x'.repeat(30)}` },
			code: 'InvalidParameter',
		},
		{
			name: 'HTTP without CallbackURL',
			params: { CallbackType: 'HTTP' },
			code: 'MissingCallbackURL',
		},
		{
			name: 'MNS without a queue',
			params: { CallbackType: 'MNS', MnsEndpoint: 'http://1.mns.cn-shanghai.aliyuncs.com/' },
			code: 'MissingMnsQueueName',
		},
	])('rejects $name', async ({ params, code }) => {
		expect(await rpcFailure(emulator, 'SetMessageCallback', params)).toMatchObject({
			status: 400,
			Code: code,
		});
	});
});

describe('SnapshotComplete HTTP callback', () => {
	it('POSTs the documented event with a verifiable X-VOD-SIGNATURE', async () => {
		await configureHttpCallback();
		const jobId = await submit({ UserData: JSON.stringify({ Extend: { workflow: 'n8n' } }) });
		const [delivery] = await received(1);
		expect(delivery.path).toBe('/vod/callback?source=emulator');
		const timestamp = delivery.headers['x-vod-timestamp'];
		expect(timestamp).toMatch(/^\d{10}$/);
		expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
		expect(delivery.headers['x-vod-signature']).toBe(
			documentedVodSignature(callbackUrl(), timestamp, vodCallbackAuthKey),
		);
		const event = JSON.parse(delivery.body);
		expect(event).toMatchObject({
			EventType: 'SnapshotComplete',
			SubType: 'SpecifiedTime',
			VideoId: seedVideoIds.normal,
			Status: 'success',
			Extend: '{"workflow":"n8n"}',
			SnapshotInfos: [
				{ Status: 'success', SnapshotType: 'NormalSnapshot', SnapshotCount: 3, JobId: jobId },
			],
		});
		expect(event.EventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const [info] = event.SnapshotInfos;
		expect(info.SnapshotRegular).toMatch(/^http:\/\/.*\{SnapshotCount\}\.jpg$/);
		expect(info.SnapshotFormat).toContain('{SnapshotCount}');
		const firstImage = await fetch(info.SnapshotRegular.replace('{SnapshotCount}', '00001'));
		expect(firstImage.status).toBe(200);
	});

	it('reports a failed job with Status fail and the error', async () => {
		await configureHttpCallback();
		emulator.failNextJobs('vod', { code: 'InternalError', message: 'boom' });
		await submit();
		const [delivery] = await received(1);
		expect(JSON.parse(delivery.body)).toMatchObject({
			Status: 'fail',
			ErrorCode: 'InternalError',
			ErrorMessage: 'boom',
		});
	});

	it('sends unsigned callbacks when AuthSwitch is off', async () => {
		await configureHttpCallback({ AuthSwitch: 'off' });
		await submit();
		const [delivery] = await received(1);
		expect(delivery.headers).not.toHaveProperty('x-vod-signature');
	});

	it('retries a failing receiver, 3 attempts in all, about the retry delay apart', async () => {
		await configureHttpCallback();
		receiver.respondWith([500, 503, 500, 500]);
		const jobId = await submit();
		const deliveries = await received(3);
		await delay(300);
		expect(receiver.received).toHaveLength(3);
		expect(deliveries[1].at - deliveries[0].at).toBeGreaterThanOrEqual(90);
		// The previous test's last answer can be recorded after this test's reset: keep this job's.
		expect(
			emulator
				.callbackDeliveries()
				.filter((delivery) => delivery.jobId === jobId)
				.map((delivery) => [delivery.attempt, delivery.status]),
		).toEqual([
			[1, 500],
			[2, 503],
			[3, 500],
		]);
	});

	it('stops retrying once the receiver answers 200', async () => {
		await configureHttpCallback();
		receiver.respondWith([500]);
		await submit();
		await received(2);
		await delay(300);
		expect(receiver.received).toHaveLength(2);
	});

	it('counts an unreachable receiver as a failed attempt', async () => {
		await callRpc(emulator, 'SetMessageCallback', {
			CallbackType: 'HTTP',
			CallbackURL: 'http://127.0.0.1:1/unreachable',
			EventTypeList: 'ALL',
		});
		await submit();
		const deliveries = await waitFor(() =>
			emulator.callbackDeliveries().length === 3 ? emulator.callbackDeliveries() : undefined,
		);
		expect(
			deliveries.every((delivery) => delivery.error !== undefined && delivery.status === undefined),
		).toBe(true);
	});

	it('counts a receiver slower than the timeout as a failed attempt', async () => {
		await configureHttpCallback();
		emulator.setCallbackTimeout(100);
		receiver.respondAfter(400);
		await submit();
		const deliveries = await waitFor(() =>
			emulator.callbackDeliveries().length === 3 ? emulator.callbackDeliveries() : undefined,
		);
		expect(deliveries.map((delivery) => delivery.status)).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		expect(deliveries[0].error).toMatch(/timeout|abort/i);
	});

	it('ignores jobs when SnapshotComplete is not among the event types', async () => {
		await configureHttpCallback({ EventTypeList: 'FileUploadComplete' });
		const jobId = await submit();
		await waitFor(() => (emulator.vodJob(jobId)?.state === 'Success' ? true : undefined));
		await delay(100);
		expect(receiver.received).toHaveLength(0);
	});

	it("prefers the job's UserData.MessageCallback.CallbackURL", async () => {
		await configureHttpCallback();
		const override = `${receiver.url}/per-job`;
		await submit({ UserData: JSON.stringify({ MessageCallback: { CallbackURL: override } }) });
		const [delivery] = await received(1);
		expect(delivery.path).toBe('/per-job');
		expect(delivery.headers['x-vod-signature']).toBe(
			documentedVodSignature(override, delivery.headers['x-vod-timestamp'], vodCallbackAuthKey),
		);
	});

	it('delivers the same event again on request (duplicate delivery)', async () => {
		await configureHttpCallback();
		const jobId = await submit();
		await received(1);
		expect(await emulator.redeliverCallback(jobId)).toBe(true);
		const [first, second] = await received(2);
		expect(second.body).toBe(first.body);
	});
});

describe('SnapshotComplete MNS callback', () => {
	it('writes the event into the configured queue', async () => {
		await callRpc(emulator, 'SetMessageCallback', {
			CallbackType: 'MNS',
			MnsEndpoint: 'http://1234567890123456.mns.cn-shanghai.aliyuncs.com/',
			MnsQueueName: 'vod-events',
			EventTypeList: 'SnapshotComplete',
		});
		const jobId = await submit();
		const [message] = await waitFor(() => {
			const messages = emulator.queueMessages('vod-events');
			return messages.length > 0 ? messages : undefined;
		});
		expect(JSON.parse(message.body)).toMatchObject({
			EventType: 'SnapshotComplete',
			SnapshotInfos: [{ JobId: jobId }],
		});
	});
});
