import { describe, expect, it } from 'vitest';

import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import { huaweiStandInPerFile, VodStandInError } from '../../huaweiStandIn';
import type { HuaweiStandIn, HuaweiWireCall } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

const ASSET_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

function remove(taskIds: string, assetId = ASSET_ID) {
	return { resource: 'snapshot', operation: 'delete', assetId, taskIds };
}

function taskIdsOf(call: HuaweiWireCall): string[] {
	return call.query.filter(([name]) => name === 'task_id').map(([, value]) => value);
}

const deleted = (call: HuaweiWireCall) => ({
	delete_result_array: taskIdsOf(call).map((taskId) => ({
		asset_id: ASSET_ID,
		task_id: taskId,
		status: taskId === 'gone' ? 'FAILED' : 'DELETED',
	})),
});

describe('Snapshot → Delete (DELETE asset/thumbnails)', () => {
	it('sends the exact signed request with repeated task_id and outputs one item per result', async () => {
		vod.answer(deleted);
		const result = await runHuaweiVod(remove('t1, gone'), against(vod.url));
		expect(vod.calls()).toEqual([
			{
				method: 'DELETE',
				path: `/v1/${huaweiProjectId}/asset/thumbnails`,
				query: [
					['asset_id', ASSET_ID],
					['task_id', 'gone'],
					['task_id', 't1'],
				],
				body: undefined,
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE).map((item) => item.json)).toEqual([
			{ asset_id: ASSET_ID, task_id: 'gone', status: 'FAILED' },
			{ asset_id: ASSET_ID, task_id: 't1', status: 'DELETED' },
		]);
	});

	it('sends 23 task IDs as calls of 10, 10 and 3, each ID once', async () => {
		vod.answer(deleted);
		const ids = Array.from({ length: 23 }, (_, k) => `t${String(k).padStart(2, '0')}`);
		const result = await runHuaweiVod(remove(`${ids.join(',')}, t00`), against(vod.url));
		expect(vod.calls().map((call) => taskIdsOf(call).length)).toEqual([10, 10, 3]);
		expect(vod.calls().flatMap(taskIdsOf).sort()).toEqual(ids);
		expect(nodeOutput(result, HW_NODE)).toHaveLength(23);
	});

	it('keeps the deleted tasks of the other chunks when one chunk fails, under continue-on-fail', async () => {
		vod.answer((call) => {
			if (taskIdsOf(call).includes('t10')) {
				throw new VodStandInError(400, 'VOD.10053', 'The request parameter is illegal');
			}
			return deleted(call);
		});
		const ids = Array.from({ length: 23 }, (_, k) => `t${String(k).padStart(2, '0')}`);
		const result = await runHuaweiVod(
			remove(ids.join(',')),
			against(vod.url, { onError: 'continueRegularOutput' }),
		);
		const items = nodeOutput(result, HW_NODE).map((item) => item.json);
		expect(vod.calls()).toHaveLength(3);
		expect(items.filter((item) => item.status === 'DELETED')).toHaveLength(13);
		expect(items.find((item) => item.error !== undefined)).toMatchObject({
			details: { code: 'VOD.10053', task_ids: ids.slice(10, 20) },
		});
	});

	it.each([
		['a blank Asset ID', remove('t1', ' '), 'Asset ID is required'],
		['no Task IDs', remove(' , '), 'Task IDs is required'],
	])('refuses %s before any request', async (_name, parameters, message) => {
		const result = await runHuaweiVod(parameters, against(vod.url));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});
});
