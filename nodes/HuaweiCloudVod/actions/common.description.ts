import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { maxRequestsPerSecondOption, readText } from '../../shared/actions';
import { DOCUMENTED_CALLS_PER_MINUTE, documentedQps, type VodApi } from '../transport';

/** How the node names its service in shared field texts. */
export const SERVICE_NAME = 'VOD';

export const assetIdField: INodeProperties = {
	displayName: 'Asset ID',
	name: 'assetId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
	description: 'ID of the media asset in Huawei Cloud VOD',
};

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '3f8a0c2e9b7d4e61a5c0d2b8e7f6a9c1',
	description: 'ID of the snapshot task (thumbnail_task_id from Snapshot → Create)',
};

/** The item's Asset ID, trimmed; check it with `requiredProblem('Asset ID', …)`. */
export function readAssetId(this: IExecuteFunctions, i: number): string {
	return readText.call(this, 'assetId', 'Asset ID', i);
}

/** The item's Task ID, trimmed. */
export function readTaskId(this: IExecuteFunctions, i: number): string {
	return readText.call(this, 'taskId', 'Task ID', i);
}

/** Max Requests per Second for one API, its hint naming VOD's real limit or saying there is none. */
export function paceOption(api: VodApi): INodeProperties {
	const qps = documentedQps(api);
	const perMinute: Partial<Record<VodApi, number>> = DOCUMENTED_CALLS_PER_MINUTE;
	const documented = perMinute[api];
	const limit =
		documented === undefined
			? `VOD publishes no limit for this API; ${qps} is this node's default`
			: `VOD allows ${documented} calls a minute per account (${qps} a second)`;
	return {
		...maxRequestsPerSecondOption(SERVICE_NAME, qps),
		description: `Pace of calls to ${SERVICE_NAME}; ${limit}. Lower it when other clients share the account.`,
	};
}
