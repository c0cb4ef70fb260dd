import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ParameterReader } from '../../shared/trigger';
import { DEFAULT_EVENT_TYPES, isVodEventType, type VodEventType } from './eventTypes';

export const CALLBACK_CREDENTIAL = 'huaweiCloudVodCallbackApi';

/** How far auth_timestamp may be from now, either way: VOD delivers within minutes. */
export const DEFAULT_MAX_AGE_SECONDS = 600;

export interface TriggerSettings {
	events: VodEventType[];
	maxAgeSeconds: number;
}

export function readSettings(context: ParameterReader): TriggerSettings {
	const events = context.getNodeParameter('events', DEFAULT_EVENT_TYPES);
	const options = context.getNodeParameter('options', {}) as { maxAgeSeconds?: unknown };
	const maxAge = Number(options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS);
	return {
		events: Array.isArray(events) ? events.filter(isVodEventType) : DEFAULT_EVENT_TYPES,
		maxAgeSeconds: Number.isFinite(maxAge) && maxAge > 0 ? maxAge : DEFAULT_MAX_AGE_SECONDS,
	};
}

/** The current key, then the previous one when set. */
export function callbackKeys(credentials: ICredentialDataDecryptedObject): string[] {
	return [credentials.authKey, credentials.previousAuthKey]
		.map((key) => (typeof key === 'string' ? key : ''))
		.filter((key) => key !== '');
}
