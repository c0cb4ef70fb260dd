import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import {
	callOptions,
	firstProblem,
	optionsCollection,
	optionsProblem,
	PartFailure,
	readOptions,
	readText,
	requiredProblem,
	type ItemResult,
	type ItemResults,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inChunks } from '../../../shared/pagination';
import { vodRequest } from '../../transport';
import { assetIdField, paceOption, readAssetId } from '../common.description';

/** DELETE asset/thumbnails takes at most 10 task IDs (huawei.md §4.4); more are sent in chunks. */
export const TASK_IDS_PER_CALL = 10;

const properties: INodeProperties[] = [
	assetIdField,
	{
		displayName: 'Task IDs',
		name: 'taskIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3f8a0c2e9b7d4e61a5c0d2b8e7f6a9c1, 7d1e…',
		description:
			'Snapshot tasks whose snapshots to delete, separated by commas. VOD takes 10 per call; more are sent 10 at a time.',
	},
	optionsCollection([paceOption('DeleteThumbnails')]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['delete'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

/** The IDs in the text, in order, each once. */
export function idList(text: string): string[] {
	return [...new Set(text.split(/[\s,]+/).filter((id) => id !== ''))];
}

/** One item per deleted task; a chunk VOD refused is one failed part naming its task IDs. */
async function* deleteInChunks(
	this: IExecuteFunctions,
	assetId: string,
	taskIds: string[],
	options: IDataObject,
	i: number,
): AsyncGenerator<ItemResult> {
	for (const chunk of inChunks(taskIds, TASK_IDS_PER_CALL)) {
		try {
			const response = await vodRequest(
				this,
				'DeleteThumbnails',
				{ query: { asset_id: assetId, task_id: chunk } },
				callOptions(options, i),
			);
			for (const result of response.delete_result_array) yield { json: { ...result } };
		} catch (error) {
			yield new PartFailure(error, { asset_id: assetId, task_ids: chunk });
		}
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const assetId = readAssetId.call(this, i);
	const taskIds = idList(readText.call(this, 'taskIds', 'Task IDs', i));
	const options = readOptions.call(this, i);
	const problem = firstProblem(
		requiredProblem('Asset ID', assetId),
		requiredProblem('Task IDs', taskIds.join(',')),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });
	return deleteInChunks.call(this, assetId, taskIds, options, i);
}
