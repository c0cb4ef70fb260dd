/**
 * The one-node active workflow a polling trigger runs in (pollTrigger.ts): a real Workflow, so
 * static data is n8n's observable object.
 */
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialType,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowBase,
} from 'n8n-workflow';

import { credentialRefs } from './webhookTrigger';

export interface TriggerWorkflow {
	node: INode;
	workflow: Workflow;
	workflowData: IWorkflowBase;
}

export function triggerWorkflow(input: {
	nodeType: INodeType;
	typeName: string;
	parameters: INodeParameters;
	credentialTypes: Record<string, ICredentialType>;
	webhookId?: string;
}): TriggerWorkflow {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: input.typeName,
		typeVersion: 1,
		position: [0, 0],
		...(input.webhookId === undefined ? {} : { webhookId: input.webhookId }),
		parameters: input.parameters,
		credentials: credentialRefs(input.credentialTypes),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => input.nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(input.nodeType, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'trigger-workflow',
		name: 'Trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: 'Trigger',
		active: true,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	return { node, workflow, workflowData };
}
