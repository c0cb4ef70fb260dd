import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationTable } from '../../shared/actions';
import type { AliyunMpsType } from './node.type';
import * as snapshotJob from './snapshotJob';

const operations: OperationTable<AliyunMpsType> = {
	snapshotJob: {
		submit: snapshotJob.submit.execute,
		get: snapshotJob.get.execute,
		getAll: snapshotJob.getAll.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
