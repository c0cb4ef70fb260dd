/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- emulator test code: timers for long polls; a handler bug surfaces as a 500 */
import { setTimeout as sleep } from 'node:timers/promises';

import type { EmulatorClock } from '../../core/clock';
import { newRequestId } from '../../core/ids';
import type { EmulatorRequest, EmulatorResponse } from '../../core/http';
import { MnsError, verifyMnsRequest } from './mnsAuth';
import { mnsMessageElement, mnsXmlResponse, parseSendMessage } from './mnsXml';
import type { MnsMessage, MnsQueues } from './queues';

export interface MnsHandlerDeps {
	queues: MnsQueues;
	clock: EmulatorClock;
	/** Aborted when the emulator closes, ending pending long polls. */
	shutdown: AbortSignal;
}

const MAX_WAIT_SECONDS = 30;
const MAX_BATCH = 16;
const POLL_INTERVAL_MS = 50;
const QUEUE_PATH = /^\/queues\/([^/?]+)\/messages$/;

/** The query parameter as written: MNS receipt handles travel raw and may contain `+`. */
function rawQueryParam(rawUrl: string, name: string): string | undefined {
	const query = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
	const pair = query.split('&').find((part) => part.split('=')[0] === name);
	return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
}

function boundedInteger(
	raw: string | null,
	name: string,
	min: number,
	max: number,
	fallback: number,
): number {
	if (raw === null) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new MnsError(
			400,
			'InvalidArgument',
			`The value of ${name} should between ${min} and ${max}.`,
		);
	}
	return value;
}

export function createMnsHandler(
	deps: MnsHandlerDeps,
): (req: EmulatorRequest) => Promise<EmulatorResponse> {
	const receive = async (
		req: EmulatorRequest,
		queueName: string,
		requestId: string,
	): Promise<EmulatorResponse> => {
		const waitSeconds = boundedInteger(
			req.url.searchParams.get('waitseconds'),
			'waitseconds',
			0,
			MAX_WAIT_SECONDS,
			0,
		);
		const batch = req.url.searchParams.get('numOfMessages');
		const max = boundedInteger(batch, 'numOfMessages', 1, MAX_BATCH, 1);
		const deadline = Date.now() + waitSeconds * 1000;
		let messages: MnsMessage[] = deps.queues.receive(queueName, max, deps.clock.now());
		while (messages.length === 0 && Date.now() < deadline && !deps.shutdown.aborted) {
			await sleep(POLL_INTERVAL_MS, undefined, { signal: deps.shutdown }).catch(() => undefined);
			messages = deps.queues.receive(queueName, max, deps.clock.now());
		}
		if (messages.length === 0) throw new MnsError(404, 'MessageNotExist', 'Message not exist.');
		if (batch === null)
			return mnsXmlResponse(200, 'Message', mnsMessageElement(messages[0]), requestId);
		return mnsXmlResponse(200, 'Messages', { Message: messages.map(mnsMessageElement) }, requestId);
	};

	const remove = (req: EmulatorRequest, queueName: string): EmulatorResponse => {
		const handle = rawQueryParam(req.rawUrl, 'ReceiptHandle');
		if (!handle) throw new MnsError(400, 'MissingReceiptHandle', 'ReceiptHandle is required.');
		const outcome = deps.queues.delete(queueName, handle, deps.clock.now());
		if (outcome === 'messageNotExist')
			throw new MnsError(404, 'MessageNotExist', 'Message not exist.');
		if (outcome === 'receiptHandleError')
			throw new MnsError(400, 'ReceiptHandleError', 'The receipt handle you provide is not valid.');
		return { status: 204 };
	};

	const send = (req: EmulatorRequest, queueName: string, requestId: string): EmulatorResponse => {
		const message = parseSendMessage(req.body.toString('utf8'));
		if (!message)
			throw new MnsError(400, 'MalformedXML', 'The XML you provided was not well-formed.');
		const sent = deps.queues.send(
			queueName,
			message.body,
			deps.clock.now(),
			message.delaySeconds,
			message.priority,
		);
		return mnsXmlResponse(
			201,
			'Message',
			{ MessageId: sent.messageId, MessageBodyMD5: sent.bodyMd5 },
			requestId,
		);
	};

	return async (req) => {
		const requestId = newRequestId();
		try {
			verifyMnsRequest(req, deps.clock.now());
			const queueName = QUEUE_PATH.exec(req.url.pathname)?.[1];
			if (queueName === undefined)
				throw new MnsError(400, 'InvalidRequestURL', 'Http request URL format invalid.');
			if (!deps.queues.exists(queueName))
				throw new MnsError(404, 'QueueNotExist', 'The queue name you provided is not exist.');
			if (req.method === 'GET') return await receive(req, queueName, requestId);
			if (req.method === 'DELETE') return remove(req, queueName);
			if (req.method === 'POST') return send(req, queueName, requestId);
			throw new MnsError(400, 'InvalidRequestURL', 'Http request URL format invalid.');
		} catch (error) {
			if (!(error instanceof MnsError)) throw error;
			return mnsXmlResponse(
				error.status,
				'Error',
				{
					Code: error.code,
					Message: error.message,
					RequestId: requestId,
					HostId: req.headers.host ?? req.url.host,
				},
				requestId,
			);
		}
	};
}
