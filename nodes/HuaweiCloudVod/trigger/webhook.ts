import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import { handleWebhook } from '../../shared/trigger';
import type { Refusal, WebhookContext, WebhookPipeline } from '../../shared/trigger';
import { eventOutput, vodEventOf } from './event';
import {
	CALLBACK_CREDENTIAL,
	callbackKeys,
	readSettings,
	type TriggerSettings,
} from './parameters';
import { MFS_SIGNATURE_HEADERS, mfsRefusalOf } from './verification';

async function verify(
	context: WebhookContext,
	settings: TriggerSettings,
): Promise<Refusal | undefined> {
	const keys = callbackKeys(await context.getCredentials(CALLBACK_CREDENTIAL));
	return mfsRefusalOf({
		request: context.getRequestObject(),
		keys,
		nowMs: Date.now(),
		maxAgeSeconds: settings.maxAgeSeconds,
	});
}

function isSelected(body: IDataObject, settings: TriggerSettings): boolean {
	const eventType = vodEventOf(body).event_type;
	return settings.events.some((selected) => selected === eventType);
}

const mfsPipeline: WebhookPipeline<TriggerSettings> = {
	readSettings,
	verify,
	select: isSelected,
	toOutput: eventOutput,
	signatureHeaders: MFS_SIGNATURE_HEADERS,
};

/** One MFS notification through the shared webhook pipeline. */
export async function handleMfsCallback(this: WebhookContext): Promise<IWebhookResponseData> {
	return await handleWebhook(this, mfsPipeline);
}
