/**
 * The MPS trigger's `poll` as n8n 2.41.1 runs it with durable poll cursors
 * (`trigger-execution-context.factory.js` `__runPoll` / `resolveNodeStaticData`,
 * `poll-trigger-executor.js`): each poll reads and writes a copy of the node's static data, which
 * is committed when the poll returns, with the execution its items start (`commitWithExecution`)
 * or alone when it returns null (`commitStagedCursor`), and dropped when the poll throws. A poll
 * run with `commit: false` is one whose commit did not happen (the poll lost its lease, n8n
 * stopped, the execution could not be prepared): its items start nothing and its static data
 * changes are rolled back to the last committed snapshot.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { AliyunMpsTrigger } from '../../../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { aliyunApiDataFor } from '../../../emulator/accounts';
import {
	InMemoryCredentialsHelper,
	additionalDataFor,
	loadN8nCore,
} from '../../../support/inProcessN8n';
import { triggerWorkflow } from '../../../support/triggerWorkflow';

export interface StagedPollTrigger {
	/**
	 * One active-workflow poll; its items, which with `commit: false` start nothing. `budgetMs` is
	 * n8n's time for the poll (`getPollBudgetMs`; n8n-core's default is 5 minutes).
	 */
	poll(options?: { commit?: boolean; budgetMs?: number }): Promise<INodeExecutionData[]>;
	/** The node's static data as last committed. */
	committed(): IDataObject;
}

export async function stagedMpsTrigger(
	emulatorUrl: string,
	parameters: INodeParameters,
): Promise<StagedPollTrigger> {
	const core = await loadN8nCore();
	const nodeType = new AliyunMpsTrigger();
	const credentialTypes = { aliyunApi: new AliyunApi() };
	const { node, workflow, workflowData } = triggerWorkflow({
		nodeType,
		typeName: 'aliyunMpsTrigger',
		parameters,
		credentialTypes,
	});
	const credentialsHelper = new InMemoryCredentialsHelper(credentialTypes, {
		aliyunApi: aliyunApiDataFor(emulatorUrl),
	});
	let committed: IDataObject = {};
	return {
		async poll({ commit = true, budgetMs = 5 * 60_000 } = {}) {
			const staged = structuredClone(committed);
			const additionalData = additionalDataFor({
				core,
				credentialsHelper,
				hooks: new core.ExecutionLifecycleHooks('trigger', 'poll', workflowData),
			});
			const context = new core.PollContext(
				workflow,
				node,
				additionalData,
				'trigger',
				'activate',
				undefined,
				undefined,
				undefined,
				undefined,
				() => staged,
				() => budgetMs,
			);
			const output = await nodeType.poll.call(context);
			if (commit) committed = staged;
			return output?.[0] ?? [];
		},
		committed: () => structuredClone(committed),
	};
}
