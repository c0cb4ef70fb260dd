import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as submit from './submit.operation';

export { getAll, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['snapshot'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the snapshots of the latest snapshot job of a video (ListSnapshots)',
				action: 'Get many snapshots',
			},
			{
				name: 'Submit',
				value: 'submit',
				description: 'Start a snapshot job for a video (SubmitSnapshotJob)',
				action: 'Submit a snapshot job',
			},
		],
		default: 'submit',
	},
	...submit.description,
	...getAll.description,
];
