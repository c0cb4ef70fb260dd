import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_LINK_EXPIRY_SECONDS } from '../helpers/jobImages';
import { MAX_LINK_EXPIRY_SECONDS } from '../actions/snapshotJob/submit.description';

export const DEFAULT_LOOK_BACK_HOURS = 6;
/** MPS keeps jobs listed far longer; a week bounds one poll's pages. */
export const MAX_LOOK_BACK_HOURS = 168;

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Query Jobs',
				value: 'queryJobs',
				description:
					'Poll QuerySnapshotJobList (query snapshot jobs); no MNS queue needed, works behind NAT',
			},
		],
		default: 'queryJobs',
	},
	{
		displayName: 'States',
		name: 'states',
		type: 'multiOptions',
		options: [
			{ name: 'Success', value: 'Success' },
			{ name: 'Fail', value: 'Fail' },
		],
		default: ['Success', 'Fail'],
		description: 'Which finished jobs start the workflow',
	},
	{
		displayName: 'Pipeline ID',
		name: 'pipelineId',
		type: 'string',
		default: '',
		description: 'Only jobs of this MPS pipeline; empty for every pipeline',
	},
	{
		displayName: 'Look Back (Hours)',
		name: 'lookBackHours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LOOK_BACK_HOURS, numberPrecision: 0 },
		default: DEFAULT_LOOK_BACK_HOURS,
		description: `How long after its creation a job is still watched for its end, 1 to ${MAX_LOOK_BACK_HOURS}; set it above your longest job. Jobs created before the trigger was activated are never emitted.`,
	},
	{
		displayName: 'Link Expiry (Seconds)',
		name: 'linkExpiry',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LINK_EXPIRY_SECONDS, numberPrecision: 0 },
		default: DEFAULT_LINK_EXPIRY_SECONDS,
		description: `How long the pre-signed image links stay valid, 1 to ${MAX_LINK_EXPIRY_SECONDS} seconds (7 days)`,
	},
];
