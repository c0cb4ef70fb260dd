import type { MessageCallback } from '../transport/types';
import type { VodEventType } from './eventTypes';

export interface TriggerSettings {
	verifySignature: boolean;
	events: VodEventType[];
	/** The URL VOD calls when it differs from n8n's own (proxy, tunnel); empty when it does not. */
	callbackUrlOverride: string;
	maxAgeSeconds: number;
	registerCallback: boolean;
	appId: string;
	registerDuringTest: boolean;
}

export type MessageCallbackField = keyof MessageCallback;

/** The three VOD actions registration needs, so the logic can run against any transport. */
export interface MessageCallbackApi {
	get(appId: string): Promise<MessageCallback | undefined>;
	set(setting: MessageCallback & { AppId: string }): Promise<void>;
	delete(appId: string): Promise<void>;
}
