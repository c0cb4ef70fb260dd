import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	firstProblem,
	optionsCollection,
	optionsProblem,
	rangeProblem,
	readLimit,
	readOptions,
	readText,
	returnAllAndLimitFields,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { collectByOffset } from '../../../shared/pagination';
import { vodRequest } from '../../transport';
import { paceOption, readAssetId } from '../common.description';

/** asset/thumbnails: pages of at most 100, `offset` at most 20,000 (huawei.md §4.2). */
const PAGE_SIZE = 100;
const MAX_OFFSET = 20000;
const MAX_LIMIT = MAX_OFFSET + PAGE_SIZE;

const properties: INodeProperties[] = [
	{
		displayName: 'Asset ID',
		name: 'assetId',
		type: 'string',
		default: '',
		placeholder: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
		description: 'List the snapshot tasks of this media asset. Set this, Task ID, or both.',
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		description: 'List only this snapshot task. Set this, Asset ID, or both.',
	},
	...returnAllAndLimitFields(MAX_LIMIT),
	optionsCollection([paceOption('ListThumbnailInfo')]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['getAll'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const assetId = readAssetId.call(this, i);
	const taskId = readText.call(this, 'taskId', 'Task ID', i);
	const limit = readLimit.call(this, i);
	const options = readOptions.call(this, i);
	const problem = firstProblem(
		assetId === '' && taskId === '' ? 'Asset ID or Task ID is required' : undefined,
		rangeProblem('Limit', limit, 1, MAX_LIMIT),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const filter = { asset_id: assetId || undefined, task_id: taskId || undefined };
	const tasks = await collectByOffset(
		async (offset, pageSize) => {
			const page = await vodRequest(
				this,
				'ListThumbnailInfo',
				{ query: { ...filter, offset, limit: pageSize } },
				callOptions(options, i),
			);
			return { items: page.thumbnails ?? [], total: page.total };
		},
		{ limit, maxPageSize: PAGE_SIZE, maxOffset: MAX_OFFSET },
	);
	return tasks.map((task) => ({ json: { ...task } }));
}
