import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_LOOK_BACK_MINUTES = 10;
export const MAX_LOOK_BACK_MINUTES = 1440;

export type EndedStatus = 'SUCCEED' | 'FAILED';
export const ENDED_STATUSES: readonly EndedStatus[] = ['SUCCEED', 'FAILED'];

export const pollingTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Polls VOD for snapshot tasks (asset/tasks, type Snapshot) that ended since the last poll: no public URL and no console setup needed. Each ended task starts the workflow once, with the same output as the webhook trigger (the event, its snapshots and an event ID); tasks that ended before activation are never emitted.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Succeeded', value: 'SUCCEED' },
			{ name: 'Failed', value: 'FAILED' },
		],
		default: [...ENDED_STATUSES],
		required: true,
		description: 'Which ended snapshot tasks start the workflow (event type Snapshot Complete)',
	},
	{
		displayName: 'Look Back (Minutes)',
		name: 'lookBackMinutes',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_LOOK_BACK_MINUTES, numberPrecision: 0 },
		default: DEFAULT_LOOK_BACK_MINUTES,
		description: `How far before the last emitted end time each poll asks again, 0 to ${MAX_LOOK_BACK_MINUTES}, for tasks VOD lists only some time after they ended; each task is still emitted once`,
	},
];
