import { describe, expect, it } from 'vitest';

import { deleteMessage, receiveMessages } from '../../../../../nodes/shared/transport/mns';
import { ALIYUN_REGION, aliyunAccessKey } from '../../../../emulator/accounts';
import { delay } from '../../../../emulator/clients/aliyunRpc';
import {
	base64,
	emulator,
	enqueue,
	md5Upper,
	MESSAGES,
	mnsRequests,
	MPS_NOTIFICATION,
	QUEUE,
	run,
	runWithCredentials,
	useMnsEmulator,
	VISIBILITY_SECONDS,
} from './harness';

useMnsEmulator();

describe('receiveMessages against the emulator', () => {
	it('receives one message (ReceiveMessage) with its documented fields, numbers as numbers', async () => {
		const messageId = await enqueue(JSON.stringify(MPS_NOTIFICATION));
		const before = emulator.now();
		const { value, error } = await run(
			async (context) => await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 }),
		);

		expect(error).toBeUndefined();
		expect(value).toEqual([
			{
				MessageId: messageId,
				ReceiptHandle: expect.stringMatching(/^1-[A-Za-z0-9+/]+=*$/),
				MessageBodyMD5: md5Upper(JSON.stringify(MPS_NOTIFICATION)),
				MessageBody: JSON.stringify(MPS_NOTIFICATION),
				body: MPS_NOTIFICATION,
				bodyEncoding: 'json',
				EnqueueTime: expect.any(Number),
				NextVisibleTime: expect.any(Number),
				FirstDequeueTime: expect.any(Number),
				DequeueCount: 1,
				// MNS's default priority
				Priority: 8,
			},
		]);
		const [message] = value as Array<{ NextVisibleTime: number; FirstDequeueTime: number }>;
		expect(message.FirstDequeueTime).toBeGreaterThanOrEqual(before);
		expect(message.NextVisibleTime - message.FirstDequeueTime).toBe(VISIBILITY_SECONDS * 1000);

		const requests = mnsRequests();
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].rawUrl).toBe(`${MESSAGES}?waitseconds=0`);
		expect(requests[0].headers.authorization).toMatch(
			new RegExp(`^MNS ${aliyunAccessKey.accessKeyId}:`),
		);
		expect(requests[0].headers['x-mns-version']).toBe('2015-06-06');
	});

	it('receives a batch (BatchReceiveMessage) and decodes JSON, Base64 JSON and plain text bodies', async () => {
		await enqueue(JSON.stringify(MPS_NOTIFICATION));
		await enqueue(base64(JSON.stringify(MPS_NOTIFICATION)));
		// XML-escaped on the wire both ways; the decoded body has the plain characters
		await enqueue('done &amp; &lt;ok&gt;');
		const { value, error } = await run(
			async (context) =>
				await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0, maxMessages: 16 }),
		);

		expect(error).toBeUndefined();
		const messages = value as Array<{ body: unknown; bodyEncoding: string; MessageBody: string }>;
		expect(messages.map(({ body, bodyEncoding }) => ({ body, bodyEncoding }))).toEqual([
			{ body: MPS_NOTIFICATION, bodyEncoding: 'json' },
			{ body: MPS_NOTIFICATION, bodyEncoding: 'base64Json' },
			{ body: 'done & <ok>', bodyEncoding: 'text' },
		]);
		expect(messages[1].MessageBody).toBe(base64(JSON.stringify(MPS_NOTIFICATION)));
		expect(mnsRequests().map((request) => request.rawUrl)).toEqual([
			`${MESSAGES}?numOfMessages=16&waitseconds=0`,
		]);
	});

	it('reads a batch of one as a list of one', async () => {
		await enqueue('only');
		const { value } = await run(
			async (context) =>
				await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0, maxMessages: 5 }),
		);
		expect((value as Array<{ body: unknown }>).map((message) => message.body)).toEqual(['only']);
	});

	it('answers [] for an empty queue after the long poll (404 MessageNotExist), without a retry', async () => {
		const started = Date.now();
		const { value, error } = await run(
			async (context) => await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 1 }),
		);
		const elapsed = Date.now() - started;

		expect(error).toBeUndefined();
		expect(value).toEqual([]);
		expect(elapsed).toBeGreaterThanOrEqual(950);
		expect(elapsed).toBeLessThan(3000);
		const requests = mnsRequests();
		expect(requests).toHaveLength(1);
		expect(requests[0].outcome).toMatchObject({ status: 404, code: 'MessageNotExist' });
	});

	it('reports an unknown queue as NodeApiError QueueNotExist with the request id', async () => {
		const { error } = await run(
			async (context) =>
				await receiveMessages.call(context, { queueName: 'no-such-queue', waitSeconds: 0 }),
		);

		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: 'QueueNotExist: The queue name you provided is not exist.',
			errorResponse: {
				provider: 'mns',
				kind: 'client',
				code: 'QueueNotExist',
				requestId: expect.any(String),
			},
		});
		const requestId = (error as { errorResponse: { requestId: string } }).errorResponse.requestId;
		expect(requestId).not.toBe('');
		const errorDescription = (error as { description: string }).description;
		expect(errorDescription).toContain(`Request ID: ${requestId}.`);
		expect(errorDescription).toContain('check the queue name and the endpoint');
		expect(mnsRequests()).toHaveLength(1);
	});

	it('retries a 5xx on receive and then returns the message', async () => {
		await enqueue('after a fault');
		emulator.injectFault({ kind: 'serverError', status: 500, match: { path: '/queues/' } });
		const { value, error } = await run(
			async (context) => await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 }),
		);

		expect(error).toBeUndefined();
		expect((value as Array<{ body: unknown }>).map((message) => message.body)).toEqual([
			'after a fault',
		]);
		expect(mnsRequests().map((request) => request.outcome.status)).toEqual([500, 200]);
	});

	it('reports a truncated 200 body as a malformed response, not retried', async () => {
		await enqueue('cut');
		emulator.injectFault({ kind: 'malformed', match: { path: '/queues/' } });
		const { error } = await run(
			async (context) => await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 }),
		);

		expect(error).toMatchObject({
			name: 'NodeApiError',
			errorResponse: { provider: 'mns', code: 'MalformedResponse', httpStatus: 200 },
		});
		expect(mnsRequests()).toHaveLength(1);
	});

	it('reports a wrong secret as an auth error (SignatureDoesNotMatch), not retried', async () => {
		const { error } = await runWithCredentials(
			async (context) => await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 }),
			{
				accessKeyId: aliyunAccessKey.accessKeyId,
				accessKeySecret: 'not-the-secret',
				regionId: ALIYUN_REGION,
				mnsEndpoint: emulator.url,
			},
		);
		expect(error).toMatchObject({
			httpCode: '403',
			errorResponse: { provider: 'mns', kind: 'auth', code: 'SignatureDoesNotMatch' },
		});
		expect(mnsRequests()).toHaveLength(1);
	});
});

