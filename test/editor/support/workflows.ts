/** The nodes the editor tests put on a canvas (saved through n8n's REST API, opened in the browser). */
import type { INode, INodeParameters } from 'n8n-workflow';

import { packageNodeType } from '../../e2e/harness';

/** What the nodes panel and the canvas call our nodes (their `defaults.name`). */
export const ACTION_NODE = 'Alibaba Cloud VOD';
export const TRIGGER_NODE = 'Alibaba Cloud VOD Trigger';
export const START_NODE = 'Start';
export const AGENT_NODE = 'AI Agent';

/** Fixed, so that the trigger's URLs (and screenshots of them) are the same on every run. */
export const TRIGGER_WEBHOOK_ID = '0b7d3c2e-5a41-4f6e-9c1d-2e8f4a6b7c90';

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

/** Our action node on one operation. */
export function vodNode(name: string, resource: string, operation: string): INode {
	return node(name, packageNodeType('aliyunVod'), 1, { resource, operation });
}

export function vodTriggerNode(name: string, parameters: INodeParameters = {}): INode {
	return {
		...node(name, packageNodeType('aliyunVodTrigger'), 1, parameters),
		webhookId: TRIGGER_WEBHOOK_ID,
	};
}

/** n8n's HTTP Request node using one of our credentials (how Huawei Cloud API is used today). */
export function httpRequestWithCredential(name: string, credentialType: string): INode {
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, {
		authentication: 'predefinedCredentialType',
		nodeCredentialType: credentialType,
		url: 'https://vod.cn-north-4.myhuaweicloud.com/',
	});
}
