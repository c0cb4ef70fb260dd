import { describe, expect, it } from 'vitest';

import {
	deleteMessage,
	mnsRequest,
	receiveMessages,
} from '../../../../../nodes/shared/transport/mns';
import { emulator, MESSAGES, QUEUE, run, useMnsEmulator } from './harness';

useMnsEmulator();

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
