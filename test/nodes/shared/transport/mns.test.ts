import { createHash } from 'node:crypto';

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import {
	decodeMessageBody,
	deleteMessage,
	mnsRequest,
	mnsRequestOptions,
	receiveMessages,
} from '../../../../nodes/shared/transport/mns';
import { ALIYUN_REGION, aliyunAccessKey, aliyunApiDataFor } from '../../../emulator/accounts';
import { emulatorPerFile } from '../../../emulator/lifecycle';
import {
	mnsRequest as signedMnsRequest,
	sendMessageXml,
	xmlValue,
} from '../../../emulator/clients/mns';
import type { Emulator } from '../../../emulator/server';
import { delay } from '../../../emulator/clients/aliyunRpc';
import { nodeError, runWorkflow } from '../../../support/inProcessN8n';
import { startScriptedServer } from '../../../support/scriptedServer';
import type { ScriptedServer } from '../../../support/scriptedServer';

const QUEUE = 'mps-events';
const MESSAGES = `/queues/${QUEUE}/messages`;
/** Visibility timeout of the test queue: long enough for a test, short enough to expire a handle. */
const VISIBILITY_SECONDS = 2;

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.createQueue(QUEUE, VISIBILITY_SECONDS),
});

/** What the test node does with its context; set per test. */
let script: (context: IExecuteFunctions) => Promise<unknown>;
let captured: unknown;

const description: INodeTypeDescription = {
	displayName: 'MNS Caller',
	name: 'mnsCaller',
	group: ['transform'],
	version: 1,
	description: 'Runs the MNS transport call set by the test',
	defaults: { name: 'MNS Caller' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'aliyunApi', required: true }],
	properties: [],
};

class MnsCallerNode implements INodeType {
	description = description;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		captured = await script(this);
		return [[{ json: {}, pairedItem: { item: 0 } }]];
	}
}

async function run(
	call: (context: IExecuteFunctions) => Promise<unknown>,
	mnsEndpoint = emulator.url,
) {
	script = call;
	captured = undefined;
	const result = await runWorkflow({
		nodes: [
			{ id: '1', name: 'MNS', type: 'mnsCaller', typeVersion: 1, position: [0, 0], parameters: {} },
		],
		connections: {},
		nodeTypes: { mnsCaller: new MnsCallerNode() },
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: {
			aliyunApi: {
				...aliyunApiDataFor(emulator.url),
				vodEndpoint: '',
				mpsEndpoint: '',
				mnsEndpoint,
			},
		},
	});
	return { result, value: captured, error: nodeError(result, 'MNS') };
}

/**
 * Enqueues through the emulator's MNS API with the independent test signer, then forgets the
 * request, so the log holds only the transport's. Returns the MessageId.
 */
async function enqueue(bodyXmlText: string): Promise<string> {
	const sent = await signedMnsRequest(emulator, 'POST', MESSAGES, {
		body: sendMessageXml(bodyXmlText),
	});
	expect(sent.status).toBe(201);
	emulator.clearRequests();
	return xmlValue(sent.text, 'MessageId') ?? '';
}

const md5Upper = (text: string) => createHash('md5').update(text).digest('hex').toUpperCase();
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The MPS success notification of aliyun.md h (shortened). */
const MPS_NOTIFICATION = {
	jobId: '8f91f1b630f3469eb5ecf445028f0001',
	JobId: '8f91f1b630f3469eb5ecf445028f0001',
	Type: 'Snapshot',
	State: 'Success',
	Count: 5,
	TimeArray: [10050, 50000],
};

/** The MNS requests the emulator saw (control calls are not recorded). */
const mnsRequests = () =>
	emulator.requests().filter((request) => request.rawUrl.startsWith('/queues/'));

