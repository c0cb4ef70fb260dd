import { NodeOperationError } from 'n8n-workflow';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { aliyunEndpoint } from '../../../credentials/common/aliyunEndpoints';
import { isRecord, parseJson } from '../../../credentials/common/json';
import { toNodeApiError } from '../errors';
import type { ClassifiedError } from '../errors';
import { tryParseXml, xmlText } from '../xml';
import type { XmlElement, XmlValue } from '../xml';
import { AcceptedFailure, credentialEndpoint, sendAuthenticated } from './request';
import type { RequestContext } from './request';

export type { RequestContext } from './request';

export type MnsMethod = 'GET' | 'POST' | 'DELETE';

/** Pairs keep their order; a record's undefined values are left out. */
export type MnsQuery = Array<[string, string]> | Record<string, string | number | undefined>;

/** The provider facts of an MNS error answer (`<Error><Code/><Message/><RequestId/></Error>`). */
export interface MnsErrorAnswer {
	code?: string;
	message?: string;
	requestId?: string;
	httpStatus?: number;
}

export interface MnsCall {
	method: MnsMethod;
	/** Request path, e.g. `/queues/<name>/messages`. */
	path: string;
	/** Sent in the URL as written, except characters a URL cannot carry raw (MNS signs the URI as sent). */
	query?: MnsQuery;
	/** XML request body. */
	body?: string;
	/** False for calls whose repetition would do something twice (SendMessage). */
	idempotent: boolean;
	itemIndex?: number;
	maxRequestsPerSecond?: number;
	/** Names the call in pacing and errors; defaults to `<method> <path>`. */
	action?: string;
	/**
	 * An error answer that is the call's outcome rather than a failure (attempt numbers start at 1);
	 * `mnsRequest` then resolves with `acceptedError` set instead of throwing.
	 */
	acceptError?: (error: MnsErrorAnswer, attemptNumber: number) => boolean;
}

export interface MnsResponse {
	/** HTTP status: 200, 201, 204, or the status of an accepted error answer. */
	status: number;
	/** `x-mns-request-id` (or the error body's RequestId). */
	requestId?: string;
	/** The parsed XML document, keyed by its root element; undefined for an empty body (204). */
	xml?: XmlElement;
	/** Set when `acceptError` took an error answer as the outcome. */
	acceptedError?: MnsErrorAnswer;
}

export type MnsJsonValue =
	| string
	| number
	| boolean
	| null
	| MnsJsonValue[]
	| { [key: string]: MnsJsonValue };

/** How a MessageBody was read: JSON text, Base64 of JSON text, or neither (kept as text). */
export type MnsBodyEncoding = 'json' | 'base64Json' | 'text';

export interface MnsMessage {
	MessageId: string;
	ReceiptHandle: string;
	MessageBodyMD5?: string;
	/** The body exactly as MNS returned it (XML entities resolved). */
	MessageBody: string;
	/** The body decoded: parsed JSON, JSON inside Base64, else the raw text. */
	body: MnsJsonValue;
	bodyEncoding: MnsBodyEncoding;
	/** Milliseconds since the epoch. */
	EnqueueTime?: number;
	NextVisibleTime?: number;
	FirstDequeueTime?: number;
	DequeueCount?: number;
	Priority?: number;
}

export interface ReceiveMessagesInput {
	queueName: string;
	/** Long-poll time, 0–30 s; omitted → the queue's PollingWaitSeconds. */
	waitSeconds?: number;
	/** 1 (ReceiveMessage, the default) to 16 (BatchReceiveMessage). */
	maxMessages?: number;
	itemIndex?: number;
}

export interface DeleteMessageInput {
	queueName: string;
	receiptHandle: string;
	itemIndex?: number;
}

/** `deleted`: 204. `alreadyGone`: MNS no longer holds the message (an earlier delete got there). */
export type MnsDeleteOutcome = 'deleted' | 'alreadyGone';

const ALIYUN_CREDENTIAL_TYPE = 'aliyunApi';
const MNS_REQUEST_ID_HEADER = 'x-mns-request-id';

/** MNS queue names: 1–120 letters, digits and hyphens, starting with a letter. */
const QUEUE_NAME = /^[A-Za-z][A-Za-z0-9-]{0,119}$/;
export const MNS_WAIT_SECONDS = { min: 0, max: 30 } as const;
export const MNS_BATCH_SIZE = { min: 1, max: 16 } as const;

/**
 * Characters the query keeps as written: RFC 3986 unreserved, and `+ / = : @ ! $ * ( ) , ;`, which
 * no URL parser re-encodes in a query. A receipt handle (Base64 with `+ / =`) therefore travels raw,
 * as the SDK sends it; anything else is percent-encoded so the URI sent is the URI signed.
 */
