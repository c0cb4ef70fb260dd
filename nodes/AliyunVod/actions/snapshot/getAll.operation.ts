import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	downloadImagesField,
	downloadOptions,
	firstProblem,
	maxRequestsPerSecondOption,
	optionsProblem,
	rangeProblem,
	readBoolean,
	readLimit,
	readOptions,
	requiredProblem,
	returnAllAndLimitFields,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { listSnapshots } from '../../helpers/listSnapshots';
import { snapshotItems } from '../../helpers/snapshotItems';
import type { SnapshotType } from '../../transport/types';
import { readVideoId, SERVICE_NAME, videoIdField } from '../common.description';

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
				typeOptions: { minValue: MIN_AUTH_TIMEOUT, maxValue: MAX_AUTH_TIMEOUT, numberPrecision: 0 },
				default: MIN_AUTH_TIMEOUT,
				description:
					'How long signed snapshot URLs stay valid, 3600 to 2592000 seconds. Only applies when URL signing is on.',
			},
			maxRequestsPerSecondOption(SERVICE_NAME),
			...downloadOptions,
		],
	},
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['getAll'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const videoId = readVideoId.call(this, i);
	const snapshotType = this.getNodeParameter('snapshotType', i) as SnapshotType;
	const limit = readLimit.call(this, i);
	const downloadImages = readBoolean.call(this, 'downloadImages', 'Download Images', i);
	const options = readOptions.call(this, i, { numbers: { authTimeout: 'Auth Timeout' } });
	const authTimeout = options.authTimeout as number | undefined;
	const problem = firstProblem(
		requiredProblem('Video ID', videoId),
		rangeProblem('Limit', limit, 1, MAX_LIST_LIMIT),
		rangeProblem('Auth Timeout', authTimeout, MIN_AUTH_TIMEOUT, MAX_AUTH_TIMEOUT),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const records = await listSnapshots.call(
		this,
		{ videoId, snapshotType, authTimeout },
		limit,
		callOptions(options, i),
	);
	return snapshotItems.call(this, records, options, i, downloadImages);
}
