/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Runs workflows in-process with n8n-core's real WorkflowExecute (no DB, no server), as in
 * /work/shared/specs/n8n-e2e.md step 7. Nodes call the real httpRequestWithAuthentication, which
 * goes through the credentialsHelper below and therefore through the credential's own authenticate.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsEncrypted,
	IConnections,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export interface RunWorkflowInput {
	nodes: INode[];
	connections: IConnections;
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: Record<string, ICredentialType>;
	/** Decrypted credential data by credential type name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Name of the node to start from; defaults to the first node. */
	startNode?: string;
	/** Items fed to the start node; defaults to one empty item, like a manual trigger. */
	inputItems?: INodeExecutionData[];
}

/** A run in progress: `cancel()` fires the execution cancel signal nodes see. */
export interface RunningWorkflow {
	result: Promise<IRun>;
	cancel: () => void;
}

type NodeCredentialRefs = NonNullable<INode['credentials']>;

/** n8n-core creates `<N8N_USER_FOLDER>/.n8n/config` on import: keep it out of $HOME. */
function ensureUserFolder(): void {
	if (
		process.env.N8N_USER_FOLDER === undefined ||
		!process.env.N8N_USER_FOLDER.includes('n8n-inproc-')
	) {
		process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-inproc-'));
	}
}

type N8nCore = typeof import('n8n-core');
type Di = typeof import('@n8n/di');
let corePromise: Promise<N8nCore> | undefined;

/**
 * Node errors are already in the IRun; n8n's error reporter would also print each one with its
 * stack (our NodeApiError comes from n8n-workflow's ESM build, which fails core's CJS instanceof
 * check for "warning" errors). n8n-core has its own copy of @n8n/di, so resolve it from there.
 */
function silenceErrorReporter(core: N8nCore): void {
	const requireFromCore = createRequire(createRequire(import.meta.url).resolve('n8n-core'));
	const { Container } = requireFromCore('@n8n/di') as Di;
	const reporter = Container.get(core.ErrorReporter);
	reporter.error = () => undefined;
}

export async function loadN8nCore(): Promise<N8nCore> {
	ensureUserFolder();
	corePromise ??= import('n8n-core').then((core) => {
		silenceErrorReporter(core);
		return core;
	});
	return await corePromise;
}

class PlainCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private plain: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.plain };
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.plain) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.plain = { ...data };
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const next: ICredentialDataDecryptedObject = { ...this.plain };
		for (const [key, value] of Object.entries(toUpdate)) {
			if (value !== undefined) next[key] = value;
		}
		for (const key of toDelete) delete next[key];
		this.plain = next;
	}
}