describe('deleteMessage against the emulator', () => {
	it('deletes with the raw handle (holding + / =): 204, and the message is gone', async () => {
		await enqueue('to delete');
		const { value } = await run(async (context) => {
			const [message] = await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
			const outcome = await deleteMessage.call(context, {
				queueName: QUEUE,
				receiptHandle: message.ReceiptHandle,
			});
			return { handle: message.ReceiptHandle, outcome };
		});

		const { handle, outcome } = value as { handle: string; outcome: string };
		expect(handle).toMatch(/\+/);
		expect(handle).toMatch(/\//);
		expect(handle).toMatch(/=$/);
		expect(outcome).toBe('deleted');
		const deleteRequest = mnsRequests()[1];
		expect(deleteRequest.method).toBe('DELETE');
		expect(deleteRequest.rawUrl).toBe(`${MESSAGES}?ReceiptHandle=${handle}`);
		expect(deleteRequest.outcome.status).toBe(204);
		expect(emulator.queueMessages(QUEUE)).toEqual([]);
	});

	it('takes a repeated delete of a deleted message (MessageNotExist) as done', async () => {
		await enqueue('twice');
		const { value, error } = await run(async (context) => {
			const [message] = await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
			const input = { queueName: QUEUE, receiptHandle: message.ReceiptHandle };
			return [await deleteMessage.call(context, input), await deleteMessage.call(context, input)];
		});

		expect(error).toBeUndefined();
		expect(value).toEqual(['deleted', 'alreadyGone']);
		expect(mnsRequests().map((request) => request.outcome.code)).toEqual([
			undefined,
			undefined,
			'MessageNotExist',
		]);
	});

	it('takes a re-sent delete after a lost answer as done', async () => {
		await enqueue('lost answer');
		const { value, error } = await run(async (context) => {
			const [message] = await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
			// the first DELETE is handled, then its connection reset: the caller cannot know it worked
			emulator.injectFault({ kind: 'reset', phase: 'after', match: { path: '/queues/' } });
			return await deleteMessage.call(context, {
				queueName: QUEUE,
				receiptHandle: message.ReceiptHandle,
			});
		});

		expect(error).toBeUndefined();
		expect(value).toBe('alreadyGone');
		expect(emulator.queueMessages(QUEUE)).toEqual([]);
		const deletes = mnsRequests().filter((request) => request.method === 'DELETE');
		expect(deletes.map((request) => [request.outcome.fault, request.outcome.code])).toEqual([
			['reset', undefined],
			[undefined, 'MessageNotExist'],
		]);
	});

	it('reports a stale handle (visibility timeout passed) as ReceiptHandleError; the message stays', async () => {
		await enqueue('slow consumer');
		const { error } = await run(async (context) => {
			const [message] = await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
			await delay(VISIBILITY_SECONDS * 1000 + 200);
			return await deleteMessage.call(context, {
				queueName: QUEUE,
				receiptHandle: message.ReceiptHandle,
			});
		});

		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			errorResponse: {
				provider: 'mns',
				kind: 'client',
				code: 'ReceiptHandleError',
				requestId: expect.any(String),
			},
		});
		expect(emulator.queueMessages(QUEUE)).toHaveLength(1);
		expect(mnsRequests().filter((request) => request.method === 'DELETE')).toHaveLength(1);
	});
});
