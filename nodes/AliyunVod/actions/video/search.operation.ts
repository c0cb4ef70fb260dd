import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	callOptions,
	firstProblem,
	maxRequestsPerSecondOption,
	optionsProblem,
	rangeProblem,
	readLimit,
	readOptions,
	readText,
	returnAllAndLimitFields,
} from '../../../shared/actions';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { collectByPageNumber } from '../../../shared/pagination';
import { DOCUMENTED_QPS, vodRequest } from '../../transport';
import type { SearchMediaItem, SearchMediaRequest, SearchSortBy } from '../../transport/types';
import { SERVICE_NAME } from '../common.description';

/** SearchMedia returns at most 100 media per page; plain paging reaches the first 5,000 results. */
const SEARCH_MAX_PAGE_SIZE = 100;
const MAX_SEARCH_LIMIT = 5000;

const properties: INodeProperties[] = [
	{
		displayName: 'Match',
		name: 'match',
		type: 'string',
		default: '',
		placeholder: "Title = 'demo' and Status = 'Normal'",
		description:
			"Filter in VOD's media search syntax (Match). Empty matches every video. See https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-searchmedia.",
	},
	...returnAllAndLimitFields(MAX_SEARCH_LIMIT),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'Title,CoverURL,Duration',
				description: 'Comma-separated media fields to return besides the basic ones',
			},
			maxRequestsPerSecondOption(SERVICE_NAME, DOCUMENTED_QPS.SearchMedia),
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Creation Time, Newest First', value: 'CreationTime:Desc' },
					{ name: 'Creation Time, Oldest First', value: 'CreationTime:Asc' },
				],
				default: 'CreationTime:Desc',
			},
		],
	},
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['video'], operation: ['search'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

function trimmedOrUndefined(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, i);
	const options = readOptions.call(this, i, { texts: { fields: 'Fields' } });
	const problem = firstProblem(
		rangeProblem('Limit', limit, 1, MAX_SEARCH_LIMIT),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const query: Omit<SearchMediaRequest, 'PageNo' | 'PageSize'> = {
		SearchType: 'video',
		Match: trimmedOrUndefined(readText.call(this, 'match', 'Match', i)),
		Fields: trimmedOrUndefined(options.fields),
		SortBy: options.sortBy as SearchSortBy | undefined,
	};
	// Beyond the first 5,000 results VOD pages video searches only with the ScrollToken it returned last.
	let scrollToken: string | undefined;
	const media = await collectByPageNumber<SearchMediaItem>(
		async (pageNo, pageSize) => {
			const response = await vodRequest(
				this,
				'SearchMedia',
				{ ...query, PageNo: pageNo, PageSize: pageSize, ScrollToken: scrollToken },
				callOptions(options, i),
			);
			scrollToken = response.ScrollToken ?? scrollToken;
			return { items: response.MediaList ?? [], total: response.Total };
		},
		{ maxPageSize: SEARCH_MAX_PAGE_SIZE, limit },
	);
	return media.map((item) => ({ json: { ...item } as IDataObject }));
}
