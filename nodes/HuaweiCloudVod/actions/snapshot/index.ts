import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteSnapshots from './delete.operation';
import * as getAll from './getAll.operation';
import * as getImages from './getImages.operation';
import * as setCover from './setCover.operation';

export { create, deleteSnapshots, getAll, getImages, setCover };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['snapshot'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Take snapshots of a media asset (asset/process with thumbnail)',
				action: 'Create snapshots',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete the snapshots of snapshot tasks (DeleteThumbnails)',
				action: 'Delete snapshots',
			},
			{
				name: 'Get Images',
				value: 'getImages',
				description: 'Get the snapshot images of a task (ListThumbnailDetails)',
				action: 'Get snapshot images',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List snapshot task results (ListThumbnailInfo)',
				action: 'Get many snapshot task results',
			},
			{
				name: 'Set as Cover',
				value: 'setCover',
				description: "Make a snapshot the asset's cover (UpdateCoverByThumbnail)",
				action: 'Set a snapshot as cover',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
	...getImages.description,
	...deleteSnapshots.description,
	...setCover.description,
];
