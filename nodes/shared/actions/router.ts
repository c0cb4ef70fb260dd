import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItemOrThrow, PartFailure } from './itemErrors';

/** An output item of an operation, or one part of it that failed. */
export type ItemResult = INodeExecutionData | PartFailure;

/**
 * What an operation returns for one input item. An async iterable lets the router stop the
 * operation at the first failed part when continue-on-fail is off (no further downloads).
 */
export type ItemResults = Iterable<ItemResult> | AsyncIterable<ItemResult>;

export type OperationExecute = (this: IExecuteFunctions, i: number) => Promise<ItemResults>;

/** A node's resource/operation pairs, as n8n's `AllEntities<NodeMap>` gives them. */
export interface Entity {
	resource: string;
	operation: string;
}

/** One execute function per operation of every resource, typed by the node's `AllEntities` map. */
export type OperationTable<E extends Entity> = {
	[R in E['resource']]: Record<Extract<E, { resource: R }>['operation'], OperationExecute>;
};

function operationFor<E extends Entity>(
	operations: OperationTable<E>,
	entity: Entity,
): OperationExecute | undefined {
	const byResource: Record<string, Record<string, OperationExecute> | undefined> = operations;
	return byResource[entity.resource]?.[entity.operation];
}

async function runOperation(
	this: IExecuteFunctions,
	execute: OperationExecute | undefined,
	entity: Entity,
	i: number,
): Promise<INodeExecutionData[]> {
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${entity.operation}" of resource "${entity.resource}" is not supported`,
			{ itemIndex: i },
		);
	}
	const items: INodeExecutionData[] = [];
	for await (const result of await execute.call(this, i)) {
		items.push(
			result instanceof PartFailure
				? errorItemOrThrow.call(this, result.error, i, result.details)
				: { ...result, pairedItem: { item: i } },
		);
	}
	return items;
}

/**
 * Runs the node's operation for every input item: the item loop, the cancel check, pairedItem
 * and continue-on-fail. Operations return items without pairedItem: binary downloads need whole
 * items, and every item they return (one or many) belongs to input item i.
 */
export async function routeItems<E extends Entity>(
	this: IExecuteFunctions,
	operations: OperationTable<E>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		if (this.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(this.getNode(), 'Execution was cancelled', { itemIndex: i });
		}
		const entity: Entity = {
			resource: this.getNodeParameter('resource', i) as string,
			operation: this.getNodeParameter('operation', i) as string,
		};
		try {
			returnData.push(
				...(await runOperation.call(this, operationFor(operations, entity), entity, i)),
			);
		} catch (error) {
			returnData.push(errorItemOrThrow.call(this, error, i));
		}
	}
	return [returnData];
}
