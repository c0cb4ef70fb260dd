import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	coerceFields,
	maxRequestsPerSecondOption,
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxRequestsPerSecondOption(SERVICE_NAME, DOCUMENTED_QPS.QuerySnapshotJobList)],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['snapshotJob'], operation: ['getAll'] } },
	properties,
);

/** `yyyy-MM-ddTHH:mm:ssZ` as MPS takes it, or a message naming the field. */
export function utcSeconds(field: string, value: string): string {
	const time = Date.parse(value);
	if (Number.isNaN(time)) throw new Error(`${field} must be a date and time (got "${value}")`);
	return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function readFilters(this: IExecuteFunctions, i: number): JobFilters {
	const raw = coerceFields(this.getNodeParameter('filters', i, {}) as IDataObject, {
		texts: {
			createdAfter: 'Created After',
			createdBefore: 'Created Before',
			pipelineId: 'Pipeline ID',
			state: 'State',
		},
	});
	const text = (name: string) =>
		typeof raw[name] === 'string' && raw[name] !== '' ? raw[name] : undefined;
	const state = text('state');
	if (state !== undefined && !STATES.some((candidate) => candidate === state))
		throw new Error(`State must be one of ${STATES.join(', ')} (got "${state}")`);
	const after = text('createdAfter');
	const before = text('createdBefore');
	return {
		state: STATES.find((candidate) => candidate === state),
		createdAfter: after && utcSeconds('Created After', after),
		createdBefore: before && utcSeconds('Created Before', before),
		pipelineId: text('pipelineId'),
	};
}

/** Snapshot Job → Get Many: QuerySnapshotJobList by filters, newest first, over NextPageToken. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const options = readOptions.call(this, i);
	let filters: JobFilters;
	try {
		filters = readFilters.call(this, i);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
	}
	const limit = readLimit.call(this, i);
	const problem = optionsProblem(options);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });
	const jobs = await listJobs.call(this, filters, limit, callOptions(options, i));
	return jobs.map((job) => ({ json: { ...job } }));
}
