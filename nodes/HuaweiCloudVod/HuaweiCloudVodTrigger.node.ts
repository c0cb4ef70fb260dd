import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { manualRegistration, testCallbackKey } from './trigger/registration';
import { handleSmnDelivery } from './trigger/smn/webhook';
import { handleMfsCallback } from './trigger/webhook';

export class HuaweiCloudVodTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud VOD Trigger',
		name: 'huaweiCloudVodTrigger',
		icon: {
			light: 'file:../../icons/huaweicloud.svg',
			dark: 'file:../../icons/huaweicloud.dark.svg',
		},
		group: ['trigger'],
		version: [1],
		subtitle: '={{$parameter["events"].join(", ")}}',
		// n8n shows this text on the entry it merges with the Huawei Cloud VOD node, so it starts with
		// that node's own description.
		description:
			'Take video snapshots and read media assets in Huawei Cloud VOD, and start a workflow when VOD sends a notification (MFS or SMN), such as finished snapshots',
		defaults: { name: 'Huawei Cloud VOD Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'huaweiCloudVodCallbackApi',
				required: true,
				testedBy: 'huaweiMfsCallbackKey',
				displayOptions: { show: { mode: ['mfs'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { huaweiMfsCallbackKey: testCallbackKey },
	};

	webhookMethods = { default: manualRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getNodeParameter('mode', 'mfs') === 'smn') return await handleSmnDelivery.call(this);
		return await handleMfsCallback.call(this);
	}
}
