import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { aliyunAccessKey } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import { mnsRequest, sendMessageXml, xmlValue, xmlValues } from '../../clients/mns';
import type { Emulator } from '../../server';
import { delay } from '../../clients/aliyunRpc';

const QUEUE = 'snapshot-events';
const MESSAGES = `/queues/${QUEUE}/messages`;

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => emulator.createQueue(QUEUE, 1),
});

async function enqueue(body: string) {
	return await mnsRequest(emulator, 'POST', MESSAGES, { body: sendMessageXml(body) });
}

describe('MNS queue API', () => {
	it('sends, receives and deletes a message', async () => {
		const sent = await enqueue('{"hello":"world"}');
		expect(sent.status).toBe(201);
		expect(xmlValue(sent.text, 'MessageBodyMD5')).toBe(
			createHash('md5').update('{"hello":"world"}').digest('hex').toUpperCase(),
		);
		const received = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`);
		expect(received.status).toBe(200);
		expect(received.text).toContain('<Message xmlns="http://mns.aliyuncs.com/doc/v1/">');
		expect(xmlValue(received.text, 'MessageBody')).toBe('{&quot;hello&quot;:&quot;world&quot;}');
		expect(xmlValue(received.text, 'DequeueCount')).toBe('1');
		const handle = xmlValue(received.text, 'ReceiptHandle') ?? '';
		const deleted = await mnsRequest(emulator, 'DELETE', `${MESSAGES}?ReceiptHandle=${handle}`);
		expect(deleted.status).toBe(204);
		expect(emulator.queueMessages(QUEUE)).toHaveLength(0);
	});

	it('answers 404 MessageNotExist for an empty queue', async () => {
		const response = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`);
		expect(response.status).toBe(404);
		expect(xmlValue(response.text, 'Code')).toBe('MessageNotExist');
		expect(response.text).toContain('<Error xmlns="http://mns.aliyuncs.com/doc/v1/">');
	});

	it('long-polls until a message arrives', async () => {
		const started = Date.now();
		const polling = mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=5`);
		await delay(300);
		await enqueue('late');
		const response = await polling;
		expect(response.status).toBe(200);
		expect(Date.now() - started).toBeLessThan(3000);
	});

	it('gives up a long poll after waitseconds', async () => {
		const started = Date.now();
		const response = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=1`);
		expect(response.status).toBe(404);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('hides a received message for the visibility timeout, then redelivers it with a new handle', async () => {
		await enqueue('once');
		const first = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`);
		expect((await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`)).status).toBe(404);
		await delay(1100);
		const second = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`);
		expect(xmlValue(second.text, 'MessageId')).toBe(xmlValue(first.text, 'MessageId'));
		expect(xmlValue(second.text, 'DequeueCount')).toBe('2');
		expect(xmlValue(second.text, 'FirstDequeueTime')).toBe(
			xmlValue(first.text, 'FirstDequeueTime'),
		);
		const stale = await mnsRequest(
			emulator,
			'DELETE',
			`${MESSAGES}?ReceiptHandle=${xmlValue(first.text, 'ReceiptHandle')}`,
		);
		expect(stale.status).toBe(400);
		expect(xmlValue(stale.text, 'Code')).toBe('ReceiptHandleError');
		const fresh = await mnsRequest(
			emulator,
			'DELETE',
			`${MESSAGES}?ReceiptHandle=${xmlValue(second.text, 'ReceiptHandle')}`,
		);
		expect(fresh.status).toBe(204);
	});

	it('rejects a handle whose visibility timeout has passed', async () => {
		await enqueue('slow consumer');
		const received = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`);
		await delay(1100);
		const late = await mnsRequest(
			emulator,
			'DELETE',
			`${MESSAGES}?ReceiptHandle=${xmlValue(received.text, 'ReceiptHandle')}`,
		);
		expect(xmlValue(late.text, 'Code')).toBe('ReceiptHandleError');
	});

	it('receives a batch with numOfMessages (at most 16)', async () => {
		for (const body of ['a', 'b', 'c', 'd']) await enqueue(body);
		const batch = await mnsRequest(emulator, 'GET', `${MESSAGES}?numOfMessages=3&waitseconds=0`);
		expect(batch.text).toContain('<Messages xmlns="http://mns.aliyuncs.com/doc/v1/">');
		expect(xmlValues(batch.text, 'MessageBody')).toEqual(['a', 'b', 'c']);
		const tooMany = await mnsRequest(emulator, 'GET', `${MESSAGES}?numOfMessages=17`);
		expect(tooMany.status).toBe(400);
		expect(xmlValue(tooMany.text, 'Code')).toBe('InvalidArgument');
	});

	it('answers 404 QueueNotExist for an unknown queue', async () => {
		const response = await mnsRequest(emulator, 'GET', '/queues/nope/messages');
		expect(response.status).toBe(404);
		expect(xmlValue(response.text, 'Code')).toBe('QueueNotExist');
	});
});

describe('MNS signature checks', () => {
	it.each([
		{
			name: 'a wrong secret',
			options: { key: { accessKeyId: aliyunAccessKey.accessKeyId, accessKeySecret: 'wrong' } },
			status: 403,
			code: 'SignatureDoesNotMatch',
		},
		{
			name: 'an unknown key',
			options: { key: { accessKeyId: 'LTAI5tNobody', accessKeySecret: 'x' } },
			status: 403,
			code: 'InvalidAccessKeyId',
		},
		{
			name: 'a Date 20 minutes old',
			options: { date: new Date(Date.now() - 20 * 60_000).toUTCString() },
			status: 403,
			code: 'TimeExpired',
		},
		{
			name: 'a malformed Date',
			options: { date: 'yesterday' },
			status: 400,
			code: 'InvalidDateHeader',
		},
	])('rejects $name with $code', async ({ options, status, code }) => {
		const response = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`, options);
		expect(response.status).toBe(status);
		expect(xmlValue(response.text, 'Code')).toBe(code);
	});

	it('rejects a request without Authorization', async () => {
		const unsigned = await fetch(`${emulator.url}${MESSAGES}`, {
			headers: { 'x-mns-version': '2015-06-06' },
		});
		expect(unsigned.status).toBe(400);
		expect(xmlValue(await unsigned.text(), 'Code')).toBe('MissingAuthorizationHeader');
	});

	it('signs the raw request URI: a query changed after signing is rejected', async () => {
		const response = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=1`, {
			signedResource: `${MESSAGES}?waitseconds=0`,
		});
		expect(response.status).toBe(403);
		expect(xmlValue(response.text, 'Code')).toBe('SignatureDoesNotMatch');
	});

	it('signs every x-mns-* header', async () => {
		const response = await mnsRequest(emulator, 'GET', `${MESSAGES}?waitseconds=0`, {
			extraHeaders: { 'x-mns-extra': 'signed' },
		});
		expect(xmlValue(response.text, 'Code')).toBe('MessageNotExist');
	});

	it('rejects a body whose Content-MD5 does not match', async () => {
		const response = await mnsRequest(emulator, 'POST', MESSAGES, {
			body: sendMessageXml('x'),
			extraHeaders: { 'content-md5': 'bm90LXRoZS1tZDU=' },
		});
		expect(response.status).toBe(400);
		expect(xmlValue(response.text, 'Code')).toBe('InvalidDegist');
	});
});
