import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { manualRegistration, testCallbackKey } from './trigger/registration';
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
		description:
			'Starts the workflow when Huawei Cloud VOD sends a notification (MFS), such as finished snapshots',
		defaults: { name: 'Huawei Cloud VOD Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'huaweiCloudVodCallbackApi',
				required: true,
				testedBy: 'huaweiMfsCallbackKey',
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
		return await handleMfsCallback.call(this);
	}
}
