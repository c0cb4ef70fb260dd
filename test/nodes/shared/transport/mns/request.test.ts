import type { IExecuteFunctions } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { deleteMessage, mnsRequest } from '../../../../../nodes/shared/transport/mns';
import { sendMessageXml } from '../../../../emulator/clients/mns';
import { startScriptedServer } from '../../../../support/scriptedServer';
import type { ScriptedServer } from '../../../../support/scriptedServer';
import { emulator, md5Upper, MESSAGES, mnsRequests, QUEUE, run, useMnsEmulator } from './harness';

useMnsEmulator();

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
