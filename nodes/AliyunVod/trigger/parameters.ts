import { isRecord } from '../../../credentials/common/json';
import { httpUrlProblem } from '../../shared/actions';
import type { ParameterReader } from '../../shared/trigger';
import { MAX_CALLBACK_URL_BYTES } from '../transport';
import { DEFAULT_EVENT_TYPES, isVodEventType } from './eventTypes';
import type { TriggerSettings } from './types';

export const DEFAULT_APP_ID = 'app-1000000';
export const DEFAULT_MAX_AGE_SECONDS = 300;
export const CALLBACK_URL_OPTION_LABEL = 'Callback URL as Configured in VOD';

export function readSettings(context: ParameterReader): TriggerSettings {
	const options = context.getNodeParameter('options', {});
	const option = (name: string): unknown => (isRecord(options) ? options[name] : undefined);
	const events = context.getNodeParameter('events', DEFAULT_EVENT_TYPES);
	const maxAge = Number(option('maxAgeSeconds') ?? DEFAULT_MAX_AGE_SECONDS);
	const appId = context.getNodeParameter('appId', DEFAULT_APP_ID);
	const callbackUrl = option('callbackUrl');
	return {
		verifySignature: context.getNodeParameter('verifySignature', true) !== false,
		events: Array.isArray(events) ? events.filter(isVodEventType) : [],
		callbackUrlOverride: typeof callbackUrl === 'string' ? callbackUrl.trim() : '',
		maxAgeSeconds: Number.isFinite(maxAge) && maxAge > 0 ? maxAge : DEFAULT_MAX_AGE_SECONDS,
		registerCallback: context.getNodeParameter('registerCallback', false) === true,
		appId: typeof appId === 'string' && appId.trim() !== '' ? appId.trim() : DEFAULT_APP_ID,
		registerDuringTest: context.getNodeParameter('registerDuringTest', false) === true,
	};
}

/** Why the configured callback URL cannot be what VOD calls and signs, or undefined (none set is fine). */
export function callbackUrlOverrideProblem(settings: TriggerSettings): string | undefined {
	return settings.callbackUrlOverride === ''
		? undefined
		: httpUrlProblem(
				CALLBACK_URL_OPTION_LABEL,
				settings.callbackUrlOverride,
				MAX_CALLBACK_URL_BYTES,
			);
}
