import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { pollingTriggerProperties } from './trigger/pollingDescription';
import { pollThumbnailTasks } from './trigger/taskPoll';

/**
 * Polling mode of the Huawei Cloud VOD Trigger, as its own node: n8n 2.41 runs `poll()` instead of
 * passing a test webhook's data through when a node has both (see the README).
 */
export class HuaweiCloudVodPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud VOD Polling Trigger',
		name: 'huaweiCloudVodPollingTrigger',
		icon: {
			light: 'file:../../icons/huaweicloud.svg',
			dark: 'file:../../icons/huaweicloud.dark.svg',
		},
		group: ['trigger'],
		version: [1],
		subtitle: '={{"Ended snapshot tasks: " + $parameter["statuses"].join(", ")}}',
		description:
			'Starts the workflow when a Huawei Cloud VOD snapshot task ends (polls asset/tasks; no public URL needed)',
		defaults: { name: 'Huawei Cloud VOD Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties: pollingTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollThumbnailTasks.call(this);
	}
}
