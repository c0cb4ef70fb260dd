import type { INodeProperties } from 'n8n-workflow';

import { INTERVAL_RANGE, QUANTITY_RANGE } from '../../helpers/createInput';

/** How the snapshots are taken (the asset/process `thumbnail` object, huawei.md §4.1). */
export const snapshotSettingsFields: INodeProperties[] = [
	{
		displayName: 'Snapshot Type',
		name: 'snapshotType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Interval',
				value: 'time',
				description: 'One snapshot every few seconds (type time)',
			},
			{
				name: 'Time Points',
				value: 'dots',
				description: 'Snapshots at the seconds you list (type dots)',
			},
			{
				name: 'Quantity',
				value: 'quantity',
				description: 'A number of snapshots spread over the video (type quantity)',
			},
		],
		default: 'time',
	},
	{
		displayName: 'Interval (Seconds)',
		name: 'interval',
		type: 'number',
		typeOptions: { minValue: INTERVAL_RANGE.min, maxValue: INTERVAL_RANGE.max, numberPrecision: 0 },
		default: 12,
		displayOptions: { show: { snapshotType: ['time'] } },
		description: `Seconds between two snapshots, ${INTERVAL_RANGE.min} to ${INTERVAL_RANGE.max}; VOD's default is 12`,
	},
	{
		displayName: 'Time Points',
		name: 'timePoints',
		type: 'string',
		required: true,
		default: '',
		placeholder: '5, 10, 30',
		displayOptions: { show: { snapshotType: ['dots'] } },
		description: 'Seconds into the video at which to take a snapshot, separated by commas',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: QUANTITY_RANGE.min, maxValue: QUANTITY_RANGE.max, numberPrecision: 0 },
		default: 5,
		displayOptions: { show: { snapshotType: ['quantity'] } },
		description: `Number of snapshots, ${QUANTITY_RANGE.min} to ${QUANTITY_RANGE.max}`,
	},
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: [
			{
				displayName: 'Aspect Ratio',
				name: 'aspectRatio',
				type: 'options',
				options: [
					{ name: 'Original', value: 0 },
					{ name: '16:9', value: 1 },
				],
				default: 0,
				description: "Aspect ratio of the snapshots; VOD's default keeps the source's",
			},
			{
				displayName: 'Cover Position',
				name: 'coverPosition',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: "Which snapshot (1 = the first) becomes the asset's cover; VOD's default is 1",
			},
			{
				displayName: 'Max Long Edge (Pixels)',
				name: 'maxLength',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 480,
				description:
					"Length of the snapshot's longer side; the other side keeps the video's proportions. VOD's default is 480.",
			},
			{
				displayName: 'Seconds Between Snapshots',
				name: 'quantityTime',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				displayOptions: { show: { '/snapshotType': ['quantity'] } },
				description:
					'With Quantity: take the snapshots this many seconds apart (quantity_time) instead of spreading them over the video',
			},
			{
				displayName: 'Template Group Name',
				name: 'templateGroupName',
				type: 'string',
				default: '',
				description:
					'Transcoding template group to apply as well (template_group_name); leave empty to only take snapshots',
			},
		],
	},
];
