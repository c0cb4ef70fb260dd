/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { AliyunMpsTrigger } from '../../../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { aliyunApiDataFor } from '../../../emulator/accounts';
import { delay, waitFor } from '../../../emulator/clients/aliyunRpc';
import { mnsRequest, sendMessageXml } from '../../../emulator/clients/mns';
import { emulatorPerFile } from '../../../emulator/lifecycle';
import type { Emulator } from '../../../emulator/server';
import { pollTrigger, type PollTrigger } from '../../../support/pollTrigger';
import { DELETES_DUE_KEY } from '../../../../nodes/AliyunMps/trigger/mnsDeletes';
import { submitSyncJob } from '../harness';
import { stagedMpsTrigger } from './stagedPollTrigger';

const QUEUE = 'mps-done';
const PIPELINE = 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a001';
/** A queue with MNS's default visibility timeout, for polls that take longer than a second. */
const BACKLOG_QUEUE = 'mps-backlog';
const BACKLOG_PIPELINE = 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a002';
/** Visibility timeout of the test queue: a message not deleted is back after a second. */
const VISIBILITY_SECONDS = 1;

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => {
		emulator.createQueue(QUEUE, VISIBILITY_SECONDS);
		emulator.bindPipelineQueue(PIPELINE, QUEUE);
		emulator.bindPipelineQueue(BACKLOG_PIPELINE, BACKLOG_QUEUE);
	},
});

const queueParameters = (parameters: INodeParameters): INodeParameters => ({
	mode: 'mnsQueue',
	queueName: QUEUE,
	waitSeconds: 0,
	...parameters,
});

async function trigger(parameters: INodeParameters = {}): Promise<PollTrigger> {
	return await pollTrigger({
		nodeType: new AliyunMpsTrigger(),
		typeName: 'aliyunMpsTrigger',
		parameters: queueParameters(parameters),
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: aliyunApiDataFor(emulator.url) },
	});
}

/** The trigger as n8n 2.41.1 runs it with durable poll cursors (static data staged, then committed). */
const stagedTrigger = async (parameters: INodeParameters = {}) =>
	await stagedMpsTrigger(emulator.url, queueParameters(parameters));

/** Enqueues a message body as another sender would (not through the trigger's client). */
async function enqueue(body: string): Promise<void> {
	const sent = await mnsRequest(emulator, 'POST', `/queues/${QUEUE}/messages`, {
		body: sendMessageXml(body),
	});
	expect(sent.status).toBe(201);
}

/** A job of the bound pipeline: finished at once, its notification in the queue. */
const finishedJob = async (index: number) => await submitSyncJob(emulator, index, PIPELINE);

const ids = (items: INodeExecutionData[]) => items.map((item) => item.json.Id);
const queued = () => emulator.queueMessages(QUEUE);
const mnsCalls = (method: string) =>
	emulator
		.requests()
		.filter((request) => request.rawUrl.startsWith('/queues/') && request.method === method);

