import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import { acceptedKeys, CALLBACK_CREDENTIAL, callbackKeysFrom } from './callbackKey';
import { rememberEvent } from './dedupe';
import { eventIdOf, expandSnapshotInfos, parseEventBody, publicHeaders } from './event';
import { isVodEventType } from './eventTypes';
import { readSettings } from './parameters';
import type { TriggerSettings, VodWebhookContext } from './types';
import { MALFORMED_BODY, refusalOf } from './verification';
import type { Refusal } from './verification';

function refuse(context: VodWebhookContext, refusal: Refusal): IWebhookResponseData {
	context.getResponseObject().status(refusal.status).send(refusal.message);
	return { noWebhookResponse: true };
}

/** The URL VOD signed: the configured override, else the endpoint this request arrived on. */
function signedUrl(context: VodWebhookContext, settings: TriggerSettings): string {
	return settings.callbackUrlOverride || (context.getWebhookResourceUrl('default') ?? '');
}

async function verificationRefusal(
	context: VodWebhookContext,
	settings: TriggerSettings,
): Promise<Refusal | undefined> {
	if (!settings.verifySignature) return undefined;
	const keys = acceptedKeys(callbackKeysFrom(await context.getCredentials(CALLBACK_CREDENTIAL)));
	return refusalOf({
		request: context.getRequestObject(),
		callbackUrl: signedUrl(context, settings),
		keys,
		nowSeconds: Math.floor(Date.now() / 1000),
		maxAgeSeconds: settings.maxAgeSeconds,
	});
}

function isSelected(event: IDataObject, settings: TriggerSettings): boolean {
	return isVodEventType(event.EventType) && settings.events.includes(event.EventType);
}

/**
 * Verifies, filters and de-duplicates one VOD callback. It makes no network call, so n8n answers
 * within VOD's 5-second deadline; anything but a refusal is answered 200 so VOD stops retrying.
 */
export async function handleVodCallback(this: VodWebhookContext): Promise<IWebhookResponseData> {
	const settings = readSettings(this);
	const refusal = await verificationRefusal(this, settings);
	if (refusal) return refuse(this, refusal);

	const request = this.getRequestObject();
	const event = parseEventBody(request.rawBody, request.body);
	if (event === undefined) return refuse(this, MALFORMED_BODY);
	if (!isSelected(event, settings)) return { webhookResponse: 'Event type not selected' };

	const eventId = eventIdOf(event);
	// n8n saves static data after production webhooks only; in a test run it would merely stop
	// the user from re-sending the same sample.
	const isTest = this.getMode() === 'manual';
	if (!isTest && !rememberEvent(this.getWorkflowStaticData('node'), eventId)) {
		return { webhookResponse: 'Duplicate delivery ignored' };
	}
	const output: IDataObject = {
		...expandSnapshotInfos(event),
		eventId,
		headers: publicHeaders(request.headers),
	};
	return { workflowData: [[{ json: output }]] };
}
