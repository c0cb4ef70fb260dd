import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callOptions,
	downloadImagesField,
	downloadOptions,
	firstProblem,
	optionsCollection,
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
import { imageItems } from '../../helpers/imageItems';
import {
	DETAILS_MAX_OFFSET,
	DETAILS_PAGE_SIZE,
	thumbnailImages,
} from '../../helpers/thumbnailImages';
import { paceOption, readTaskId, taskIdField } from '../common.description';

const MAX_LIMIT = DETAILS_MAX_OFFSET + DETAILS_PAGE_SIZE;

const properties: INodeProperties[] = [
	taskIdField,
	...returnAllAndLimitFields(MAX_LIMIT),
	downloadImagesField,
	optionsCollection([paceOption('ListThumbnailDetails'), ...downloadOptions]),
];

const displayOptions: IDisplayOptions = {
	show: { resource: ['snapshot'], operation: ['getImages'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const taskId = readTaskId.call(this, i);
	const limit = readLimit.call(this, i);
	const downloadImages = readBoolean.call(this, 'downloadImages', 'Download Images', i);
	const options = readOptions.call(this, i);
	const problem = firstProblem(
		requiredProblem('Task ID', taskId),
		rangeProblem('Limit', limit, 1, MAX_LIMIT),
		optionsProblem(options),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex: i });

	const images = await thumbnailImages.call(this, taskId, limit, callOptions(options, i));
	return imageItems.call(this, images, { task_id: taskId }, options, i, downloadImages);
}
