import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	snapshot: 'submit' | 'getAll';
	video: 'get' | 'search';
};

export type AliyunVodType = AllEntities<NodeMap>;
