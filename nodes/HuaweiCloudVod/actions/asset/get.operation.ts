import { NodeOperationError } from 'n8n-workflow';
import type {
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	callOptions,
	firstProblem,
	optionsCollection,
	optionsProblem,
	readOptions,
	requiredProblem,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { vodRequest } from '../../transport';
import type { AssetCategory } from '../../transport/types';
import { assetIdField, paceOption, readAssetId } from '../common.description';

const CATEGORIES: Array<{ name: string; value: AssetCategory }> = [
	{ name: 'Base Info', value: 'base_info' },
	{ name: 'Review Info', value: 'review_info' },
	{ name: 'Thumbnail Info', value: 'thumbnail_info' },
	{ name: 'Transcode Info', value: 'transcode_info' },
];

const properties: INodeProperties[] = [
	assetIdField,
	{
		displayName: 'Categories',
		name: 'categories',
		type: 'multiOptions',
		options: CATEGORIES,
		default: [],
		description:
			'Which parts of the details to get (categories); none selected gets them all, as VOD does by default',
	},
	optionsCollection([paceOption('ShowAssetDetail')]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['asset'], operation: ['get'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

function categoriesProblem(categories: unknown): string | undefined {
	const known = CATEGORIES.map((category) => category.value as string);
	return Array.isArray(categories) && categories.every((value) => known.includes(String(value)))
		? undefined
		: `Categories must be a list of ${known.join(', ')} (got ${JSON.stringify(categories)})`;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const assetId = readAssetId.call(this, i);
	const categories: unknown = this.getNodeParameter('categories', i, []);
	const options = readOptions.call(this, i);
	const problem = firstProblem(
		requiredProblem('Asset ID', assetId),
		categoriesProblem(categories),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const wanted = categories as AssetCategory[];
	const query = { asset_id: assetId, categories: wanted.length > 0 ? wanted : undefined };
	const response = await vodRequest(this, 'ShowAssetDetail', { query }, callOptions(options, i));
	return [{ json: { ...response } }];
}
