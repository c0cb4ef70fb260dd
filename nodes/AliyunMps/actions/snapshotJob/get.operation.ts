import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	maxRequestsPerSecondOption,
	optionsCollection,
	optionsProblem,
	readOptions,
	readText,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { parseJobIds, queryJobsById } from '../../helpers/queryJobs';
import { DOCUMENTED_QPS, MPS_MAX_JOB_IDS_PER_QUERY } from '../../transport';
import { SERVICE_NAME } from '../common.description';

const properties: INodeProperties[] = [
	{
		displayName: 'Job IDs',
		name: 'jobIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '72dfa5e679ab4be9a3ed9974c7360001, 72dfa5e679ab4be9a3ed9974c7360002',
		description: `One or more snapshot job IDs, comma-separated or a list; any number (the node asks MPS for ${MPS_MAX_JOB_IDS_PER_QUERY} per call, in order)`,
	},
	optionsCollection([
		maxRequestsPerSecondOption(SERVICE_NAME, DOCUMENTED_QPS.QuerySnapshotJobList),
		{
			displayName: 'Unknown IDs',
			name: 'notFound',
			type: 'options',
			options: [
				{
					name: 'Fail',
					value: 'error',
					description: 'Stop with an error naming the unknown IDs',
				},
				{
					name: 'Output as Not Found',
					value: 'flag',
					description: 'Output an item with the ID and NotFound set to true for each unknown ID',
				},
			],
			default: 'error',
			description: 'What to do with IDs MPS reports in NonExistSnapshotJobIds',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['snapshotJob'], operation: ['get'] } },
	properties,
);

/** Snapshot Job → Get: QuerySnapshotJobList by ID, one item per ID in the order given. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const raw: unknown = this.getNodeParameter('jobIds', i, '');
	const ids = Array.isArray(raw)
		? parseJobIds(raw)
		: parseJobIds(readText.call(this, 'jobIds', 'Job IDs', i));
	const options = readOptions.call(this, i, { texts: { notFound: 'Unknown IDs' } });
	const problem = typeof ids === 'string' ? ids : optionsProblem(options);
	if (problem || typeof ids === 'string')
		throw new NodeOperationError(this.getNode(), problem ?? 'Job IDs is required', {
			itemIndex: i,
		});

	const { jobs, missing } = await queryJobsById.call(this, ids, callOptions(options, i));
	if (missing.length > 0 && options.notFound !== 'flag') {
		throw new NodeOperationError(
			this.getNode(),
			`MPS does not know ${missing.length === 1 ? 'snapshot job' : 'these snapshot jobs'}: ${missing.join(', ')}`,
			{
				itemIndex: i,
				description:
					'Check the IDs, and the region of the credential: jobs are per region. Set Options → Unknown IDs to Output as Not Found to continue with the others.',
			},
		);
	}
	const byId = new Map(jobs.map((job) => [job.Id, job]));
	return ids.map((id) => {
		const job = byId.get(id);
		return { json: job ? { ...job } : { Id: id, NotFound: true } };
	});
}
