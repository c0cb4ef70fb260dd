import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getTasks from './getTasks.operation';

export { get, getTasks };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asset'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a media asset (ShowAssetDetail)',
				action: 'Get an asset',
			},
			{
				name: 'Get Many Tasks',
				value: 'getTasks',
				description: 'List media asset tasks (ListAssetTaskInfo)',
				action: 'Get many asset tasks',
			},
		],
		default: 'get',
	},
	...get.description,
	...getTasks.description,
];
