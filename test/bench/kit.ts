/** One node of this package run in n8n-core's WorkflowExecute, as the bench cases run it. */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { nodeOutput, runWorkflow } from '../support/inProcessN8n';

/** One node of this package with its credential, as n8n registers them. */
export interface BenchNode {
	/** The node's name in the workflow (and in error messages). */
	name: string;
	type: string;
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
}

/** Runs the node once over `items`; its output, or an error naming why it failed. */
export async function runNode(
	node: BenchNode,
	parameters: INodeParameters,
	items: IDataObject[],
): Promise<INodeExecutionData[]> {
	const run = await runWorkflow({
		nodes: [
			{
				id: 'bench',
				name: node.name,
				type: node.type,
				typeVersion: 1,
				position: [0, 0],
				parameters,
			},
		],
		connections: {},
		nodeTypes: { [node.type]: node.nodeType },
		credentialTypes: { [node.credentialType.name]: node.credentialType },
		credentials: { [node.credentialType.name]: node.credentials },
		inputItems: items.map((json): INodeExecutionData => ({ json })),
	});
	const error = run.data.resultData.runData[node.name]?.[0]?.error;
	if (error) throw new Error(`the node failed: ${error.message}`);
	return nodeOutput(run, node.name);
}
