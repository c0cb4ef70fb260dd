import type { IWebhookResponseData } from 'n8n-workflow';

import type { WebhookContext } from './types';

export interface Refusal {
	/** 502: a fetch the check needs failed; senders that retry on 5xx (SMN) send again. */
	status: 400 | 401 | 403 | 413 | 502;
	message: string;
}

/** The answer to each reason a verifier rejects a delivery for. */
export type RefusalTable<Reason extends string> = Record<Reason, Refusal>;

export const MALFORMED_BODY: Refusal = {
	status: 400,
	message: 'Bad Request: body is not a JSON object',
};

/** Callback events are small; a body past this is refused unread (413) whatever it claims to be. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function bodyTooLarge(maxBytes: number): Refusal {
	return { status: 413, message: `Payload Too Large: the body must be at most ${maxBytes} bytes` };
}

/** Answers the refusal itself, so no workflow starts. */
export function refuse(context: WebhookContext, refusal: Refusal): IWebhookResponseData {
	context.getResponseObject().status(refusal.status).send(refusal.message);
	return { noWebhookResponse: true };
}
