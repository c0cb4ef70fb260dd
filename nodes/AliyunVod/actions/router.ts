import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationTable } from '../../shared/actions';
import type { AliyunVodType } from './node.type';
import * as snapshot from './snapshot';
import * as video from './video';

const operations: OperationTable<AliyunVodType> = {
	snapshot: { submit: snapshot.submit.execute, getAll: snapshot.getAll.execute },
	video: { get: video.get.execute, search: video.search.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
