import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';

export class AliyunMps implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alibaba Cloud MPS',
		name: 'aliyunMps',
		icon: { light: 'file:../../icons/aliyunMps.svg', dark: 'file:../../icons/aliyunMps.dark.svg' },
		group: ['transform'],
		version: [1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Submit and query snapshot jobs (query jobs) in Alibaba Cloud ApsaraVideo Media Processing, with images from OSS',
		defaults: { name: 'Alibaba Cloud MPS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'aliyunApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