describe('mnsRequestOptions (vectors mns-ReceiveMessage-longpoll, mns-DeleteMessage)', () => {
	const endpoint = 'https://1234567890123456.mns.cn-shanghai.aliyuncs.com';

	it('builds the ReceiveMessage URL of the vector, as text with the full response', () => {
		expect(
			mnsRequestOptions(endpoint, {
				method: 'GET',
				path: '/queues/vod-events/messages',
				query: { waitseconds: 10 },
			}),
		).toEqual({
			method: 'GET',
			url: 'https://1234567890123456.mns.cn-shanghai.aliyuncs.com/queues/vod-events/messages?waitseconds=10',
			json: false,
			encoding: 'text',
			returnFullResponse: true,
		});
	});

	it('puts the ReceiptHandle raw, with + and /, as the vector does', () => {
		const options = mnsRequestOptions(endpoint, {
			method: 'DELETE',
			path: '/queues/vod-events/messages',
			query: [['ReceiptHandle', 'MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0']],
		});
		expect(options.url).toBe(
			'https://1234567890123456.mns.cn-shanghai.aliyuncs.com/queues/vod-events/messages?ReceiptHandle=MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0',
		);
	});

	it('percent-encodes only what a URL cannot carry raw (space, &, #, non-ASCII)', () => {
		const options = mnsRequestOptions(endpoint, {
			method: 'GET',
			path: '/queues/q/messages',
			query: [['a', 'x y&z#é=+/']],
		});
		expect(options.url).toBe(`${endpoint}/queues/q/messages?a=x%20y%26z%23%C3%A9=+/`);
	});
});

