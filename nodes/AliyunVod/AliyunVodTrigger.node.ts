import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { testCallbackKey } from './trigger/callbackKey';
import { triggerPanel, triggerProperties } from './trigger/description';
import { vodMessageCallbackApi } from './trigger/messageCallbackApi';
import { createRegistration, deleteRegistration, registrationExists } from './trigger/registration';
import { handleVodCallback } from './trigger/webhook';

export class AliyunVodTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud VOD Trigger',
		name: 'aliyunVodTrigger',
		icon: { light: 'file:../../icons/aliyun.svg', dark: 'file:../../icons/aliyun.dark.svg' },
		group: ['trigger'],
		version: [1],
		subtitle: '={{$parameter["events"].join(", ")}}',
		// n8n shows this text on the entry it merges with the Alibaba Cloud VOD node, so it starts with
		// that node's own description.
		description:
			'Take video snapshots and find videos in Alibaba Cloud ApsaraVideo VOD, and start a workflow when VOD sends an event such as a finished snapshot job',
		defaults: { name: 'Alibaba Cloud VOD Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'aliyunVodCallbackApi',
				required: true,
				testedBy: 'aliyunVodCallbackKeyFormat',
				displayOptions: { show: { verifySignature: [true] } },
			},
			{
				name: 'aliyunApi',
				required: true,
				displayOptions: { show: { registerCallback: [true] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
		triggerPanel,
	};

	methods = {
		credentialTest: { aliyunVodCallbackKeyFormat: testCallbackKey },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationExists(this, vodMessageCallbackApi(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createRegistration(this, vodMessageCallbackApi(this));
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteRegistration(this, vodMessageCallbackApi(this));
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleVodCallback.call(this);
	}
}
