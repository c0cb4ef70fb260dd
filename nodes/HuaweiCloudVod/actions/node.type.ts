import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	snapshot: 'create' | 'getAll' | 'getImages' | 'delete' | 'setCover';
	asset: 'get' | 'getTasks';
};

export type HuaweiCloudVodType = AllEntities<NodeMap>;
