import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as search from './search.operation';

export { get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the information of a video',
				action: 'Get a video',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Search videos with a match expression',
				action: 'Search videos',
			},
		],
		default: 'search',
	},
	...get.description,
	...search.description,
];
