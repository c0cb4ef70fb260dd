import type { IDataObject, IHttpRequestOptions, IWebhookResponseData } from 'n8n-workflow';

import { handleWebhook, parseEventBody, refuse } from '../../../shared/trigger';
import type { Refusal, WebhookContext, WebhookPipeline } from '../../../shared/trigger';
import { eventOutput, vodEventOf } from '../event';
import { isSelected } from '../webhook';
import type { TextFetch } from './certificateCache';
import { smnMessageOf, type SmnMessage } from './message';
import { readSmnSettings, type SmnSettings } from './settings';
import { smnFormRefusalOf, smnSignatureRefusalOf } from './verification';

/** SMN waits 5 s for the answer (huawei.md §6.4); a fetch gets a part of that. */
const SMN_FETCH_TIMEOUT_MS = 2_000;

/** What the SMN mode needs beyond the pipeline's context: n8n's HTTP client. */
export interface SmnWebhookContext extends WebhookContext {
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

const CONFIRMATION_FAILED: Refusal = {
	status: 502,
	message: 'Bad Gateway: the subscription could not be confirmed at subscribe_url',
};

/** A GET without redirects (an allowed host must not send the trigger elsewhere). */
function textFetch(context: SmnWebhookContext): TextFetch {
	return async (url) => {
		const body = await context.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'text',
			json: false,
			disableFollowRedirect: true,
			timeout: SMN_FETCH_TIMEOUT_MS,
		});
		if (typeof body === 'string') return body;
		return Buffer.isBuffer(body) ? body.toString('utf8') : '';
	};
}

async function verify(
	context: SmnWebhookContext,
	settings: SmnSettings,
): Promise<Refusal | undefined> {
	const request = context.getRequestObject();
	const form = smnFormRefusalOf(parseEventBody(request.rawBody, request.body), request, settings);
	if ('status' in form) return form;
	return await smnSignatureRefusalOf(form, textFetch(context), Date.now());
}

/** Visiting subscribe_url is how SMN learns the endpoint wants the topic's messages. */
async function confirmSubscription(
	context: SmnWebhookContext,
	message: SmnMessage,
): Promise<IWebhookResponseData> {
	try {
		await textFetch(context)(message.subscribe_url ?? '');
	} catch {
		return refuse(context, CONFIRMATION_FAILED);
	}
	return { webhookResponse: 'Subscription confirmed' };
}

/** Handshakes start nothing: a confirmation is confirmed, an unsubscribe notice only answered. */
async function answerHandshake(
	context: SmnWebhookContext,
	body: IDataObject,
): Promise<IWebhookResponseData | undefined> {
	const reading = smnMessageOf(body);
	if (!reading.ok || reading.message.type === 'Notification') return undefined;
	if (reading.message.type === 'UnsubscribeConfirmation') {
		return { webhookResponse: 'Unsubscribe confirmation received' };
	}
	return await confirmSubscription(context, reading.message);
}

function smnPipeline(context: SmnWebhookContext): WebhookPipeline<SmnSettings> {
	return {
		readSettings: readSmnSettings,
		verify: async (_context, settings) => await verify(context, settings),
		answerControl: async (body) => await answerHandshake(context, body),
		unwrap: vodEventOf,
		select: isSelected,
		toOutput: eventOutput,
		signatureHeaders: [],
	};
}

/**
 * One SMN HTTP(S) message through the shared webhook pipeline: verified against SMN's
 * certificate, a subscription confirmed, the VOD event in a notification emitted once.
 */
export async function handleSmnDelivery(this: SmnWebhookContext): Promise<IWebhookResponseData> {
	return await handleWebhook(this, smnPipeline(this));
}
