/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * What every bench file uses: printing, verdicts, one node run in n8n-core's WorkflowExecute, and
 * the emulator's view of the pace. (test/bench/main.ts still has its own copies, from before.)
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import type { RecordedRequest } from '../emulator/core/requestLog';
import { nodeOutput, runWorkflow } from '../support/inProcessN8n';

export function line(text = ''): void {
	process.stdout.write(`${text}\n`);
}

export function verdict(met: boolean): string {
	return met ? 'met' : 'MISSED';
}

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

/** Most requests received within any 1,000 ms (the emulator's sliding window). */
export function densestWindow(requests: RecordedRequest[]): number {
	let densest = 0;
	let start = 0;
	for (let end = 0; end < requests.length; end++) {
		while (requests[end].receivedAt - requests[start].receivedAt >= 1000) start++;
		densest = Math.max(densest, end - start + 1);
	}
	return densest;
}
