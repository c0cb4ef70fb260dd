import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorJson } from '../helpers/errors';
import type { AliyunVodType } from './node.type';
import * as snapshot from './snapshot';
import * as video from './video';

type OperationExecute = (this: IExecuteFunctions, i: number) => Promise<INodeExecutionData[]>;

const operations: {
	[R in AliyunVodType['resource']]: Record<
		Extract<AliyunVodType, { resource: R }>['operation'],
		OperationExecute
	>;
} = {
	snapshot: { submit: snapshot.submit.execute, getAll: snapshot.getAll.execute },
	video: { get: video.get.execute, search: video.search.execute },
};

function operationFor(entity: {
	resource: string;
	operation: string;
}): OperationExecute | undefined {
	const byOperation: Record<string, OperationExecute> | undefined =
		operations[entity.resource as AliyunVodType['resource']];
	return byOperation?.[entity.operation];
}

/**
 * Runs the operation for every input item. Operations return items without pairedItem: binary
 * downloads need whole items, and every item they return (one or many) belongs to input item i.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		if (this.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(this.getNode(), 'Execution was cancelled', { itemIndex: i });
		}
		const entity = {
			resource: this.getNodeParameter('resource', i) as string,
			operation: this.getNodeParameter('operation', i) as string,
		};
		const execute = operationFor(entity);
		try {
			if (!execute) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${entity.operation}" of resource "${entity.resource}" is not supported`,
					{ itemIndex: i },
				);
			}
			const results = await execute.call(this, i);
			for (const result of results) returnData.push({ ...result, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, i);
			if (!this.continueOnFail()) throw nodeError;
			returnData.push({ json: errorJson(nodeError), pairedItem: { item: i } });
		}
	}
	return [returnData];
}
