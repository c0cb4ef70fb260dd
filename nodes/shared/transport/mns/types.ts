import type { XmlElement } from '../../xml';

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
	/**
	 * The handle is from an earlier receive that may have lapsed: a ReceiptHandleError is then the
	 * outcome `handleExpired` instead of an error.
	 */
	handleMayBeStale?: boolean;
}

/**
 * `deleted`: 204. `alreadyGone`: MNS no longer holds the message (an earlier delete got there).
 * `handleExpired` (only with `handleMayBeStale`): the visibility timeout passed or the message was
 * received again since, so MNS delivers it again; the handle of that later receive deletes it.
 */
export type MnsDeleteOutcome = 'deleted' | 'alreadyGone' | 'handleExpired';
