import { describe, expect, it } from 'vitest';

import { deleteMessage, receiveMessages } from '../../../../../nodes/shared/transport/mns';
import { delay } from '../../../../emulator/clients/aliyunRpc';
import {
	emulator,
	enqueue,
	mnsRequests,
	QUEUE,
	run,
	useMnsEmulator,
	VISIBILITY_SECONDS,
} from './harness';

useMnsEmulator();

const deleteCodes = () =>
	mnsRequests()
		.filter((request) => request.method === 'DELETE')
		.map((request) => request.outcome.code);

describe('deleteMessage with a handle that may be stale (handleMayBeStale)', () => {
	it('answers handleExpired for a handle whose visibility timeout passed; the message stays', async () => {
		await enqueue('slow consumer');
		const { value, error } = await run(async (context) => {
			const [message] = await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
			await delay(VISIBILITY_SECONDS * 1000 + 200);
			return await deleteMessage.call(context, {
				queueName: QUEUE,
				receiptHandle: message.ReceiptHandle,
				handleMayBeStale: true,
			});
		});

		expect(error).toBeUndefined();
		expect(value).toBe('handleExpired');
		expect(deleteCodes()).toEqual(['ReceiptHandleError']);
		expect(emulator.queueMessages(QUEUE)).toHaveLength(1);
	});

	it('answers handleExpired for the handle of an earlier receive; the newer handle deletes', async () => {
		await enqueue('received twice');
		const { value, error } = await run(async (context) => {
			const receive = async () =>
				(await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 }))[0];
			const first = await receive();
			await delay(VISIBILITY_SECONDS * 1000 + 200);
			const second = await receive();
			const remove = async (receiptHandle: string) =>
				await deleteMessage.call(context, {
					queueName: QUEUE,
					receiptHandle,
					handleMayBeStale: true,
				});
			return [await remove(first.ReceiptHandle), await remove(second.ReceiptHandle)];
		});

		expect(error).toBeUndefined();
		expect(value).toEqual(['handleExpired', 'deleted']);
		expect(emulator.queueMessages(QUEUE)).toEqual([]);
	});

	it('still deletes with a live handle, and answers alreadyGone once deleted', async () => {
		await enqueue('fresh');
		const { value, error } = await run(async (context) => {
			const [message] = await receiveMessages.call(context, { queueName: QUEUE, waitSeconds: 0 });
			const input = {
				queueName: QUEUE,
				receiptHandle: message.ReceiptHandle,
				handleMayBeStale: true,
			};
			return [await deleteMessage.call(context, input), await deleteMessage.call(context, input)];
		});

		expect(error).toBeUndefined();
		expect(value).toEqual(['deleted', 'alreadyGone']);
		expect(deleteCodes()).toEqual([undefined, 'MessageNotExist']);
	});
});