/** Every method of ICredentialsHelper, backed by plain in-memory data keyed by credential type. */
export class InMemoryCredentialsHelper extends ICredentialsHelper {
	/** Every write n8n made back (preAuthentication tokens, OAuth data), in order. */
	readonly updates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly store: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	private data(name: string): ICredentialDataDecryptedObject {
		const data = this.store[name];
		if (!data) throw new Error(`No credentials of type "${name}" were given to the harness`);
		return data;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types[credentialType];
		if (type?.restrictToSupportedNodes !== true) return true;
		return type.supportedNodes?.includes(nodeType) ?? false;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.type(typeName).authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate.call(
				this.type(typeName),
				credentials,
				requestOptions as IHttpRequestOptions,
			);
		}
		if (authenticate !== undefined) {
			throw new Error('The harness supports function authenticate only');
		}
		return requestOptions as IHttpRequestOptions;
	}

	private expirableProperty(type: ICredentialType): INodeProperties | undefined {
		return type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
	}

	/** As n8n's CredentialsHelper: only with a hidden expirable property that is empty or expired. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = this.expirableProperty(type);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = Object.assign(credentials, output);
		const details = node.credentials?.[typeName];
		if (details) await this.updateCredentials(details, typeName, updated);
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const preAuthentication = this.type(typeName).preAuthentication;
		if (typeof preAuthentication !== 'function') return undefined;
		const output: IDataObject = await preAuthentication.call(helpers, credentials);
		return Object.assign({ ...credentials }, output);
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new PlainCredentials(details, type, this.data(type));
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data(type) };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
		this.updates.push({ type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(details, type, { ...this.data(type), ...data });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const own = this.type(type).properties;
		const inherited = (this.types[type].extends ?? []).flatMap((parent) =>
			this.types[parent] ? this.getCredentialsProperties(parent) : [],
		);
		return [...inherited, ...own];
	}
}

function nodeTypesOf(types: Record<string, INodeType | IVersionedNodeType>): INodeTypes {
	const find = (name: string): INodeType | IVersionedNodeType => {
		const type = types[name];
		if (!type) throw new Error(`Unknown node type "${name}"`);
		return type;
	};
	return {
		getByName: find,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(find(name), version),
		getKnownTypes: () => ({}),
	};
}

/** Gives each node a reference to every credential type its description declares, if it has none. */
function withCredentialRefs(node: INode, nodeTypes: INodeTypes): INode {
	if (node.credentials !== undefined) return node;
	const description = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	const refs: NodeCredentialRefs = {};
	for (const credential of description.credentials ?? []) {
		refs[credential.name] = { id: `${credential.name}-id`, name: `${credential.name} (test)` };
	}
	return Object.keys(refs).length === 0 ? node : { ...node, credentials: refs };
}

function notAvailable(what: string): () => never {
	return () => {
		throw new Error(`${what} is not available in the in-process harness`);
	};
}

export interface AdditionalDataInput {
	core: N8nCore;
	credentialsHelper: ICredentialsHelper;
	hooks: ExecutionLifecycleHooks;
	executionId?: string;
	/** Where n8n would listen: the REST, form and webhook URLs nodes see start here. */
	baseUrl?: string;
}

/** What n8n hands node contexts for a run: no database, sub-workflows or task runners behind it. */
export function additionalDataFor({
	core,
	credentialsHelper,
	hooks,
	executionId,
	baseUrl = 'http://127.0.0.1:5678',
}: AdditionalDataInput): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: baseUrl,
		formBaseUrl: `${baseUrl}/form`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		formTestBaseUrl: `${baseUrl}/form-test`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		mcpBaseUrl: `${baseUrl}/mcp`,
		mcpTestBaseUrl: `${baseUrl}/mcp-test`,
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
		externalSecretsProxy: new core.ExternalSecretsProxy(),
	};
}

let executionCounter = 0;

