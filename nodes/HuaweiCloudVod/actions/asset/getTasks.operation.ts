import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import {
	callOptions,
	coerceFields,
	firstProblem,
	optionsCollection,
	optionsProblem,
	rangeProblem,
	readLimit,
	readOptions,
	returnAllAndLimitFields,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { collectByToken } from '../../../shared/pagination';
import { timeProblem, vodUtcTime } from '../../helpers/timeWindow';
import { vodRequest } from '../../transport';
import type { ListAssetTaskInfoQuery } from '../../transport/types';
import { paceOption } from '../common.description';
import { TASK_FILTER_LABELS, TIME_FILTERS, taskFilterFields } from './getTasks.description';

/** asset/tasks: `limit` 1 to 100, marker paging (huawei.md §4.6). */
const PAGE_SIZE = 100;
const MAX_LIMIT = 10000;

const properties: INodeProperties[] = [
	...returnAllAndLimitFields(MAX_LIMIT),
	taskFilterFields,
	optionsCollection([paceOption('ListAssetTaskInfo')]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['asset'], operation: ['getTasks'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

type TaskFilter = Omit<ListAssetTaskInfoQuery, 'marker' | 'limit'>;

function text(filters: IDataObject, name: string): string {
	return ((filters[name] as string | undefined) ?? '').trim();
}

function filtersProblem(filters: IDataObject): string | undefined {
	return firstProblem(
		...Object.entries(TIME_FILTERS).map(([name]) =>
			timeProblem(TASK_FILTER_LABELS[name], text(filters, name)),
		),
	);
}

/** The filters as VOD's query; empty ones are left out (VOD's default: no filter). */
function taskFilter(filters: IDataObject): TaskFilter {
	const optional = (name: string) => text(filters, name) || undefined;
	const time = (name: string) => vodUtcTime(text(filters, name));
	return {
		type: optional('type') as TaskFilter['type'],
		status: optional('status') as TaskFilter['status'],
		asset_id: optional('assetId'),
		task_id: optional('taskId'),
		...Object.fromEntries(Object.entries(TIME_FILTERS).map(([name, key]) => [key, time(name)])),
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const limit = readLimit.call(this, i);
	const filters = coerceFields(this.getNodeParameter('filters', i, {}) as IDataObject, {
		texts: TASK_FILTER_LABELS,
	});
	const options = readOptions.call(this, i);
	const problem = firstProblem(
		rangeProblem('Limit', limit, 1, MAX_LIMIT),
		filtersProblem(filters),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const filter = taskFilter(filters);
	const tasks = await collectByToken(
		async (marker, pageSize) => {
			const page = await vodRequest(
				this,
				'ListAssetTaskInfo',
				{ query: { ...filter, marker, limit: pageSize } },
				callOptions(options, i),
			);
			return { items: page.results ?? [], nextToken: page.next_marker };
		},
		{ limit, maxPageSize: PAGE_SIZE },
	);
	return tasks.map((task) => ({ json: { ...task } }));
}
