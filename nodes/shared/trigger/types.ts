import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/** What a trigger reads from the express request n8n hands over. */
export interface WebhookRequest {
	headers: Record<string, string | string[] | undefined>;
	/** Set by n8n's raw-body middleware. */
	rawBody?: Buffer;
	body?: unknown;
}

export interface WebhookResponse {
	status(code: number): { send(body: string): unknown; end(): unknown };
}

export interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/** The part of IWebhookFunctions a webhook uses; IWebhookFunctions satisfies it. */
export interface WebhookContext extends ParameterReader {
	getRequestObject(): WebhookRequest;
	getResponseObject(): WebhookResponse;
	/** The endpoint actually served: the test URL while listening for a test event. */
	getWebhookResourceUrl(name: 'default'): string | undefined;
	getWorkflowStaticData(type: 'node'): IDataObject;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getMode(): WorkflowExecuteMode;
	getNode(): INode;
	getWorkflow(): { id?: string };
}

/** The part of IHookFunctions a webhook registration uses; IHookFunctions satisfies it. */
export interface HookContext extends ParameterReader {
	getNodeWebhookUrl(name: 'default'): string | undefined;
	getWorkflowStaticData(type: 'node'): IDataObject;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getMode(): WorkflowExecuteMode;
	getActivationMode(): WorkflowActivateMode;
	getNode(): INode;
}
