/** The Huawei VOD trigger behind the n8n-like webhook server, and signed MFS deliveries to it. */
import { createHmac } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { HuaweiCloudVodCallbackApi } from '../../../credentials/HuaweiCloudVodCallbackApi.credentials';
import { HuaweiCloudVodTrigger } from '../../../nodes/HuaweiCloudVod/HuaweiCloudVodTrigger.node';
import { startWebhookTrigger } from '../../support/webhookTrigger';
import type { TriggerHarness } from '../../support/webhookTrigger';

export async function startMfsTrigger(
	parameters: INodeParameters,
	keys: { authKey: string; previousAuthKey?: string },
): Promise<TriggerHarness> {
	return await startWebhookTrigger({
		nodeType: new HuaweiCloudVodTrigger(),
		typeName: 'n8n-nodes-video-snapshots.huaweiCloudVodTrigger',
		parameters,
		credentialTypes: { huaweiCloudVodCallbackApi: new HuaweiCloudVodCallbackApi() },
		credentials: {
			huaweiCloudVodCallbackApi: {
				authKey: keys.authKey,
				previousAuthKey: keys.previousAuthKey ?? '',
			},
		},
	});
}

/** hex HMAC-SHA256(key, `VOD_<timestamp>_<message>`), computed here by hand (huawei.md §6.4). */
export function authSign(key: string, timestamp: string, message: string): string {
	return createHmac('sha256', key).update(`VOD_${timestamp}_${message}`, 'utf8').digest('hex');
}

export interface Delivery {
	body: string;
	headers: Record<string, string>;
}

/** An MFS delivery: the envelope `{"message": "<event JSON>"}` signed over the message. */
export function signedEnvelope(event: object, key: string, timestamp: string): Delivery {
	const message = JSON.stringify(event);
	return {
		body: JSON.stringify({ message }),
		headers: {
			'content-type': 'application/json',
			auth_timestamp: timestamp,
			auth_sign: authSign(key, timestamp, message),
		},
	};
}

export async function post(url: string, delivery: Delivery): Promise<number> {
	const response = await request(url, {
		method: 'POST',
		headers: delivery.headers,
		body: delivery.body,
	});
	await response.body.dump();
	return response.statusCode;
}

export function nowSeconds(): string {
	return String(Math.floor(Date.now() / 1000));
}
