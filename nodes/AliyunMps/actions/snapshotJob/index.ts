import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as submit from './submit.operation';

export { get, getAll, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['snapshotJob'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Query snapshot jobs by ID (QuerySnapshotJobList with SnapshotJobIds)',
				action: 'Query snapshot jobs by ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Query snapshot jobs by state, creation time and pipeline (QuerySnapshotJobList)',
				action: 'Get many snapshot jobs',
			},
			{
				name: 'Submit',
				value: 'submit',
				description: 'Submit a snapshot job for a video in OSS (SubmitSnapshotJob)',
				action: 'Submit a snapshot job',
			},
		],
		default: 'submit',
	},
	...submit.description,
	...get.description,
	...getAll.description,
];
