/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Runs a webhook trigger's real methods inside n8n-core's own HookContext and WebhookContext, with a
 * real Workflow (so static data is n8n's observable object) and an HTTP listener standing in for
 * n8n's webhook server. Credentials go through their real `authenticate`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { readBody } from './httpMessage';
import { InMemoryCredentialsHelper, additionalDataFor, loadN8nCore } from './inProcessN8n';
import { listenOnLoopback, stopServer } from './loopbackServer';

const WEBHOOK_ID = '9b1f3c2e-5d4a-4e6b-8c7d-0a1b2c3d4e5f';

export interface Received {
	status: number;
	body: string;
	result?: IWebhookResponseData;
}

export interface TriggerHarness {
	readonly baseUrl: string;
	readonly productionUrl: string;
	readonly testUrl: string;
	readonly received: Received[];
	/** Items of every execution the webhook started, in order. */
	readonly executions: IDataObject[][];
	/** n8n's activation: checkExists, then create when it said false. */
	activate(options?: { test?: boolean }): Promise<void>;
	deactivate(options?: { test?: boolean }): Promise<void>;
	checkExists(options?: { test?: boolean }): Promise<boolean>;
	/** The node's static data as n8n saved it to its database (what the next delivery loads). */
	savedNodeStaticData(): IDataObject;
	/** The node's static data as the last delivery or hook left it, saved or not. */
	lastNodeStaticData(): IDataObject;
	close(): Promise<void>;
}

export interface WebhookTriggerInput {
	/** A trigger with `webhook()` and `webhookMethods.default`. */
	nodeType: INodeType;
	/** Its package-qualified type name, e.g. `n8n-nodes-video-snapshots.aliyunVodTrigger`. */
	typeName: string;
	parameters: INodeParameters;
	credentialTypes: Record<string, ICredentialType>;
	/** Decrypted credential data by credential type name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/** A credential reference for each credential type given, as a saved node holds them. */
export function credentialRefs(
	credentialTypes: Record<string, ICredentialType>,
): INode['credentials'] {
	return Object.fromEntries(
		Object.keys(credentialTypes).map((name) => [
			name,
			{ id: `${name}-id`, name: `${name} (test)` },
		]),
	);
}

/**
 * Whether n8n 2.41.1 saves static data after this answer of a production webhook. It saves in its
 * response callback (webhooks/live-webhooks.js). A webhook that starts nothing, or that answered
 * itself (noWebhookResponse), gets that callback before the run; one that leaves the answer to n8n
 * gets it after WorkflowRunner.run wrapped the same static data in a new Workflow, whose
 * ObservableObject cleared the changed mark (webhooks/webhook-helpers.js), so nothing is saved.
 */
function savesStaticData(result: IWebhookResponseData): boolean {
	return result.workflowData === undefined || result.noWebhookResponse === true;
}

/** Starts the webhook server and returns n8n's activation steps for the trigger. */
export async function startWebhookTrigger({
	nodeType,
	typeName,
	parameters,
	credentialTypes,
	credentials,
}: WebhookTriggerInput): Promise<TriggerHarness> {
	const core = await loadN8nCore();
	const methods = nodeType.webhookMethods?.default;
	const webhook = nodeType.webhook;
	if (methods === undefined || webhook === undefined)
		throw new Error('the node is no webhook trigger');
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (webhookDescription === undefined) throw new Error('the trigger declares no webhook');
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters,
		credentials: credentialRefs(credentialTypes),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
		getKnownTypes: () => ({}),
	};
	// n8n's database row: every delivery and activation loads the workflow (and its static data) from
	// it afresh, and n8n writes static data back only when it saves (see savesStaticData).
	let storedStaticData: IDataObject = {};
	const workflowId = `trigger-workflow-${randomUUID()}`;
	let lastWorkflow: Workflow | undefined;
	const loadWorkflow = () =>
		(lastWorkflow = new Workflow({
			id: workflowId,
			name: 'Trigger',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: structuredClone(storedStaticData),
			settings: { executionOrder: 'v1' },
		}));
	const saveStaticData = (workflow: Workflow) => {
		if (workflow.staticData.__dataChanged !== true) return;
		storedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	};
	const credentialsHelper = new InMemoryCredentialsHelper(credentialTypes, credentials);

	const received: Received[] = [];
	const executions: IDataObject[][] = [];
	let baseUrl = '';
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Trigger',
		active: true,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const additionalData = (): IWorkflowExecuteAdditionalData =>
		additionalDataFor({
			core,
			credentialsHelper,
			hooks: new core.ExecutionLifecycleHooks('trigger', 'hook', workflowData),
			baseUrl,
		});
	const webhookData = (data: IWorkflowExecuteAdditionalData, isTest: boolean): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: `${WEBHOOK_ID}/webhook`,
		webhookDescription,
		workflowId,
		workflowExecuteAdditionalData: data,
		webhookId: WEBHOOK_ID,
		isTest,
	});
	const hook = (
		workflow: Workflow,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
		isTest: boolean,
	) => {
		const data = additionalData();
		return new core.HookContext(workflow, node, data, mode, activation, webhookData(data, isTest));
	};

	const serve = async (message: IncomingMessage, response: ServerResponse) => {
		const rawBody = await readBody(message);
		const isTest = (message.url ?? '').startsWith('/webhook-test/');
		const reply = (status: number, body: string, result?: IWebhookResponseData) => {
			received.push({ status, body, result });
			response.statusCode = status;
			response.end(body);
		};
		const data = additionalData();
		data.httpRequest = { headers: message.headers, rawBody, body: undefined };
		data.httpResponse = {
			status: (code: number) => ({
				send: (body: string) => reply(code, body),
				end: () => reply(code, ''),
			}),
		};
		const workflow = loadWorkflow();
		const context = new core.WebhookContext(
			workflow,
			node,
			data,
			isTest ? 'manual' : 'webhook',
			webhookData(data, isTest),
			[],
			null,
		);
		try {
			const result = await webhook.call(context);
			if (!isTest && savesStaticData(result)) saveStaticData(workflow);
			if (result.workflowData) executions.push(result.workflowData[0].map((item) => item.json));
			if (result.noWebhookResponse !== true) {
				const body =
					result.webhookResponse === undefined
						? 'Workflow was started'
						: String(result.webhookResponse);
				reply(200, body, result);
			}
		} catch (error) {
			reply(500, error instanceof Error ? error.message : String(error));
		}
	};
	const server: Server = createServer((message, response) => {
		void serve(message, response);
	});
	baseUrl = await listenOnLoopback(server);

	// n8n saves static data after it activated or deactivated a workflow's webhooks.
	const withHook = async <T>(
		test: boolean | undefined,
		step: (context: ReturnType<typeof hook>) => Promise<T>,
		mode: WorkflowExecuteMode = test === true ? 'manual' : 'trigger',
		activation: WorkflowActivateMode = test === true ? 'manual' : 'activate',
	): Promise<T> => {
		const workflow = loadWorkflow();
		const result = await step(hook(workflow, mode, activation, test === true));
		saveStaticData(workflow);
		return result;
	};
	return {
		baseUrl,
		productionUrl: `${baseUrl}/webhook/${WEBHOOK_ID}/webhook`,
		testUrl: `${baseUrl}/webhook-test/${WEBHOOK_ID}/webhook`,
		received,
		executions,
		async checkExists(options = {}) {
			return await withHook(options.test, async (context) => await methods.checkExists.call(context));
		},
		async activate(options = {}) {
			await withHook(options.test, async (context) => {
				if (!(await methods.checkExists.call(context))) await methods.create.call(context);
			});
		},
		async deactivate(options = {}) {
			// n8n removes test webhooks with mode internal / activation update, on the test URL.
			await withHook(
				options.test,
				async (context) => await methods.delete.call(context),
				options.test === true ? 'internal' : 'trigger',
				options.test === true ? 'update' : 'activate',
			);
		},
		lastNodeStaticData: () => lastWorkflow?.getStaticData('node', node) ?? {},
		savedNodeStaticData: () => {
			const saved = storedStaticData[`node:${node.name}`];
			return typeof saved === 'object' && saved !== null && !Array.isArray(saved)
				? (saved as IDataObject)
				: {};
		},
		async close() {
			await stopServer(server);
		},
	};
}
