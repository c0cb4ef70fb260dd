import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

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
		description:
			'Starts the workflow when an Alibaba Cloud MPS snapshot job finishes (query jobs by polling)',
		defaults: { name: 'Alibaba Cloud MPS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'aliyunApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollQueryJobs.call(this);
	}
}
