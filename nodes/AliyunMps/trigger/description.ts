import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { MNS_WAIT_SECONDS } from '../../shared/transport/mns/inputChecks';
import { DEFAULT_LINK_EXPIRY_SECONDS } from '../helpers/jobImages';
import { MAX_LINK_EXPIRY_SECONDS } from '../actions/snapshotJob/submit.description';

export const DEFAULT_LOOK_BACK_HOURS = 6;
/** MPS keeps jobs listed far longer; a week bounds one poll's pages. */
export const MAX_LOOK_BACK_HOURS = 168;

export const DEFAULT_WAIT_SECONDS = 2;
export const DEFAULT_MAX_MESSAGES_PER_POLL = 160;
/**
 * 100 receives, 160 job lookups and up to 1,600 deletes (80 s at MNS's pace): inside n8n's default
 * poll budget of 5 minutes. Under n8n's scheduler (45 s a poll) the deletes due stop at a third of
 * the budget and the rest wait for the next poll (mnsDeletes.ts `deletesDueUntil`).
 */
export const MAX_MESSAGES_PER_POLL = 1_600;

export type TriggerMode = 'queryJobs' | 'mnsQueue';

const mnsQueueFields: INodeProperties[] = [
	{
		displayName: 'Queue Name',
		name: 'queueName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'mps-snapshot-events',
		description:
			"The MNS queue bound to the MPS pipeline (the pipeline's NotifyConfig). The MNS endpoint is the credential's MNS Endpoint.",
	},
	{
		displayName: 'Wait Seconds',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: {
			minValue: MNS_WAIT_SECONDS.min,
			maxValue: MNS_WAIT_SECONDS.max,
			numberPrecision: 0,
		},
		default: DEFAULT_WAIT_SECONDS,
		description: `How long the first receive of a poll waits for a message when the queue is empty (long poll), ${MNS_WAIT_SECONDS.min} to ${MNS_WAIT_SECONDS.max} seconds`,
	},
	{
		displayName: 'Max Messages per Poll',
		name: 'maxMessagesPerPoll',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_MESSAGES_PER_POLL, numberPrecision: 0 },
		default: DEFAULT_MAX_MESSAGES_PER_POLL,
		description: `Messages one poll takes from the queue, 16 per request, 1 to ${MAX_MESSAGES_PER_POLL}; the rest wait for the next poll`,
	},
];

const queryJobsFields: INodeProperties[] = [
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
];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'MNS Queue',
				value: 'mnsQueue',
				description:
					'Read the MNS queue bound to the MPS pipeline: each job-completion message starts the workflow, then is deleted',
			},
			{
				name: 'Query Jobs',
				value: 'queryJobs',
				description:
					'Poll QuerySnapshotJobList (query snapshot jobs); no MNS queue needed, works behind NAT',
			},
		],
		default: 'queryJobs',
	},
	...updateDisplayOptions({ show: { mode: ['mnsQueue'] } }, mnsQueueFields),
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
	...updateDisplayOptions({ show: { mode: ['queryJobs'] } }, queryJobsFields),
	{
		displayName: 'Link Expiry (Seconds)',
		name: 'linkExpiry',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LINK_EXPIRY_SECONDS, numberPrecision: 0 },
		default: DEFAULT_LINK_EXPIRY_SECONDS,
		description: `How long the pre-signed image links stay valid, 1 to ${MAX_LINK_EXPIRY_SECONDS} seconds (7 days)`,
	},
];
