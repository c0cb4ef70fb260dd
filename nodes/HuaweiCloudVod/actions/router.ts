import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationTable } from '../../shared/actions';
import * as asset from './asset';
import type { HuaweiCloudVodType } from './node.type';
import * as snapshot from './snapshot';

const operations: OperationTable<HuaweiCloudVodType> = {
	snapshot: {
		create: snapshot.create.execute,
		getAll: snapshot.getAll.execute,
		getImages: snapshot.getImages.execute,
		delete: snapshot.deleteSnapshots.execute,
		setCover: snapshot.setCover.execute,
	},
	asset: { get: asset.get.execute, getTasks: asset.getTasks.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
