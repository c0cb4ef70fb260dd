import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	coerceFields,
	maxRequestsPerSecondOption,
	optionsCollection,
	optionsProblem,
	readLimit,
	readOptions,
	returnAllAndLimitFields,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { listJobs, type JobFilters } from '../../helpers/queryJobs';
import { DOCUMENTED_QPS, type MpsJobState } from '../../transport';
import { SERVICE_NAME } from '../common.description';

const STATES: readonly MpsJobState[] = ['Submitted', 'Snapshoting', 'Success', 'Fail'];
/** Return All off: at most this many jobs. */
const MAX_LIMIT = 10000;

const properties: INodeProperties[] = [
	...returnAllAndLimitFields(MAX_LIMIT),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only jobs created at or after this time (UTC, to the second)',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only jobs created at or before this time (UTC, to the second)',
			},
			{
				displayName: 'Pipeline ID',
				name: 'pipelineId',
				type: 'string',
				default: '',
				description: 'Only jobs of this MPS pipeline',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Fail', value: 'Fail' },
					{ name: 'Snapshoting (Running)', value: 'Snapshoting' },
					{ name: 'Submitted', value: 'Submitted' },
					{ name: 'Success', value: 'Success' },
				],
				default: 'Success',
				description: 'Only jobs in this state',
			},
		],
	},
	optionsCollection([
		maxRequestsPerSecondOption(SERVICE_NAME, DOCUMENTED_QPS.QuerySnapshotJobList),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['snapshotJob'], operation: ['getAll'] } },
	properties,
);

/** `yyyy-MM-ddTHH:mm:ssZ` as MPS takes it; undefined when the text is not a date. */
export function utcSeconds(value: string): string | undefined {
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FILTER_LABELS = {
	createdAfter: 'Created After',
	createdBefore: 'Created Before',
	pipelineId: 'Pipeline ID',
	state: 'State',
} as const;

/** The Filters collection as MPS takes it, or a message naming the field at fault. */
function readFilters(this: IExecuteFunctions, i: number): JobFilters | string {
	const raw = coerceFields(this.getNodeParameter('filters', i, {}) as IDataObject, {
		texts: FILTER_LABELS,
	});
	const text = (name: keyof typeof FILTER_LABELS): string | undefined => {
		const value = raw[name];
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	};
	const stateText = text('state');
	const state = STATES.find((candidate) => candidate === stateText);
	if (stateText !== undefined && state === undefined)
		return `State must be one of ${STATES.join(', ')} (got "${stateText}")`;
	const filters: JobFilters = { state, pipelineId: text('pipelineId') };
	for (const field of ['createdAfter', 'createdBefore'] as const) {
		const value = text(field);
		if (value === undefined) continue;
		const time = utcSeconds(value);
		if (time === undefined)
			return `${FILTER_LABELS[field]} must be a date and time (got "${value}")`;
		filters[field] = time;
	}
	const { createdAfter, createdBefore } = filters;
	if (createdAfter !== undefined && createdBefore !== undefined && createdAfter > createdBefore)
		return `Created After (${createdAfter}) must not be later than Created Before (${createdBefore})`;
	return filters;
}

/** Snapshot Job → Get Many: QuerySnapshotJobList by filters, newest first, over NextPageToken. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const options = readOptions.call(this, i);
	const filters = readFilters.call(this, i);
	const limit = readLimit.call(this, i);
	const problem = typeof filters === 'string' ? filters : optionsProblem(options);
	if (problem !== undefined || typeof filters === 'string')
		throw new NodeOperationError(this.getNode(), problem ?? 'Invalid filters', { itemIndex: i });
	const jobs = await listJobs.call(this, filters, limit, callOptions(options, i));
	return jobs.map((job) => ({ json: { ...job } }));
}
