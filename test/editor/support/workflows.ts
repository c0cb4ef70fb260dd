/** The nodes the editor tests put on a canvas (saved through n8n's REST API, opened in the browser). */
import type { INode, INodeParameters } from 'n8n-workflow';

import { packageNodeType } from '../../e2e/harness';

/** The package's three action nodes, by product. */
export type Product = 'vod' | 'mps' | 'huawei';

/** What the nodes panel and the canvas call our action nodes (their `defaults.name`). */
export const ACTION_NODES: Record<Product, string> = {
	vod: 'Alibaba Cloud VOD',
	mps: 'Alibaba Cloud MPS',
	huawei: 'Huawei Cloud VOD',
};
export const ACTION_NODE = ACTION_NODES.vod;
export const TRIGGER_NODE = 'Alibaba Cloud VOD Trigger';

const ACTION_TYPES: Record<Product, string> = {
	vod: 'aliyunVod',
	mps: 'aliyunMps',
	huawei: 'huaweiCloudVod',
};
export const START_NODE = 'Start';
export const AGENT_NODE = 'AI Agent';

/** Fixed, so that the triggers' URLs (and screenshots of them) are the same on every run. */
export const TRIGGER_WEBHOOK_ID = '0b7d3c2e-5a41-4f6e-9c1d-2e8f4a6b7c90';
export const HUAWEI_TRIGGER_WEBHOOK_ID = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

let nextPosition = 0;

function node(name: string, type: string, typeVersion: number, parameters: INodeParameters): INode {
	nextPosition += 1;
	return {
		id: `editor-node-${nextPosition}`,
		name,
		type,
		typeVersion,
		position: [(nextPosition % 3) * 300, Math.floor(nextPosition / 3) * 300],
		parameters,
	};
}

export function manualStartNode(): INode {
	return node(START_NODE, 'n8n-nodes-base.manualTrigger', 1, {});
}

/** n8n's AI Agent (its Tool input lists the nodes usable as tools). */
export function agentNode(): INode {
	return node(AGENT_NODE, '@n8n/n8n-nodes-langchain.agent', 3, {});
}

/** One of our action nodes on one operation. */
export function actionNode(
	product: Product,
	name: string,
	resource: string,
	operation: string,
): INode {
	return node(name, packageNodeType(ACTION_TYPES[product]), 1, { resource, operation });
}

export function vodTriggerNode(name: string, parameters: INodeParameters = {}): INode {
	return {
		...node(name, packageNodeType('aliyunVodTrigger'), 1, parameters),
		webhookId: TRIGGER_WEBHOOK_ID,
	};
}

export function huaweiTriggerNode(name: string): INode {
	return {
		...node(name, packageNodeType('huaweiCloudVodTrigger'), 1, {}),
		webhookId: HUAWEI_TRIGGER_WEBHOOK_ID,
	};
}