const RAW_QUERY_CHARACTER = /^[A-Za-z0-9\-._~+/=:@!$*(),;]$/;

function percentEncodeCharacter(character: string): string {
	return [...Buffer.from(character, 'utf8')]
		.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
		.join('');
}

function queryComponent(text: string): string {
	return Array.from(text, (character) =>
		RAW_QUERY_CHARACTER.test(character) ? character : percentEncodeCharacter(character),
	).join('');
}

function queryPairs(query: MnsQuery | undefined): Array<[string, string]> {
	if (query === undefined) return [];
	if (Array.isArray(query)) return query;
	const pairs: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(query)) {
		if (value !== undefined) pairs.push([name, String(value)]);
	}
	return pairs;
}

/** The query string exactly as it is sent and signed, without `?`. */
export function mnsQueryString(query: MnsQuery | undefined): string {
	return queryPairs(query)
		.map(([name, value]) => `${queryComponent(name)}=${queryComponent(value)}`)
		.join('&');
}

export function mnsRequestOptions(
	endpoint: string,
	call: Pick<MnsCall, 'method' | 'path' | 'query' | 'body'>,
): IHttpRequestOptions {
	const search = mnsQueryString(call.query);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${endpoint.replace(/\/+$/, '')}${call.path}${search === '' ? '' : `?${search}`}`,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
	};
	if (call.body !== undefined && call.body !== '') {
		options.body = call.body;
		options.headers = { 'content-type': 'text/xml' };
	}
	return options;
}

function errorAnswer(classified: ClassifiedError): MnsErrorAnswer {
	return {
		code: classified.code,
		message: classified.message,
		requestId: classified.requestId,
		httpStatus: classified.httpStatus,
	};
}

interface FullResponse {
	status: number;
	requestId?: string;
	text: string;
}

function readFullResponse(response: unknown): FullResponse {
	if (!isRecord(response)) return { status: 0, text: typeof response === 'string' ? response : '' };
	const headers = response.headers;
	const requestId = isRecord(headers) ? headers[MNS_REQUEST_ID_HEADER] : undefined;
	return {
		status: typeof response.statusCode === 'number' ? response.statusCode : 0,
		requestId: typeof requestId === 'string' ? requestId : undefined,
		text: typeof response.body === 'string' ? response.body : '',
	};
}

/** A 2xx whose body is not the document MNS documents: not retried (a receive may have hidden a message). */
function malformedResponse(
	context: RequestContext,
	response: Pick<FullResponse, 'status' | 'requestId'>,
	what: string,
	action: string,
	itemIndex?: number,
) {
	return toNodeApiError(
		context.getNode(),
		{
			provider: 'mns',
			kind: 'server',
			code: 'MalformedResponse',
			message: `MNS answered ${action} with ${what}`,
			httpStatus: response.status,
			requestId: response.requestId,
		},
		undefined,
		itemIndex,
		action,
	);
}

function checkPath(context: RequestContext, path: string, itemIndex?: number): void {
	if (!/^\/[^?#\s]*$/.test(path)) {
		throw new NodeOperationError(
			context.getNode(),
			`The MNS request path "${path}" must start with "/" and hold no query, fragment or spaces`,
			{ itemIndex },
		);
	}
}

/**
 * Sends one MNS REST call through the `aliyunApi` credential, which signs requests under its MNS
 * Endpoint with the MNS scheme. Paces, retries what is safe to retry and turns error answers into
 * NodeApiError (provider `mns`) unless `acceptError` takes them.
 */
export async function mnsRequest(this: RequestContext, call: MnsCall): Promise<MnsResponse> {
	checkPath(this, call.path, call.itemIndex);
	const action = call.action ?? `${call.method} ${call.path}`;
	const { endpoint, credentials } = await credentialEndpoint.call(
		this,
		ALIYUN_CREDENTIAL_TYPE,
		(credentials) => aliyunEndpoint(credentials, 'mns'),
		call.itemIndex,
	);
	const { acceptError } = call;
	const response = await sendAuthenticated.call(this, mnsRequestOptions(endpoint, call), {
		provider: 'mns',
		credentialType: ALIYUN_CREDENTIAL_TYPE,
		credentials,
		service: 'mns',
		action,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
		maxRequestsPerSecond: call.maxRequestsPerSecond,
		acceptFailure:
			acceptError &&
			((classified, attemptNumber) => acceptError(errorAnswer(classified), attemptNumber)),
	});
	if (response instanceof AcceptedFailure) {
		const answer = errorAnswer(response.classified);
		return { status: answer.httpStatus ?? 0, requestId: answer.requestId, acceptedError: answer };
	}
	const full = readFullResponse(response);
	if (full.text.trim() === '') return { status: full.status, requestId: full.requestId };
	const xml = tryParseXml(full.text);
	if (xml === undefined) {
		throw malformedResponse(
			this,
			full,
			'a body that is not well-formed XML',
			action,
			call.itemIndex,
		);
	}
	return { status: full.status, requestId: full.requestId, xml };
}

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

const BASE64_TEXT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** JSON text inside Base64, if the text is Base64 of UTF-8 JSON holding an object or array. */
function base64Json(text: string): MnsJsonValue | undefined {
	const compact = text.replace(/\s+/g, '');
	if (compact === '' || !BASE64_TEXT.test(compact)) return undefined;
	const bytes = Buffer.from(compact, 'base64');
	const decoded = bytes.toString('utf8');
	if (!Buffer.from(decoded, 'utf8').equals(bytes)) return undefined; // not UTF-8
	const parsed = parseJson(decoded);
	return isRecord(parsed) || Array.isArray(parsed) ? (parsed as MnsJsonValue) : undefined;
}

/**
 * aliyun.md h: whether MPS base64-encodes bodies is undocumented, so read JSON first, then JSON
 * inside Base64, else keep the text. Only an object or array counts as Base64 JSON: a short word
 * such as "test" is valid Base64 of bytes that are not the sender's meaning.
 */
export function decodeMessageBody(raw: string): {
	body: MnsJsonValue;
	bodyEncoding: MnsBodyEncoding;
} {
	const parsed = parseJson(raw);
	if (parsed !== undefined) return { body: parsed as MnsJsonValue, bodyEncoding: 'json' };
	const decoded = base64Json(raw);
	if (decoded !== undefined) return { body: decoded, bodyEncoding: 'base64Json' };
	return { body: raw, bodyEncoding: 'text' };
}

function numberField(element: XmlValue, name: string): number | undefined {
	const text = xmlText(element, name)?.trim();
	return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/** One `<Message>` element; undefined when it lacks MessageId, ReceiptHandle or MessageBody. */
export function parseMnsMessage(element: XmlValue): MnsMessage | undefined {
	const messageId = xmlText(element, 'MessageId');
	const receiptHandle = xmlText(element, 'ReceiptHandle');
	const messageBody = xmlText(element, 'MessageBody');
	if (!messageId || !receiptHandle || messageBody === undefined) return undefined;
	const message: MnsMessage = {
		MessageId: messageId,
		ReceiptHandle: receiptHandle,
		MessageBody: messageBody,
		...decodeMessageBody(messageBody),
	};
	const md5 = xmlText(element, 'MessageBodyMD5');
	if (md5 !== undefined) message.MessageBodyMD5 = md5;
	const numbers = [
		'EnqueueTime',
		'NextVisibleTime',
		'FirstDequeueTime',
		'DequeueCount',
		'Priority',
	] as const;
	for (const name of numbers) {
		const value = numberField(element, name);
		if (value !== undefined) message[name] = value;
	}
	return message;
}

function asList(value: XmlValue | undefined): XmlValue[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

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
	checkQueueName(this, queueName, itemIndex);
	if (waitSeconds !== undefined)
		checkRange(this, 'Wait Seconds', waitSeconds, MNS_WAIT_SECONDS, itemIndex);
	checkRange(this, 'Max Messages', maxMessages, MNS_BATCH_SIZE, itemIndex);
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
	const root = batch ? response.xml?.Messages : response.xml?.Message;
	const elements = batch
		? asList(typeof root === 'object' && !Array.isArray(root) ? root.Message : undefined)
		: asList(root);
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
 * ReceiptHandleError on the first attempt is an error: the handle is stale and MNS will deliver the
 * message again.
 */
export async function deleteMessage(
	this: RequestContext,
	input: DeleteMessageInput,
): Promise<MnsDeleteOutcome> {
	const { queueName, receiptHandle, itemIndex } = input;
	checkQueueName(this, queueName, itemIndex);
	if (receiptHandle.trim() === '') {
		throw new NodeOperationError(this.getNode(), '"Receipt Handle" is empty', { itemIndex });
	}
	const response = await mnsRequest.call(this, {
		method: 'DELETE',
		path: queuePath(queueName),
		query: [['ReceiptHandle', receiptHandle]],
		idempotent: true,
		itemIndex,
		action: 'DeleteMessage',
		acceptError: (error, attemptNumber) =>
			error.code === 'MessageNotExist' ||
			(error.code === 'ReceiptHandleError' && attemptNumber > 1),
	});
	return response.acceptedError ? 'alreadyGone' : 'deleted';
}