/** Starts a workflow run; the returned `cancel` aborts it like the UI's stop button. */
export async function startWorkflow(
	input: RunWorkflowInput,
): Promise<RunningWorkflow & { credentialsHelper: InMemoryCredentialsHelper }> {
	const core = await loadN8nCore();
	const nodeTypes = nodeTypesOf(input.nodeTypes);
	const nodes = input.nodes.map((node) => withCredentialRefs(node, nodeTypes));
	const workflowData: IWorkflowBase = {
		id: 'in-process',
		name: 'in-process',
		active: false,
		isArchived: false,
		nodes,
		connections: input.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections: input.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const startName = input.startNode ?? nodes[0].name;
	const startNode = workflow.getNode(startName);
	if (!startNode) throw new Error(`Start node "${startName}" not found`);

	const executionId = String(++executionCounter);
	const hooks = new core.ExecutionLifecycleHooks('manual', executionId, workflowData);
	let resolveRun: (run: IRun) => void = () => undefined;
	const captured = new Promise<IRun>((resolve) => {
		resolveRun = resolve;
	});
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const credentialsHelper = new InMemoryCredentialsHelper(input.credentialTypes, {
		...input.credentials,
	});
	const additionalData = additionalDataFor({ core, credentialsHelper, hooks, executionId });
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: startNode, data: { main: [input.inputItems ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const execute: WorkflowExecute = new core.WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	);
	const running = execute.processRunExecutionData(workflow);
	const result = Promise.all([running, captured]).then(([, run]) => run);
	return { result, cancel: () => running.cancel(), credentialsHelper };
}

export async function runWorkflow(input: RunWorkflowInput): Promise<IRun> {
	const running = await startWorkflow(input);
	return await running.result;
}

/** The items a node emitted on one output of one run. */
export function nodeOutput(
	run: IRun,
	nodeName: string,
	outputIndex = 0,
	runIndex = 0,
): INodeExecutionData[] {
	const task = run.data.resultData.runData[nodeName]?.[runIndex];
	if (!task) throw new Error(`Node "${nodeName}" did not run (run ${runIndex})`);
	return task.data?.main?.[outputIndex] ?? [];
}

export function nodeOutputJson(
	run: IRun,
	nodeName: string,
	outputIndex = 0,
	runIndex = 0,
): IDataObject[] {
	return nodeOutput(run, nodeName, outputIndex, runIndex).map((item) => item.json);
}

/** The error a node failed with, if it failed. */
export function nodeError(run: IRun, nodeName: string, runIndex = 0): unknown {
	return run.data.resultData.runData[nodeName]?.[runIndex]?.error;
}

export interface SingleNodeInput {
	nodeType: INodeType | IVersionedNodeType;
	parameters: INode['parameters'];
	credentialTypes?: Record<string, ICredentialType>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	inputItems?: INodeExecutionData[];
	typeVersion?: number;
	/** The node's name in the run data; NODE_UNDER_TEST unless given. */
	name?: string;
	/** Node settings such as `continueOnFail: true` or `onError`. */
	settings?: Partial<
		Pick<
			INode,
			'continueOnFail' | 'onError' | 'alwaysOutputData' | 'retryOnFail' | 'waitBetweenTries'
		>
	>;
}

export interface SingleNodeResult {
	run: IRun;
	/** Items on output 0 (empty when the node failed). */
	items: INodeExecutionData[];
	error: unknown;
}

const NODE_UNDER_TEST = 'Node under test';

function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	return Math.max(...[nodeType.description.version].flat());
}

const FEEDER = 'Input items';

/**
 * The node that hands the node under test its input items, as a preceding node would: n8n then
 * knows each item's source, which pairedItem lookups and the error output's merge need.
 */
function feederNode(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: FEEDER,
			name: 'inputItems',
			group: ['input'],
			version: 1,
			description: 'Emits the input items of the node under test',
			defaults: { name: FEEDER },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(): Promise<INodeExecutionData[][]> {
			return [items.map((item) => ({ ...item, pairedItem: { item: 0 } }))];
		},
	};
}

/** Starts one node on the given items; `cancel()` stops it like the UI's stop button. */
export async function startSingleNode(input: SingleNodeInput): Promise<RunningWorkflow> {
	const typeName = 'nodeUnderTest';
	const name = input.name ?? NODE_UNDER_TEST;
	const underTest: INode = {
		id: 'node-under-test',
		name,
		type: typeName,
		typeVersion: input.typeVersion ?? latestVersion(input.nodeType),
		position: [200, 0],
		parameters: input.parameters,
		...input.settings,
	};
	const feeder: INode = {
		id: 'input-items',
		name: FEEDER,
		type: 'inputItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return await startWorkflow({
		nodes: [feeder, underTest],
		connections: {
			[FEEDER]: { main: [[{ node: name, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		nodeTypes: {
			inputItems: feederNode(input.inputItems ?? [{ json: {} }]),
			[typeName]: input.nodeType,
		},
		credentialTypes: input.credentialTypes ?? {},
		credentials: input.credentials ?? {},
	});
}

/** Runs one node on the given items: the quickest way to test an operation end to end. */
export async function runSingleNode(input: SingleNodeInput): Promise<SingleNodeResult> {
	const run = await (await startSingleNode(input)).result;
	const task = run.data.resultData.runData[input.name ?? NODE_UNDER_TEST]?.[0];
	return { run, items: task?.data?.main?.[0] ?? [], error: task?.error };
}
