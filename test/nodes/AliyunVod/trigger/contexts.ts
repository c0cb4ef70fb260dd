import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { MessageCallback } from '../../../../nodes/AliyunVod/transport/types';
import type { MessageCallbackApi } from '../../../../nodes/AliyunVod/trigger/types';
import type {
	WebhookRequest as CallbackRequest,
	HookContext as VodHookContext,
	WebhookContext as VodWebhookContext,
} from '../../../../nodes/shared/trigger';

export const WEBHOOK_URL =
	'https://n8n.example.com/webhook/4d2c7e1a-0b5f-4c55-9a1e-6f3b2a1c9d10/webhook';
export const TEST_WEBHOOK_URL =
	'https://n8n.example.com/webhook-test/4d2c7e1a-0b5f-4c55-9a1e-6f3b2a1c9d10/webhook';

const NODE: INode = {
	id: 'trigger-node',
	name: 'Alibaba Cloud VOD Trigger',
	type: 'n8n-nodes-video-snapshots.aliyunVodTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function parameterReader(parameters: IDataObject) {
	return (name: string, fallback?: unknown): unknown => parameters[name] ?? fallback;
}

function credentialStore(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	reads: string[],
) {
	return async (type: string): Promise<ICredentialDataDecryptedObject> => {
		reads.push(type);
		const data = credentials[type];
		if (data === undefined) throw new Error(`Node does not have credentials of type "${type}"`);
		return data;
	};
}

export interface CapturedResponse {
	status?: number;
	body?: string;
}

export interface WebhookContextOptions {
	headers: Record<string, string | undefined>;
	body: string;
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	mode?: WorkflowExecuteMode;
	/** The endpoint the request arrived on (test or production URL). */
	resourceUrl?: string;
	staticData?: IDataObject;
}

/** A VodWebhookContext (the IWebhookFunctions subset the trigger uses) over one request. */
export function webhookContext(options: WebhookContextOptions) {
	const response: CapturedResponse = {};
	const staticData = options.staticData ?? {};
	const credentialReads: string[] = [];
	const request: CallbackRequest = {
		headers: Object.fromEntries(
			Object.entries(options.headers).map(([name, value]) => [name.toLowerCase(), value]),
		),
		rawBody: Buffer.from(options.body, 'utf8'),
	};
	const context: VodWebhookContext = {
		getNodeParameter: parameterReader(options.parameters ?? {}),
		getRequestObject: () => request,
		getResponseObject: () => ({
			status(code: number) {
				response.status = code;
				return {
					send(body: string) {
						response.body = body;
						return undefined;
					},
				};
			},
		}),
		getWebhookResourceUrl: () => options.resourceUrl ?? WEBHOOK_URL,
		getWorkflowStaticData: () => staticData,
		getCredentials: credentialStore(options.credentials ?? {}, credentialReads),
		getMode: () => options.mode ?? 'webhook',
		getNode: () => NODE,
	};
	return { context, response, staticData, credentialReads };
}

export interface HookContextOptions {
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	webhookUrl?: string;
	mode?: WorkflowExecuteMode;
	activation?: WorkflowActivateMode;
	staticData: IDataObject;
}

/** A VodHookContext (the IHookFunctions subset registration uses). */
export function hookContext(options: HookContextOptions): VodHookContext {
	return {
		getNodeParameter: parameterReader(options.parameters ?? {}),
		getNodeWebhookUrl: () => options.webhookUrl ?? WEBHOOK_URL,
		getWorkflowStaticData: () => options.staticData,
		getCredentials: credentialStore(options.credentials ?? {}, []),
		getMode: () => options.mode ?? 'trigger',
		getActivationMode: () => options.activation ?? 'activate',
		getNode: () => NODE,
	};
}

export type ApiCall =
	| { action: 'GetMessageCallback'; appId: string }
	| { action: 'SetMessageCallback'; setting: MessageCallback & { AppId: string } }
	| { action: 'DeleteMessageCallback'; appId: string };

/** VOD's callback settings held per AppId, as Get/Set/DeleteMessageCallback document them. */
export class FakeVodCallbacks implements MessageCallbackApi {
	readonly calls: ApiCall[] = [];
	readonly settings = new Map<string, MessageCallback>();

	async get(appId: string): Promise<MessageCallback | undefined> {
		this.calls.push({ action: 'GetMessageCallback', appId });
		const setting = this.settings.get(appId);
		return setting === undefined ? undefined : { ...setting, AppId: appId };
	}

	async set(setting: MessageCallback & { AppId: string }): Promise<void> {
		this.calls.push({ action: 'SetMessageCallback', setting: { ...setting } });
		const { AppId, ...rest } = setting;
		this.settings.set(AppId, rest);
	}

	async delete(appId: string): Promise<void> {
		this.calls.push({ action: 'DeleteMessageCallback', appId });
		this.settings.delete(appId);
	}

	writes(): ApiCall[] {
		return this.calls.filter((call) => call.action !== 'GetMessageCallback');
	}
}