describe('Alibaba Cloud MPS Trigger, MNS Queue mode', () => {
	it('emits one item per finished job with its images and OSS-accepted links; the next poll deletes the messages', async () => {
		const first = await finishedJob(1);
		const second = await finishedJob(2);
		const mps = await trigger();
		const items = await mps.poll();
		expect(ids(items)).toEqual([first, second]);
		expect(items[0].json).toMatchObject({
			State: 'Success',
			PipelineId: PIPELINE,
			Images: [expect.objectContaining({ Type: 'snapshot', Bucket: 'o', Object: 'f1.jpg' })],
			MnsMessage: expect.objectContaining({ BodyEncoding: 'json', DequeueCount: 1 }),
		});
		const [image] = items[0].json.Images as Array<{ Url: string }>;
		expect((await fetch(image.Url)).status).toBe(200);
		// Deleted only once a later poll proves n8n committed this one (with its execution).
		expect(queued().map((message) => message.dequeueCount)).toEqual([1, 1]);
		expect(mnsCalls('DELETE')).toEqual([]);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it('drains a backlog 16 messages a receive; the next poll deletes each before it receives', async () => {
		for (let index = 0; index < 40; index++) await submitSyncJob(emulator, index, BACKLOG_PIPELINE);
		emulator.clearRequests();
		const mps = await trigger({ queueName: BACKLOG_QUEUE });
		const items = await mps.poll();
		expect(items).toHaveLength(40);
		expect(new Set(ids(items)).size).toBe(40);
		expect(mnsCalls('GET')).toHaveLength(3);
		expect(mnsCalls('DELETE')).toHaveLength(0);
		expect(emulator.queueMessages(BACKLOG_QUEUE)).toHaveLength(40);
		emulator.clearRequests();
		expect(await mps.poll()).toEqual([]);
		expect(mnsCalls('DELETE').map((request) => request.outcome.status)).toEqual(
			Array.from({ length: 40 }, () => 204),
		);
		expect(mnsCalls('GET')).toHaveLength(1);
		expect(mnsCalls('GET')[0].seq).toBeGreaterThan(mnsCalls('DELETE')[39].seq);
		expect(emulator.queueMessages(BACKLOG_QUEUE)).toEqual([]);
	});

	it('takes at most Max Messages per Poll, leaving the rest for the next poll', async () => {
		for (let index = 0; index < 5; index++) await finishedJob(index);
		const mps = await trigger({ maxMessagesPerPoll: 3 });
		expect(await mps.poll()).toHaveLength(3);
		expect(queued().filter((message) => message.dequeueCount === 0)).toHaveLength(2);
		expect(await mps.poll()).toHaveLength(2);
		expect(queued()).toHaveLength(2);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it('deletes unemitted the messages of a State not chosen and of another Type, in the same poll', async () => {
		emulator.failNextJobs('mts', { code: 'InvalidParameter.ResourceContentBad', message: 'bad' });
		const failed = await finishedJob(1);
		await enqueue(JSON.stringify({ JobId: 'x1', Type: 'Transcode', State: 'Success' }));
		const ok = await finishedJob(2);
		const mps = await trigger({ states: ['Success'] });
		const items = await mps.poll();
		expect(ids(items)).toEqual([ok]);
		expect(ids(items)).not.toContain(failed);
		expect(queued()).toEqual([expect.objectContaining({ body: expect.stringContaining(ok) })]);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it("emits a failed job with MPS's code when Fail is chosen", async () => {
		emulator.failNextJobs('mts', { code: 'InvalidParameter.ResourceContentBad', message: 'bad' });
		const failed = await finishedJob(1);
		const [item] = await (await trigger({ states: ['Fail'] })).poll();
		expect(item.json).toMatchObject({
			Id: failed,
			State: 'Fail',
			Code: 'InvalidParameter.ResourceContentBad',
			Images: [],
		});
	});

	it('reads PascalCase-only, camelCase-only and Base64 bodies', async () => {
		const jobs = [await submitSyncJob(emulator, 1), await submitSyncJob(emulator, 2)];
		await enqueue(JSON.stringify({ JobId: jobs[0], Type: 'Snapshot', State: 'Success' }));
		const camel = JSON.stringify({ jobId: jobs[1], type: 'Snapshot', state: 'Success' });
		await enqueue(Buffer.from(camel, 'utf8').toString('base64'));
		const items = await (await trigger()).poll();
		expect(ids(items)).toEqual(jobs);
		expect(
			items.map((item) => (item.json.MnsMessage as { BodyEncoding: string }).BodyEncoding),
		).toEqual(['json', 'base64Json']);
		expect(items[1].json.Images).toEqual([expect.objectContaining({ Object: 'f2.jpg' })]);
	});

	it('builds the item from the message for a job MPS does not list, with no pre-signed links (the message names the objects)', async () => {
		await enqueue(
			JSON.stringify({
				JobId: 'feedfeedfeedfeedfeedfeedfeed0001',
				Type: 'Snapshot',
				State: 'Success',
				UrlPattern: 'http://snaps.oss-cn-shanghai.aliyuncs.com/gone/{Count}.jpg',
				Count: 2,
			}),
		);
		const [item] = await (await trigger()).poll();
		expect(item.json).toMatchObject({
			Id: 'feedfeedfeedfeedfeedfeedfeed0001',
			Count: '2',
			Images: [
				expect.objectContaining({ Bucket: 'snaps', Object: 'gone/00001.jpg' }),
				expect.objectContaining({ Bucket: 'snaps', Object: 'gone/00002.jpg' }),
			],
			ImagesUnsigned: expect.stringContaining('no pre-signed links'),
		});
		const images = item.json.Images as Array<Record<string, unknown>>;
		expect(images.every((image) => image.Url === undefined)).toBe(true);
	});

	it('leaves an unparseable message in the queue: reported by a failed poll when alone, kept out of the output otherwise', async () => {
		await enqueue('not a notification');
		const mps = await trigger();
		await expect(mps.poll()).rejects.toThrow(/not MPS job notifications.*neither JSON nor Base64/);
		expect(queued()).toHaveLength(1);

		const ok = await finishedJob(1);
		await delay(VISIBILITY_SECONDS * 1000 + 100);
		expect(ids(await mps.poll())).toEqual([ok]);
		expect(queued().map((message) => message.body)).toEqual([
			'not a notification',
			expect.stringContaining(ok),
		]);
		expect(await mps.poll()).toEqual([]);
		expect(queued().map((message) => message.body)).toEqual(['not a notification']);
	});

	it('a poll that fails emits the jobs on a later poll, once', async () => {
		const job = await finishedJob(1);
		const mps = await trigger();
		emulator.injectFault({
			kind: 'errorBody200',
			code: 'Forbidden.RAM',
			match: { action: 'QuerySnapshotJobList' },
		});
		await expect(mps.poll()).rejects.toThrow();
		expect(queued()).toHaveLength(1);
		await delay(VISIBILITY_SECONDS * 1000 + 100);
		expect(ids(await mps.poll())).toEqual([job]);
		expect(queued()).toHaveLength(1);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it('a batch failing after earlier batches were taken still emits their jobs; its own messages come back', async () => {
		const queue = 'mps-split';
		const pipeline = 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a003';
		emulator.createQueue(queue, 5);
		emulator.bindPipelineQueue(pipeline, queue);
		const jobs: string[] = [];
		for (let index = 0; index < 20; index++)
			jobs.push(await submitSyncJob(emulator, index, pipeline));
		const mps = await trigger({ queueName: queue });
		emulator.clearRequests();
		// Once the first batch's 16 jobs are looked up (10 + 6 a call), the second batch's lookup is refused.
		const lookups = () =>
			emulator.requests().filter((request) => request.action === 'QuerySnapshotJobList');
		const watcher = setInterval(() => {
			if (lookups().length < 2) return;
			clearInterval(watcher);
			emulator.injectFault({
				kind: 'errorBody200',
				code: 'Forbidden.RAM',
				match: { action: 'QuerySnapshotJobList' },
			});
		}, 1);
		const first = await mps.poll();
		clearInterval(watcher);
		expect(ids(first)).toEqual(jobs.slice(0, 16));
		expect(lookups().map((request) => request.outcome.code)).toEqual([
			undefined,
			undefined,
			'Forbidden.RAM',
		]);
		expect(emulator.queueMessages(queue)).toHaveLength(20);
		await waitFor(
			() =>
				emulator.queueMessages(queue).every((message) => message.nextVisibleTime <= emulator.now())
					? true
					: undefined,
			10_000,
		);
		// The first 16 handles lapsed meanwhile: those messages come back and go without firing.
		expect(ids(await mps.poll())).toEqual(jobs.slice(16));
		expect(emulator.queueMessages(queue)).toHaveLength(4);
		expect(await mps.poll()).toEqual([]);
		expect(emulator.queueMessages(queue)).toEqual([]);
	}, 60_000);

	it('a message whose delete failed comes back and is deleted as already emitted, not emitted again', async () => {
		const job = await finishedJob(1);
		const mps = await trigger();
		// The job lookup outlasts the visibility timeout: the receipt handle is stale at delete time.
		emulator.injectFault({
			kind: 'delay',
			delayMs: VISIBILITY_SECONDS * 1000 + 300,
			match: { action: 'QuerySnapshotJobList' },
		});
		expect(ids(await mps.poll())).toEqual([job]);
		expect(queued()).toHaveLength(1);
		await delay(VISIBILITY_SECONDS * 1000 + 100);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it('fires a job once when MPS sends its notification twice', async () => {
		const job = await submitSyncJob(emulator, 1);
		const body = JSON.stringify({ JobId: job, Type: 'Snapshot', State: 'Success' });
		await enqueue(body);
		const mps = await trigger();
		expect(ids(await mps.poll())).toEqual([job]);
		await enqueue(body);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it('deletes the messages a poll emitted before receiving; a lapsed handle is no error: the message comes back and goes without a second emission', async () => {
		const job = await finishedJob(1);
		const mps = await trigger();
		expect(ids(await mps.poll())).toEqual([job]);
		await delay(VISIBILITY_SECONDS * 1000 + 100);
		emulator.clearRequests();
		expect(await mps.poll()).toEqual([]);
		const calls = emulator.requests().filter((request) => request.rawUrl.startsWith('/queues/'));
		expect(calls.map((request) => [request.method, request.outcome.code])).toEqual([
			['DELETE', 'ReceiptHandleError'],
			['GET', undefined],
			['DELETE', undefined],
		]);
		expect(queued()).toEqual([]);
	});

	it('a poll whose commit does not happen loses nothing: its messages come back and fire again', async () => {
		const job = await finishedJob(1);
		const mps = await stagedTrigger();
		// n8n drops the items and the static data of this poll (lease lost, n8n stopped…).
		expect(ids(await mps.poll({ commit: false }))).toEqual([job]);
		expect(mps.committed()).toEqual({});
		expect(queued()).toHaveLength(1);
		await delay(VISIBILITY_SECONDS * 1000 + 100);
		const again = await mps.poll();
		expect(ids(again)).toEqual([job]);
		expect((again[0].json.MnsMessage as { DequeueCount: number }).DequeueCount).toBe(2);
		expect(mps.committed()[DELETES_DUE_KEY]).toEqual([
			{ MessageId: queued()[0].messageId, ReceiptHandle: queued()[0].receiptHandle },
		]);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
		expect(mps.committed()[DELETES_DUE_KEY]).toBeUndefined();
	});

	it('a poll that deleted the previous messages and then is not committed deletes them again (already gone) and fires its own jobs again', async () => {
		const first = await finishedJob(1);
		const mps = await stagedTrigger();
		expect(ids(await mps.poll())).toEqual([first]);
		const second = await finishedJob(2);
		expect(ids(await mps.poll({ commit: false }))).toEqual([second]);
		expect(queued().map((message) => message.body)).toEqual([expect.stringContaining(second)]);
		await delay(VISIBILITY_SECONDS * 1000 + 100);
		emulator.clearRequests();
		expect(ids(await mps.poll())).toEqual([second]);
		expect(mnsCalls('DELETE').map((request) => request.outcome.code)).toEqual(['MessageNotExist']);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it("stops the deletes due at a third of n8n's poll budget, keeps the rest due, and still receives", async () => {
		const jobs = await Promise.all([1, 2, 3, 4, 5, 6].map(finishedJob));
		const mps = await stagedTrigger();
		expect(ids(await mps.poll())).toEqual(jobs);
		const late = await finishedJob(7);
		emulator.clearRequests();
		// 300 ms for the poll: deletes for 100 ms, at MNS's pace of 20 a second (about 52 ms apart).
		expect(ids(await mps.poll({ budgetMs: 300 }))).toEqual([late]);
		const deleted = mnsCalls('DELETE').length;
		expect(deleted).toBeGreaterThanOrEqual(1);
		expect(deleted).toBeLessThan(6);
		expect(mnsCalls('GET').length).toBeGreaterThanOrEqual(1);
		const due = mps.committed()[DELETES_DUE_KEY] as unknown[];
		expect(due).toHaveLength(6 - deleted + 1);
		expect(await mps.poll()).toEqual([]);
		expect(mps.committed()[DELETES_DUE_KEY]).toBeUndefined();
		expect(queued()).toEqual([]);
	});

	it('a poll that emits nothing deletes what it dropped at once and leaves no deletes due', async () => {
		const job = await finishedJob(1);
		const mps = await stagedTrigger({ states: ['Fail'] });
		await enqueue(JSON.stringify({ JobId: 'x1', Type: 'Transcode', State: 'Success' }));
		expect(await mps.poll()).toEqual([]);
		expect(ids(await mps.poll())).toEqual([]);
		expect(queued()).toEqual([]);
		expect(mps.committed()[DELETES_DUE_KEY]).toBeUndefined();
		expect(JSON.stringify(mps.committed())).not.toContain(job);
	});

	it('a manual run leaves the deletes due to the next active poll', async () => {
		const job = await finishedJob(1);
		const mps = await trigger();
		expect(ids(await mps.poll())).toEqual([job]);
		emulator.clearRequests();
		expect(ids(await mps.poll('manual'))).toEqual([job]);
		expect(mnsCalls('DELETE')).toEqual([]);
		expect(mnsCalls('GET')).toEqual([]);
		expect(queued()).toHaveLength(1);
		expect(await mps.poll()).toEqual([]);
		expect(queued()).toEqual([]);
	});

	it('answers a manual run with the latest finished job, leaving the queue alone', async () => {
		await finishedJob(1);
		await delay(1100); // MPS lists creation time to the second
		const newest = await finishedJob(2);
		emulator.clearRequests();
		const items = await (await trigger()).poll('manual');
		expect(ids(items)).toEqual([newest]);
		expect(mnsCalls('GET')).toEqual([]);
		expect(queued()).toHaveLength(2);
		expect(queued().every((message) => message.dequeueCount === 0)).toBe(true);
	});

	it.each([
		[{ queueName: ' ' }, 'Queue Name is required'],
		[{ queueName: 'bad_name!' }, 'not an MNS queue name'],
		[{ waitSeconds: 31 }, 'Wait Seconds must be a whole number from 0 to 30'],
		[{ maxMessagesPerPoll: 0 }, 'Max Messages per Poll must be a whole number from 1 to 1600'],
		[{ states: [] }, 'States must name at least one of Success and Fail'],
	])('refuses %j before any request', async (parameters, message) => {
		emulator.clearRequests();
		await expect((await trigger(parameters)).poll()).rejects.toThrow(message);
		expect(emulator.requests()).toEqual([]);
	});
});
