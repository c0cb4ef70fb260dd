import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

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

/** What the trigger reads from the express request n8n hands over. */
export interface CallbackRequest {
	headers: Record<string, string | string[] | undefined>;
	/** Set by n8n's raw-body middleware. */
	rawBody?: Buffer;
	body?: unknown;
}

export interface CallbackResponse {
	status(code: number): { send(body: string): unknown };
}

export interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/** The part of IWebhookFunctions the webhook uses; IWebhookFunctions satisfies it. */
export interface VodWebhookContext extends ParameterReader {
	getRequestObject(): CallbackRequest;
	getResponseObject(): CallbackResponse;
	/** The endpoint actually served: the test URL while listening for a test event. */
	getWebhookResourceUrl(name: 'default'): string | undefined;
	getWorkflowStaticData(type: 'node'): IDataObject;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getMode(): WorkflowExecuteMode;
	getNode(): INode;
}

/** The part of IHookFunctions the registration uses; IHookFunctions satisfies it. */
export interface VodHookContext extends ParameterReader {
	getNodeWebhookUrl(name: 'default'): string | undefined;
	getWorkflowStaticData(type: 'node'): IDataObject;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getMode(): WorkflowExecuteMode;
	getActivationMode(): WorkflowActivateMode;
	getNode(): INode;
}

/** VOD's MessageCallback object (GetMessageCallback); absent fields are omitted. */
export type MessageCallback = {
	CallbackType?: string;
	CallbackURL?: string;
	EventTypeList?: string;
	AuthSwitch?: string;
	AuthKey?: string;
	MnsEndpoint?: string;
	MnsQueueName?: string;
	AppId?: string;
};

export type MessageCallbackField = keyof MessageCallback;

/** The three VOD actions registration needs, so the logic can run against any transport. */
export interface MessageCallbackApi {
	get(appId: string): Promise<MessageCallback | undefined>;
	set(setting: MessageCallback & { AppId: string }): Promise<void>;
	delete(appId: string): Promise<void>;
}
