import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	downloadImagesField,
	downloadOptions,
	firstProblem,
	maxRequestsPerSecondOption,
	optionsProblem,
	readBoolean,
	readOptions,
	retryOnFailProblem,
	waitForCompletionField,
	waitOptions,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import {
	waitSettings,
	waitSettingsProblem,
	withSubmittedJobOnFailures,
} from '../../../shared/polling';
import { snapshotItems } from '../../helpers/snapshotItems';
import { readSubmitInput } from '../../helpers/submitInput';
import {
	snapshotTypesFor,
	submitInputProblem,
	submitSnapshotJobRequest,
} from '../../helpers/submitRequest';
import { submittedSnapshotJob, waitForSnapshotJob } from '../../helpers/waitForSnapshotJob';
import { DOCUMENTED_QPS, vodRequest } from '../../transport';
import { readVideoId, SERVICE_NAME, videoIdField } from '../common.description';

const properties: INodeProperties[] = [
	videoIdField,
	{
		displayName: 'Snapshot Template ID',
		name: 'snapshotTemplateId',
		type: 'string',
		default: '',
		description:
			'Snapshot template to use. When set, VOD ignores every other setting, so leave Snapshot Settings, Sprite and User Data empty.',
	},
	{
		// Not hidden: n8n drops hidden values before the node runs, and the run's check names them.
		displayName:
			'With a Snapshot Template ID, VOD takes every setting from the template and ignores the others: leave Snapshot Settings, Sprite and User Data empty, or the run stops naming them',
		name: 'templateNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { snapshotTemplateId: [''] } },
	},
	{
		displayName: 'Snapshot Settings',
		name: 'snapshotSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Without a template, set at least one of Count and Interval',
		options: [
			{
				displayName: 'Count',
				name: 'count',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: '',
				placeholder: 'e.g. 10',
				description:
					'Maximum number of snapshots; empty leaves it to Interval. With Interval too, the setting giving fewer snapshots wins. A sprite sheet holds Columns × Lines snapshots.',
			},
			{
				displayName: 'Height',
				name: 'height',
				type: 'number',
				typeOptions: { minValue: 8, maxValue: 4096, numberPrecision: 0 },
				default: '',
				placeholder: 'Source height',
				description: 'Snapshot height in pixels, 8 to 4096; empty keeps the source height',
			},
			{
				displayName: 'Interval',
				name: 'interval',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 1,
				description: 'Seconds between snapshots; 0 spreads Count snapshots evenly over the video',
			},
			{
				displayName: 'Specified Offset Time',
				name: 'specifiedOffsetTime',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Where to take the first snapshot, in milliseconds from the start',
			},
			{
				displayName: 'Width',
				name: 'width',
				type: 'number',
				typeOptions: { minValue: 8, maxValue: 4096, numberPrecision: 0 },
				default: '',
				placeholder: 'Source width',
				description: 'Snapshot width in pixels, 8 to 4096; empty keeps the source width',
			},
		],
	},
	{
		displayName: 'Sprite',
		name: 'sprite',
		type: 'boolean',
		default: false,
		description: 'Whether to combine the snapshots into sprite sheets (SpriteSnapshotConfig)',
	},
	{
		displayName: 'Sprite Settings',
		name: 'spriteSnapshotConfig',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions: { show: { sprite: [true] } },
		options: [
			{
				displayName: 'Cell Height',
				name: 'cellHeight',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: '',
				placeholder: 'Snapshot height',
				description: 'Height of one cell in pixels; empty keeps the snapshot height',
			},
			{
				displayName: 'Cell Width',
				name: 'cellWidth',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: '',
				placeholder: 'Snapshot width',
				description: 'Width of one cell in pixels; empty keeps the snapshot width',
			},
			{
				displayName: 'Color',
				name: 'color',
				type: 'options',
				options: [
					{ name: 'Black', value: 'Black' },
					{ name: 'White', value: 'White' },
				],
				default: 'Black',
				description:
					'Background colour name; VOD takes names, not RGB values. Use an expression for another name.',
			},
			{
				displayName: 'Columns',
				name: 'columns',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000, numberPrecision: 0 },
				default: 10,
				description: 'Cells per row, 1 to 10000',
			},
			{
				displayName: 'Keep Cell Pictures',
				name: 'keepCellPic',
				type: 'options',
				options: [
					{ name: 'Keep', value: 'keep' },
					{ name: 'Delete', value: 'delete' },
				],
				default: 'keep',
				description: 'Whether VOD keeps the single snapshots the sheets are made of',
			},
			{
				displayName: 'Lines',
				name: 'lines',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000, numberPrecision: 0 },
				default: 10,
				description: 'Rows per sheet, 1 to 10000',
			},
			{
				displayName: 'Margin',
				name: 'margin',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Outer margin in pixels',
			},
			{
				displayName: 'Padding',
				name: 'padding',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Space between cells in pixels',
			},
		],
	},
	{
		displayName: 'User Data',
		name: 'userData',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/webhook/vod',
				description:
					"Where VOD sends this job's SnapshotComplete event, instead of the account's callback URL. Works only when HTTP callbacks are enabled in VOD.",
			},
			{
				displayName: 'Extend',
				name: 'extend',
				type: 'json',
				default: '{}',
				description: 'JSON object (at most 512 bytes) that VOD returns in the completion event',
			},
		],
	},
	waitForCompletionField(SERVICE_NAME),
	{ ...downloadImagesField, displayOptions: { show: { waitForCompletion: [true] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			maxRequestsPerSecondOption(SERVICE_NAME, DOCUMENTED_QPS.SubmitSnapshotJob),
			...waitOptions('Snapshot → Get Many'),
			...downloadOptions,
		],
	},
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['submit'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const input = readSubmitInput.call(this, i, readVideoId.call(this, i));
	const options = readOptions.call(this, i);
	const waitForCompletion = readBoolean.call(this, 'waitForCompletion', 'Wait for Completion', i);
	const downloadImages =
		waitForCompletion && readBoolean.call(this, 'downloadImages', 'Download Images', i);
	const wait = waitSettings(options);
	const problem = firstProblem(
		retryOnFailProblem(this.getNode(), 'Snapshot → Submit'),
		submitInputProblem(input),
		optionsProblem(options),
		waitForCompletion ? waitSettingsProblem(wait) : undefined,
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const response = await vodRequest(
		this,
		'SubmitSnapshotJob',
		submitSnapshotJobRequest(input),
		callOptions(options, i),
	);
	const jobId = response.SnapshotJob.JobId;
	if (!waitForCompletion) return [{ json: { JobId: jobId, RequestId: response.RequestId } }];

	const job = { jobId, videoId: input.videoId, snapshotTypes: snapshotTypesFor(input) };
	const records = await waitForSnapshotJob.call(this, job, wait, callOptions(options, i));
	return withSubmittedJobOnFailures(
		snapshotItems.call(this, records, options, i, downloadImages),
		this.getNode(),
		submittedSnapshotJob(job),
		i,
	);
}
