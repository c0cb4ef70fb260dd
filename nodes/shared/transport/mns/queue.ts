import type { RequestContext } from '../request';
import { checkDeleteInput, checkReceiveInput } from './inputChecks';
import { messageElements, parseMnsMessage } from './messages';
import { malformedResponse, mnsRequest } from './request';
import type {
	DeleteMessageInput,
	MnsDeleteOutcome,
	MnsMessage,
	ReceiveMessagesInput,
} from './types';

function queuePath(queueName: string): string {
	return `/queues/${queueName}/messages`;
}

/**
 * ReceiveMessage (one message) or BatchReceiveMessage (`maxMessages` > 1): long-polls up to
 * `waitSeconds`. An empty queue (404 MessageNotExist after the wait) gives `[]`. Received messages
 * stay invisible for the queue's visibility timeout; delete each one with its ReceiptHandle.
 */
export async function receiveMessages(
	this: RequestContext,
	input: ReceiveMessagesInput,
): Promise<MnsMessage[]> {
	const { queueName, waitSeconds, maxMessages = 1, itemIndex } = input;
	checkReceiveInput(this, { queueName, waitSeconds, maxMessages, itemIndex });
	const batch = maxMessages > 1;
	const query: Array<[string, string]> = [];
	if (batch) query.push(['numOfMessages', String(maxMessages)]);
	if (waitSeconds !== undefined) query.push(['waitseconds', String(waitSeconds)]);
	const action = batch ? 'BatchReceiveMessage' : 'ReceiveMessage';
	const response = await mnsRequest.call(this, {
		method: 'GET',
		path: queuePath(queueName),
		query,
		// A re-sent receive is safe: a message the lost answer held reappears after its visibility timeout.
		idempotent: true,
		itemIndex,
		action,
		acceptError: (error) => error.code === 'MessageNotExist',
	});
	if (response.acceptedError) return [];
	const elements = messageElements(response.xml, batch);
	const messages = elements.map(parseMnsMessage);
	if (elements.length === 0 || messages.some((message) => message === undefined)) {
		throw malformedResponse(
			this,
			response,
			`no <Message> with MessageId, ReceiptHandle and MessageBody`,
			action,
			itemIndex,
		);
	}
	return messages.filter((message): message is MnsMessage => message !== undefined);
}

/**
 * DeleteMessage: `DELETE /queues/<name>/messages?ReceiptHandle=<handle>` with the handle raw, as the
 * SDK sends it, → 204 `deleted`. MessageNotExist means the message is gone already (`alreadyGone`);
 * so does ReceiptHandleError on a re-send, whose earlier attempt may have deleted it. A
 * ReceiptHandleError on the first attempt means the handle is stale and MNS will deliver the
 * message again: an error, unless `handleMayBeStale` makes it the outcome `handleExpired`.
 */
export async function deleteMessage(
	this: RequestContext,
	input: DeleteMessageInput,
): Promise<MnsDeleteOutcome> {
	checkDeleteInput(this, input);
	const { queueName, receiptHandle, itemIndex, handleMayBeStale = false } = input;
	let errorAttempt = 0;
	const response = await mnsRequest.call(this, {
		method: 'DELETE',
		path: queuePath(queueName),
		query: [['ReceiptHandle', receiptHandle]],
		idempotent: true,
		itemIndex,
		action: 'DeleteMessage',
		acceptError: (error, attemptNumber) => {
			errorAttempt = attemptNumber;
			return (
				error.code === 'MessageNotExist' ||
				(error.code === 'ReceiptHandleError' && (attemptNumber > 1 || handleMayBeStale))
			);
		},
	});
	if (response.acceptedError === undefined) return 'deleted';
	const lapsed = response.acceptedError.code === 'ReceiptHandleError' && errorAttempt === 1;
	return lapsed ? 'handleExpired' : 'alreadyGone';
}
