import type { INodeProperties } from 'n8n-workflow';

import * as snapshotJob from './snapshotJob';

/**
 * The node's parameters. The rest of the description stays in AliyunMps.node.ts, where the
 * community lint rules look for the icon and match the name to the file name.
 */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Snapshot Job', value: 'snapshotJob' }],
		default: 'snapshotJob',
	},
	...snapshotJob.description,
];
