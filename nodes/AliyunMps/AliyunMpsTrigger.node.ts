import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { pollMnsQueue } from './trigger/mnsQueuePoll';
import { pollQueryJobs } from './trigger/queryJobsPoll';
import { triggerProperties } from './trigger/description';

export class AliyunMpsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud MPS Trigger',
		name: 'aliyunMpsTrigger',
		icon: { light: 'file:../../icons/aliyunMps.svg', dark: 'file:../../icons/aliyunMps.dark.svg' },
		group: ['trigger'],
		version: [1],
		subtitle: '={{"Finished snapshot jobs: " + $parameter["mode"]}}',
		// n8n shows this text on the entry it merges with the Alibaba Cloud MPS node, so it starts with
		// that node's own description.
		description:
			'Submit and query snapshot jobs (query jobs) in Alibaba Cloud ApsaraVideo Media Processing, with images from OSS, and start a workflow when a snapshot job finishes (MNS queue messages or query jobs by polling)',
		defaults: { name: 'Alibaba Cloud MPS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'aliyunApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const mode = this.getNodeParameter('mode', 'queryJobs');
		return mode === 'mnsQueue' ? await pollMnsQueue.call(this) : await pollQueryJobs.call(this);
	}
}
