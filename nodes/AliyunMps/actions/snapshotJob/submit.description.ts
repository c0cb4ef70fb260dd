import type { INodeProperties } from 'n8n-workflow';

import { jobOutputFields } from '../../../shared/actions';
import { DEFAULT_LINK_EXPIRY_SECONDS } from '../../helpers/jobImages';
import { DOCUMENTED_QPS } from '../../transport';
import { SERVICE_NAME } from '../common.description';
import { snapshotSettingsProperties, whole } from './snapshotSettings.description';

/** Links signed with OSS V4 are valid at most 7 days. */
export const MAX_LINK_EXPIRY_SECONDS = 604800;

const showFields = { displayOptions: { show: { inputSource: ['fields'] } } };

function ossFields(
	prefix: 'input' | 'output',
	label: string,
	objectHint: string,
): INodeProperties[] {
	const show = prefix === 'input' ? showFields : {};
	return [
		{
			displayName: `${label} Bucket`,
			name: `${prefix}Bucket`,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'example-bucket',
			description: `OSS bucket of the ${label.toLowerCase()}`,
			...show,
		},
		{
			displayName: `${label} Location`,
			name: `${prefix}Location`,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'oss-cn-shanghai',
			description:
				prefix === 'input'
					? "OSS region id of the bucket, oss-<region>; it must be the credential's region"
					: 'OSS region id of the bucket, oss-<region>',
			...show,
		},
		{
			displayName: `${label} Object`,
			name: `${prefix}Object`,
			type: 'string',
			required: true,
			default: '',
			placeholder: prefix === 'input' ? 'videos/clip 1.mp4' : 'snapshots/clip-1/{Count}.jpg',
			description: objectHint,
			...show,
		},
	];
}

export const submitProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputSource',
		type: 'options',
		options: [
			{ name: 'Bucket, Location and Object', value: 'fields' },
			{ name: 'OSS URL', value: 'url' },
		],
		default: 'fields',
		description: 'How the video in OSS is given',
	},
	...ossFields(
		'input',
		'Input',
		'Object key of the video as it shows in OSS; the node URL-encodes it for MPS',
	),
	{
		displayName: 'Input URL',
		name: 'inputUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example-bucket.oss-cn-shanghai.aliyuncs.com/videos/clip.mp4',
		description: 'OSS URL of the video; the node reads bucket, location and object from it',
		displayOptions: { show: { inputSource: ['url'] } },
	},
	...ossFields(
		'output',
		'Output',
		'Object key of the images. {Count} (00001, 00002, …) is added before the extension when several snapshots are taken and it is missing.',
	),
	{
		displayName: 'Frame Type',
		name: 'frameType',
		type: 'options',
		options: [
			{ name: 'Keyframe (Intra)', value: 'intra' },
			{ name: 'Normal Frame', value: 'normal' },
		],
		default: 'intra',
		description:
			"Which frames to capture; always sent, since MPS's documents disagree on its default",
	},
	...snapshotSettingsProperties,
	{
		displayName: 'Pipeline ID',
		name: 'pipelineId',
		type: 'string',
		default: '',
		description:
			"MPS pipeline (queue) for the job; empty for the account's default. Needed for MNS notifications.",
	},
	{
		displayName: 'User Data',
		name: 'userData',
		type: 'string',
		default: '',
		description: 'Text (at most 1,024 bytes) MPS returns with the job and in its notification',
	},
	...jobOutputFields({
		service: SERVICE_NAME,
		documentedQps: DOCUMENTED_QPS.SubmitSnapshotJob,
		laterOperation: 'Snapshot Job → Get',
		ownOptions: [
			{
				displayName: 'Link Expiry (Seconds)',
				name: 'linkExpiry',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_LINK_EXPIRY_SECONDS, ...whole },
				default: DEFAULT_LINK_EXPIRY_SECONDS,
				description: `How long the pre-signed image links stay valid, 1 to ${MAX_LINK_EXPIRY_SECONDS} seconds (7 days)`,
				displayOptions: { show: { '/waitForCompletion': [true] } },
			},
		],
	}),
];
