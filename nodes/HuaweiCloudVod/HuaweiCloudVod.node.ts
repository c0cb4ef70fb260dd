import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';

export class HuaweiCloudVod implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud VOD',
		name: 'huaweiCloudVod',
		icon: {
			light: 'file:../../icons/huaweicloud.svg',
			dark: 'file:../../icons/huaweicloud.dark.svg',
		},
		group: ['transform'],
		version: [1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Take video snapshots and read media assets in Huawei Cloud VOD',
		defaults: { name: 'Huawei Cloud VOD' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'huaweiCloudApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