describe('decodeMessageBody (aliyun.md h: JSON, else Base64 JSON, else text)', () => {
	it.each([
		{ raw: '{"State":"Success"}', body: { State: 'Success' }, bodyEncoding: 'json' },
		{ raw: base64('{"State":"Success"}'), body: { State: 'Success' }, bodyEncoding: 'base64Json' },
		{ raw: base64('[1,2]'), body: [1, 2], bodyEncoding: 'base64Json' },
		{ raw: 'job finished', body: 'job finished', bodyEncoding: 'text' },
		// "test" is valid Base64, but of bytes that are not JSON
		{ raw: 'test', body: 'test', bodyEncoding: 'text' },
		{ raw: '', body: '', bodyEncoding: 'text' },
	])('reads $raw as $bodyEncoding', ({ raw, body, bodyEncoding }) => {
		expect(decodeMessageBody(raw)).toEqual({ body, bodyEncoding });
	});
});

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
		script = async (context) =>
			await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
		const result = await runWorkflow({
			nodes: [
				{
					id: '1',
					name: 'MNS',
					type: 'mnsCaller',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
			],
			connections: {},
			nodeTypes: { mnsCaller: new MnsCallerNode() },
			credentialTypes: { aliyunApi: new AliyunApi() },
			credentials: {
				aliyunApi: {
					accessKeyId: aliyunAccessKey.accessKeyId,
					accessKeySecret: 'not-the-secret',
					regionId: ALIYUN_REGION,
					mnsEndpoint: emulator.url,
				},
			},
		});
		expect(nodeError(result, 'MNS')).toMatchObject({
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

describe('validation before any request', () => {
	it.each([
		{
			name: 'a queue name starting with a digit',
			call: { queueName: '1queue' },
			text: '"Queue Name"',
		},
		{
			name: 'a queue name with an underscore',
			call: { queueName: 'mps_events' },
			text: 'letters, digits and hyphens',
		},
		{
			name: 'a queue name of 121 characters',
			call: { queueName: `q${'a'.repeat(120)}` },
			text: '1 to 120',
		},
		{
			name: 'waitSeconds 31',
			call: { queueName: QUEUE, waitSeconds: 31 },
			text: '"Wait Seconds" must be a whole number from 0 to 30; got 31',
		},
		{ name: 'waitSeconds -1', call: { queueName: QUEUE, waitSeconds: -1 }, text: 'from 0 to 30' },
		{ name: 'waitSeconds 1.5', call: { queueName: QUEUE, waitSeconds: 1.5 }, text: 'from 0 to 30' },
		{
			name: 'maxMessages 0',
			call: { queueName: QUEUE, maxMessages: 0 },
			text: '"Max Messages" must be a whole number from 1 to 16; got 0',
		},
		{
			name: 'maxMessages 17',
			call: { queueName: QUEUE, maxMessages: 17 },
			text: 'from 1 to 16; got 17',
		},
	])('rejects $name on receive', async ({ call, text }) => {
		const { error } = await run(async (context) => await receiveMessages.call(context, call));
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect((error as Error).message).toContain(text);
		expect(emulator.requests()).toEqual([]);
	});

	it.each([
		{
			name: 'an empty receipt handle',
			call: { queueName: QUEUE, receiptHandle: '' },
			text: '"Receipt Handle" is empty',
		},
		{
			name: 'a bad queue name',
			call: { queueName: 'a/b', receiptHandle: 'x' },
			text: '"Queue Name"',
		},
	])('rejects $name on delete', async ({ call, text }) => {
		const { error } = await run(async (context) => await deleteMessage.call(context, call));
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect((error as Error).message).toContain(text);
		expect(emulator.requests()).toEqual([]);
	});

	it('rejects a path with a query in mnsRequest', async () => {
		const { error } = await run(
			async (context) =>
				await mnsRequest.call(context, {
					method: 'GET',
					path: `${MESSAGES}?waitseconds=0`,
					idempotent: true,
				}),
		);
		expect((error as Error).message).toContain('must start with "/" and hold no query');
		expect(emulator.requests()).toEqual([]);
	});
});

describe('mnsRequest', () => {
	it('sends an XML body (SendMessage) and returns status, request id and the parsed document', async () => {
		const { value, error } = await run(
			async (context) =>
				await mnsRequest.call(context, {
					method: 'POST',
					path: MESSAGES,
					body: sendMessageXml('from the transport'),
					idempotent: false,
					action: 'SendMessage',
				}),
		);

		expect(error).toBeUndefined();
		const response = value as {
			status: number;
			requestId: string;
			xml: { Message: { MessageId: string; MessageBodyMD5: string } };
		};
		expect(response.status).toBe(201);
		expect(response.requestId).toEqual(expect.any(String));
		expect(response.xml.Message.MessageBodyMD5).toBe(md5Upper('from the transport'));
		expect(emulator.queueMessages(QUEUE).map((message) => message.body)).toEqual([
			'from the transport',
		]);
		expect(mnsRequests()[0].headers['content-type']).toBe('text/xml');
	});
});

/** MNS answers the emulator does not produce, scripted as the error-code page documents them. */
describe('MNS answers from a scripted server', () => {
	let server: ScriptedServer;

	beforeAll(async () => {
		server = await startScriptedServer({ status: 204 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	const mnsError = (status: number, code: string, message: string, requestId: string) => ({
		status,
		headers: { 'x-mns-request-id': requestId },
		body:
			'<?xml version="1.0" encoding="UTF-8"?><Error xmlns="http://mns.aliyuncs.com/doc/v1/">' +
			`<Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId>` +
			'<HostId>http://1234567890123456.mns.cn-shanghai.aliyuncs.com</HostId></Error>',
	});

	const deleteOnce = async (context: IExecuteFunctions) =>
		await deleteMessage.call(context, {
			queueName: QUEUE,
			receiptHandle: '1-MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0==',
		});

	it('takes ReceiptHandleError on the re-send after a 500 as done', async () => {
		server.enqueue(
			mnsError(500, 'InternalError', 'Interal error.', 'R-500'),
			mnsError(400, 'ReceiptHandleError', 'The receipt handle you provide is not valid.', 'R-400'),
		);
		const { value, error } = await run(deleteOnce, server.url);

		expect(error).toBeUndefined();
		expect(value).toBe('alreadyGone');
		expect(server.requests.map((request) => request.url)).toEqual([
			`${MESSAGES}?ReceiptHandle=1-MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0==`,
			`${MESSAGES}?ReceiptHandle=1-MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0==`,
		]);
	});

	it('retries TooManyRequests (429, the MNS flow limiter)', async () => {
		server.enqueue(
			mnsError(
				429,
				'TooManyRequests',
				'The request is denied by cluster flow limiter for too many requests.',
				'R-429',
			),
		);
		const { value, error } = await run(deleteOnce, server.url);

		expect(error).toBeUndefined();
		expect(value).toBe('deleted');
		expect(server.requests).toHaveLength(2);
	});

	it.each([
		{
			status: 403,
			code: 'AccessDenied',
			message: 'The OwnerId that your Access Key Id associated to is forbidden for this operation.',
			kind: 'permission',
		},
		{
			status: 403,
			code: 'InvalidAccessKeyId',
			message: 'The AccessKey Id you provided is not exist.',
			kind: 'auth',
		},
		{
			status: 403,
			code: 'TimeExpired',
			message: 'The http request you sent is expired.',
			kind: 'clock',
		},
		{
			status: 400,
			code: 'InvalidArgument',
			message: 'The value of numOfMessages should between 1 and 16.',
			kind: 'client',
		},
	])(
		'reports $code as $kind with its request id, sent once',
		async ({ status, code, message, kind }) => {
			server.enqueue(mnsError(status, code, message, `R-${code}`));
			const { error } = await run(deleteOnce, server.url);

			expect(error).toMatchObject({
				name: 'NodeApiError',
				httpCode: String(status),
				message: `${code}: ${message}`,
				errorResponse: { provider: 'mns', kind, code, requestId: `R-${code}` },
			});
			expect(server.requests).toHaveLength(1);
		},
	);
});
