import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import { VOD_CALLBACK_HEADER } from '../../../credentials/signing/vodCallback';
import { handleWebhook } from '../../shared/trigger';
import type { Refusal, WebhookContext, WebhookPipeline } from '../../shared/trigger';
import { acceptedKeys, CALLBACK_CREDENTIAL, callbackKeysFrom } from './callbackKey';
import { expandSnapshotInfos } from './event';
import { isVodEventType } from './eventTypes';
import { readSettings } from './parameters';
import type { TriggerSettings } from './types';
import { refusalOf } from './verification';

/** The URL VOD signed: the configured override, else the endpoint this request arrived on. */
function signedUrl(context: WebhookContext, settings: TriggerSettings): string {
	return settings.callbackUrlOverride || (context.getWebhookResourceUrl('default') ?? '');
}

async function verificationRefusal(
	context: WebhookContext,
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

const vodPipeline: WebhookPipeline<TriggerSettings> = {
	readSettings,
	verify: verificationRefusal,
	select: isSelected,
	toOutput: expandSnapshotInfos,
	signatureHeaders: [VOD_CALLBACK_HEADER.signature],
};

/** One VOD HTTP callback through the shared webhook pipeline. */
export async function handleVodCallback(this: WebhookContext): Promise<IWebhookResponseData> {
	return await handleWebhook(this, vodPipeline);
}
