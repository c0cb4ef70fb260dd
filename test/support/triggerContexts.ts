import { randomUUID } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { HookContext, WebhookContext, WebhookRequest } from '../../nodes/shared/trigger';
import { workflowNode } from './nodeDescription';

export const WEBHOOK_URL =
	'https://n8n.example.com/webhook/4d2c7e1a-0b5f-4c55-9a1e-6f3b2a1c9d10/webhook';
export const TEST_WEBHOOK_URL =
	'https://n8n.example.com/webhook-test/4d2c7e1a-0b5f-4c55-9a1e-6f3b2a1c9d10/webhook';

/**
 * The webhook and hook contexts a trigger's own functions take (the subsets in
 * nodes/shared/trigger/types.ts), over plain values: for tests of one trigger step without n8n.
 */

const TRIGGER_NODE: INode = workflowNode(
	'n8n-nodes-video-snapshots.triggerUnderTest',
	'Trigger under test',
);

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
	/** The workflow the trigger is in; a new one for each context unless given. */
	workflowId?: string;
}

/** A WebhookContext (the IWebhookFunctions subset a trigger uses) over one request. */
export function webhookContext(options: WebhookContextOptions) {
	const response: CapturedResponse = {};
	const staticData = options.staticData ?? {};
	const credentialReads: string[] = [];
	const workflowId = options.workflowId ?? randomUUID();
	const request: WebhookRequest = {
		headers: Object.fromEntries(
			Object.entries(options.headers).map(([name, value]) => [name.toLowerCase(), value]),
		),
		rawBody: Buffer.from(options.body, 'utf8'),
	};
	const context: WebhookContext = {
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
					end() {
						response.body = '';
						return undefined;
					},
				};
			},
		}),
		getWebhookResourceUrl: () => options.resourceUrl ?? WEBHOOK_URL,
		getWorkflowStaticData: () => staticData,
		getCredentials: credentialStore(options.credentials ?? {}, credentialReads),
		getMode: () => options.mode ?? 'webhook',
		getNode: () => TRIGGER_NODE,
		getWorkflow: () => ({ id: workflowId }),
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

/** A HookContext (the IHookFunctions subset webhook registration uses). */
export function hookContext(options: HookContextOptions): HookContext {
	return {
		getNodeParameter: parameterReader(options.parameters ?? {}),
		getNodeWebhookUrl: () => options.webhookUrl ?? WEBHOOK_URL,
		getWorkflowStaticData: () => options.staticData,
		getCredentials: credentialStore(options.credentials ?? {}, []),
		getMode: () => options.mode ?? 'trigger',
		getActivationMode: () => options.activation ?? 'activate',
		getNode: () => TRIGGER_NODE,
	};
}
