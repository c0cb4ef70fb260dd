/**
 * Runs a polling trigger's real `poll` inside n8n-core's own PollContext, with a real Workflow
 * (so node static data is n8n's observable object and survives between polls, as when active).
 * Credentials go through their real `authenticate`.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { InMemoryCredentialsHelper, additionalDataFor, loadN8nCore } from './inProcessN8n';
import { triggerWorkflow } from './triggerWorkflow';

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
	/** The workflow's static data as n8n would save it. */
	savedStaticData(): string;
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
	const { node, workflow, workflowData } = triggerWorkflow({
		nodeType,
		typeName,
		parameters,
		credentialTypes,
	});
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
		savedStaticData: () => JSON.stringify(workflow.staticData),
	};
}
