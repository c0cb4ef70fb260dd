import type { INodeProperties } from 'n8n-workflow';

import * as asset from './asset';
import * as snapshot from './snapshot';

/**
 * The node's parameters. The rest of the description stays in HuaweiCloudVod.node.ts, where the
 * community lint rules look for the icon and match the name to the file name.
 */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Asset', value: 'asset' },
			{ name: 'Snapshot', value: 'snapshot' },
		],
		default: 'snapshot',
	},
	...snapshot.description,
	...asset.description,
];
