import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../request';
import type { DeleteMessageInput, ReceiveMessagesInput } from './types';

/** MNS queue names: 1–120 letters, digits and hyphens, starting with a letter. */
const QUEUE_NAME = /^[A-Za-z][A-Za-z0-9-]{0,119}$/;
export const MNS_WAIT_SECONDS = { min: 0, max: 30 } as const;
export const MNS_BATCH_SIZE = { min: 1, max: 16 } as const;

function rangeError(
	context: RequestContext,
	field: string,
	value: number,
	range: { min: number; max: number },
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`"${field}" must be a whole number from ${range.min} to ${range.max}; got ${value}`,
		{ itemIndex },
	);
}

function checkRange(
	context: RequestContext,
	field: string,
	value: number,
	range: { min: number; max: number },
	itemIndex?: number,
): void {
	if (!Number.isInteger(value) || value < range.min || value > range.max) {
		throw rangeError(context, field, value, range, itemIndex);
	}
}

function checkQueueName(context: RequestContext, queueName: string, itemIndex?: number): void {
	if (!QUEUE_NAME.test(queueName)) {
		throw new NodeOperationError(
			context.getNode(),
			`"Queue Name" is "${queueName}", which is not an MNS queue name: use 1 to 120 letters, digits and hyphens, starting with a letter`,
			{ itemIndex },
		);
	}
}

export function checkRequestPath(context: RequestContext, path: string, itemIndex?: number): void {
	if (!/^\/[^?#\s]*$/.test(path)) {
		throw new NodeOperationError(
			context.getNode(),
			`The MNS request path "${path}" must start with "/" and hold no query, fragment or spaces`,
			{ itemIndex },
		);
	}
}

/** Queue name, wait and batch size of a receive, checked before any request. */
export function checkReceiveInput(
	context: RequestContext,
	input: ReceiveMessagesInput & { maxMessages: number },
): void {
	const { queueName, waitSeconds, maxMessages, itemIndex } = input;
	checkQueueName(context, queueName, itemIndex);
	if (waitSeconds !== undefined)
		checkRange(context, 'Wait Seconds', waitSeconds, MNS_WAIT_SECONDS, itemIndex);
	checkRange(context, 'Max Messages', maxMessages, MNS_BATCH_SIZE, itemIndex);
}

/** Queue name and receipt handle of a delete, checked before any request. */
export function checkDeleteInput(context: RequestContext, input: DeleteMessageInput): void {
	const { queueName, receiptHandle, itemIndex } = input;
	checkQueueName(context, queueName, itemIndex);
	if (receiptHandle.trim() === '') {
		throw new NodeOperationError(context.getNode(), '"Receipt Handle" is empty', { itemIndex });
	}
}
