/**
 * Typed builders for the JSON `n8n import:workflow` and `n8n import:credentials` read. Every workflow
 * starts with a Manual Trigger (`n8n execute` starts there) and has a fixed id of at most 21 characters.
 */
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeCredentials,
	INodeParameters,
} from 'n8n-workflow';

export const MANUAL_TRIGGER_NAME = 'Start';

export interface WorkflowJson {
	id: string;
	name: string;
	active: false;
	nodes: INode[];
	connections: IConnections;
	settings: { executionOrder: 'v1' };
	pinData: Record<string, never>;
}

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	/** Plain object: import encrypts it with N8N_ENCRYPTION_KEY. */
	data: ICredentialDataDecryptedObject;
}

/** A node of a workflow, before ids and positions are assigned. */
export interface NodeSpec {
	name: string;
	type: string;
	typeVersion: number;
	parameters?: INodeParameters;
	credentials?: INodeCredentials;
	/** Names of the nodes this one takes input from; default: the node before it in the list. */
	after?: string[];
	/** `continueRegularOutput`: the node's error becomes its output item instead of failing the run. */
	onError?: INode['onError'];
	webhookId?: string;
}

const MAX_ID_LENGTH = 21;

/** Ids are letters and digits, at most 21, with at least one digit (`n8n execute-batch --ids` drops others). */
export function assertValidId(id: string): void {
	if (id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9]+$/.test(id) || !/\d/.test(id)) {
		throw new Error(
			`id "${id}" must be 1-${MAX_ID_LENGTH} letters or digits, with at least one digit`,
		);
	}
}

export function credential(
	id: string,
	name: string,
	type: string,
	data: ICredentialDataDecryptedObject,
): CredentialJson {
	assertValidId(id);
	return { id, name, type, data };
}

/** `{ [type]: { id, name } }` for a node's `credentials`. */
export function credentialRef(cred: CredentialJson): INodeCredentials {
	return { [cred.type]: { id: cred.id, name: cred.name } };
}

/**
 * A workflow `Start` (Manual Trigger) → nodes. Each node is connected from the node before it (the first
 * from Start) unless it names its inputs in `after`.
 */
export function manualWorkflow(id: string, name: string, specs: NodeSpec[]): WorkflowJson {
	const trigger: INode = {
		id: `${id}-0`,
		name: MANUAL_TRIGGER_NAME,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return chainWorkflow(id, name, trigger, specs);
}

export const WEBHOOK_TRIGGER_NAME = 'Webhook';

export interface WebhookTriggerSpec {
	/** URL path: the workflow answers at `<baseUrl>/webhook/<path>` once published and n8n started. */
	path: string;
	httpMethod?: 'GET' | 'POST';
	/** `lastNode`: the HTTP response is the last node's first item. */
	responseMode?: 'onReceived' | 'lastNode';
}

/** A UUID derived from a workflow id, for a webhook node's fixed `webhookId`. */
function uuidFor(id: string): string {
	const hex = Buffer.from(id.padEnd(16, '0').slice(0, 16), 'utf8').toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A workflow `Webhook` (n8n's Webhook node, v2) → nodes, for tests against `n8n start`: import it,
 * `publishWorkflow(id)` before `start()`, then call `<baseUrl>/webhook/<path>`.
 */
export function webhookWorkflow(
	id: string,
	name: string,
	webhook: WebhookTriggerSpec,
	specs: NodeSpec[],
): WorkflowJson {
	const trigger: INode = {
		id: `${id}-0`,
		name: WEBHOOK_TRIGGER_NAME,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuidFor(id),
		parameters: {
			httpMethod: webhook.httpMethod ?? 'POST',
			path: webhook.path,
			responseMode: webhook.responseMode ?? 'lastNode',
			options: {},
		},
	};
	return chainWorkflow(id, name, trigger, specs);
}

function chainWorkflow(id: string, name: string, trigger: INode, specs: NodeSpec[]): WorkflowJson {
	assertValidId(id);
	const nodes: INode[] = [trigger];
	const connections: IConnections = {};
	const connect = (from: string, to: string): void => {
		const outputs = (connections[from] ??= { main: [[]] });
		const main = (outputs.main ??= [[]]);
		const first = (main[0] ??= []);
		first.push({ node: to, type: 'main', index: 0 });
	};
	specs.forEach((spec, index) => {
		if (nodes.some((node) => node.name === spec.name))
			throw new Error(`duplicate node name ${spec.name}`);
		const node: INode = {
			id: `${id}-${index + 1}`,
			name: spec.name,
			type: spec.type,
			typeVersion: spec.typeVersion,
			position: [220 * (index + 1), 0],
			parameters: spec.parameters ?? {},
		};
		if (spec.credentials) node.credentials = spec.credentials;
		if (spec.onError) node.onError = spec.onError;
		if (spec.webhookId) node.webhookId = spec.webhookId;
		nodes.push(node);
		const inputs = spec.after ?? [nodes[nodes.length - 2].name];
		for (const input of inputs) connect(input, spec.name);
	});
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** n8n's NoOp node, to prove a workflow runs. */
export function noOpNode(name: string): NodeSpec {
	return { name, type: 'n8n-nodes-base.noOp', typeVersion: 1 };
}

/** Latest HTTP Request node version in n8n 2.41.1 (n8n-nodes-base HttpRequest `defaultVersion`). */
export const HTTP_REQUEST_VERSION = 4.5;

export interface HttpRequestSpec {
	name: string;
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	url: string;
	/** Credential used through "Predefined Credential Type". */
	credential: CredentialJson;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	/** JSON body, sent as `application/json`. */
	jsonBody?: unknown;
	/** Return status code and headers too (`options.response.response.fullResponse`). */
	fullResponse?: boolean;
	/** Keep going on HTTP errors and output the error as the item. */
	continueOnError?: boolean;
}

/** n8n's own HTTP Request node, authenticating with one of our credentials ("Predefined Credential Type"). */
export function httpRequestNode(spec: HttpRequestSpec): NodeSpec {
	const parameters: INodeParameters = {
		method: spec.method ?? 'GET',
		url: spec.url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: spec.credential.type,
		options: spec.fullResponse ? { response: { response: { fullResponse: true } } } : {},
	};
	if (spec.query && Object.keys(spec.query).length > 0) {
		parameters.sendQuery = true;
		parameters.specifyQuery = 'keypair';
		parameters.queryParameters = {
			parameters: Object.entries(spec.query).map(([name, value]) => ({ name, value })),
		};
	}
	if (spec.headers && Object.keys(spec.headers).length > 0) {
		parameters.sendHeaders = true;
		parameters.specifyHeaders = 'keypair';
		parameters.headerParameters = {
			parameters: Object.entries(spec.headers).map(([name, value]) => ({ name, value })),
		};
	}
	if (spec.jsonBody !== undefined) {
		parameters.sendBody = true;
		parameters.contentType = 'json';
		parameters.specifyBody = 'json';
		parameters.jsonBody = JSON.stringify(spec.jsonBody);
	}
	return {
		name: spec.name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		parameters,
		credentials: credentialRef(spec.credential),
		onError: spec.continueOnError ? 'continueRegularOutput' : undefined,
	};
}
