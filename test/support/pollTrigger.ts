/**
 * Runs a polling trigger's real `poll` inside n8n-core's own PollContext, with a real Workflow
 * (so node static data is n8n's observable object and survives between polls, as when active).
 * Credentials go through their real `authenticate`.
 */
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { InMemoryCredentialsHelper, additionalDataFor, loadN8nCore } from './inProcessN8n';
import { credentialRefs } from './webhookTrigger';

export interface PollTriggerInput {
	nodeType: INodeType;
	typeName: string;
	parameters: INodeParameters;
	credentialTypes: Record<string, ICredentialType>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

export interface PollTrigger {
	/** One poll as the active workflow runs it (`trigger`), or a "Fetch Test Event" (`manual`). */
	poll(mode?: Extract<WorkflowExecuteMode, 'trigger' | 'manual'>): Promise<INodeExecutionData[]>;
}

export async function pollTrigger({
	nodeType,
	typeName,
	parameters,
	credentialTypes,
	credentials,
}: PollTriggerInput): Promise<PollTrigger> {
	const core = await loadN8nCore();
	if (nodeType.poll === undefined) throw new Error('the node is no polling trigger');
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentialRefs(credentialTypes),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'poll-workflow',
		name: 'Poll',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: 'Poll',
		active: true,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const credentialsHelper = new InMemoryCredentialsHelper(credentialTypes, credentials);
	const poll = nodeType.poll;
	return {
		async poll(mode = 'trigger') {
			const additionalData = additionalDataFor({
				core,
				credentialsHelper,
				hooks: new core.ExecutionLifecycleHooks('trigger', 'poll', workflowData),
			});
			const context = new core.PollContext(workflow, node, additionalData, mode, 'activate');
			const output = await poll.call(context);
			return output?.[0] ?? [];
		},
	};
}
