import type { INodeProperties } from 'n8n-workflow';

/** Filter field → its asset/tasks query parameter (RFC 3339 UTC times). */
export const TIME_FILTERS: Readonly<Record<string, string>> = {
	createdAfter: 'create_time_after',
	createdBefore: 'create_time_before',
	endedAfter: 'end_time_after',
	endedBefore: 'end_time_before',
};

export const TASK_FILTER_LABELS: Readonly<Record<string, string>> = {
	type: 'Type',
	status: 'Status',
	assetId: 'Asset ID',
	taskId: 'Task ID',
	createdAfter: 'Created After',
	createdBefore: 'Created Before',
	endedAfter: 'Ended After',
	endedBefore: 'Ended Before',
};

function timeFilter(name: string, description: string): INodeProperties {
	return {
		displayName: TASK_FILTER_LABELS[name],
		name,
		type: 'string',
		default: '',
		placeholder: '2020-09-01T18:50:20Z',
		description: `${description}: an RFC 3339 date-time, sent to VOD in UTC`,
	};
}

/** The asset/tasks filters; each one left out is no filter. */
export const taskFilterFields: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Asset ID',
			name: 'assetId',
			type: 'string',
			default: '',
			description: 'Only the tasks of this media asset',
		},
		timeFilter('createdAfter', 'Only tasks created at or after this time'),
		timeFilter('createdBefore', 'Only tasks created before this time'),
		timeFilter('endedAfter', 'Only tasks that ended at or after this time'),
		timeFilter('endedBefore', 'Only tasks that ended before this time'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Failed', value: 'FAILED' },
				{ name: 'Processing', value: 'PROCESSING' },
				{ name: 'Succeeded', value: 'SUCCEED' },
				{ name: 'Waiting', value: 'WAITING' },
			],
			default: 'SUCCEED',
		},
		{
			displayName: 'Task ID',
			name: 'taskId',
			type: 'string',
			default: '',
			description: 'Only this task (VOD accepts it for snapshot tasks only)',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Snapshot', value: 'THUMBNAIL' },
				{ name: 'Transcode', value: 'TRANSCODE' },
			],
			default: 'THUMBNAIL',
		},
	],
};
