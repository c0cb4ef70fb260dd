import type { INodeProperties } from 'n8n-workflow';

import * as snapshot from './snapshot';
import * as video from './video';

/**
 * The node's parameters. The rest of the description stays in AliyunVod.node.ts, where the
 * community lint rules look for the icon and match the name to the file name.
 */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Snapshot', value: 'snapshot' },
			{ name: 'Video', value: 'video' },
		],
		default: 'snapshot',
	},
	...snapshot.description,
	...video.description,
];
