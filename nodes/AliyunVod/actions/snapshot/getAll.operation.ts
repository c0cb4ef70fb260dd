import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { snapshotItems } from '../../helpers/download';
import { optionsProblem } from '../../helpers/options';
import { listSnapshots } from '../../helpers/snapshots';
import type { SnapshotType } from '../../helpers/types';
import { firstProblem, rangeProblem, requiredProblem } from '../../helpers/validation';
import {
	downloadImagesField,
	downloadOptions,
	readLimit,
	readVideoId,
	returnAllAndLimitFields,
	videoIdField,
} from '../common.description';

/** ListSnapshots: AuthTimeout is at least 3600 s, and at most 30 days for OSS URLs. */
const MIN_AUTH_TIMEOUT = 3600;
const MAX_AUTH_TIMEOUT = 2592000;
const MAX_LIST_LIMIT = 10000;

const properties: INodeProperties[] = [
	videoIdField,
	{
		displayName: 'Snapshot Type',
		name: 'snapshotType',
		type: 'options',
		options: [
			{
				name: 'Cover Snapshot',
				value: 'CoverSnapshot',
				description: 'Cover snapshots',
			},
			{
				name: 'Normal Snapshot',
				value: 'NormalSnapshot',
				description: 'Snapshots taken by Submit (SubmitSnapshotJob)',
			},
			{
				name: 'Sprite Origin Snapshot',
				value: 'SpriteOriginSnapshot',
				description: 'The single pictures a sprite sheet is made of',
			},
			{
				name: 'Sprite Snapshot',
				value: 'SpriteSnapshot',
				description: 'Sprite sheets made by Submit with Sprite on',
			},
		],
		default: 'NormalSnapshot',
		description: 'VOD returns the snapshots of the latest job of this type',
	},
	...returnAllAndLimitFields(MAX_LIST_LIMIT),
	downloadImagesField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Auth Timeout (Seconds)',
				name: 'authTimeout',
				type: 'number',
				typeOptions: { minValue: MIN_AUTH_TIMEOUT, maxValue: MAX_AUTH_TIMEOUT },
				default: MIN_AUTH_TIMEOUT,
				description:
					'How long signed snapshot URLs stay valid, 3600 to 2592000 seconds. Only applies when URL signing is on.',
			},
			...downloadOptions,
		],
	},
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['getAll'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const videoId = readVideoId.call(this, i);
	const snapshotType = this.getNodeParameter('snapshotType', i) as SnapshotType;
	const limit = readLimit.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const authTimeout = options.authTimeout as number | undefined;
	const problem = firstProblem(
		requiredProblem('Video ID', videoId),
		rangeProblem('Limit', limit, 1, MAX_LIST_LIMIT),
		rangeProblem('Auth Timeout', authTimeout, MIN_AUTH_TIMEOUT, MAX_AUTH_TIMEOUT),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const records = await listSnapshots.call(this, { videoId, snapshotType, authTimeout }, limit, {
		itemIndex: i,
	});
	return await snapshotItems.call(this, records, options, i);
}
