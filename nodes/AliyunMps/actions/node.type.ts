import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	snapshotJob: 'submit' | 'get' | 'getAll';
};

export type AliyunMpsType = AllEntities<NodeMap>;
