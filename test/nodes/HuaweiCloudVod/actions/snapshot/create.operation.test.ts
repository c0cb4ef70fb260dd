import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { documentedQps } from '../../../../../nodes/HuaweiCloudVod/transport';
import { huaweiProjectId } from '../../../../emulator/accounts';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { against, HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';
import type { HuaweiRun } from '../../harness';
import { huaweiStandInPerFile, VodStandInError } from '../../huaweiStandIn';
import type { HuaweiStandIn } from '../../huaweiStandIn';

let vod: HuaweiStandIn;
huaweiStandInPerFile((started) => (vod = started));

const ASSET_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const TASK_ID = '3f8a0c2e9b7d4e61a5c0d2b8e7f6a9c1';

async function run(parameters: INodeParameters, options: HuaweiRun = {}) {
	return await runHuaweiVod(parameters, against(vod.url, options));
}

function create(extra: Record<string, unknown> = {}): INodeParameters {
	return {
		resource: 'snapshot',
		operation: 'create',
		assetId: ASSET_ID,
		// A fast pace: the documented 1.6 a second would slow the file down.
		options: { maxRequestsPerSecond: 100 },
		...extra,
	} as INodeParameters;
}

const created = { asset_id: ASSET_ID, thumbnail_task_id: TASK_ID };

describe('Snapshot → Create (asset/process with thumbnail)', () => {
	it('sends the exact signed asset/process request and outputs VOD answer', async () => {
		vod.answer(() => created);
		const result = await run(create({ snapshotType: 'time', interval: 10 }));
		expect(vod.calls()).toEqual([
			{
				method: 'POST',
				path: `/v1.0/${huaweiProjectId}/asset/process`,
				query: [],
				body: { asset_id: ASSET_ID, thumbnail: { type: 'time', time: 10 } },
				signed: true,
			},
		]);
		expect(nodeOutput(result, HW_NODE)).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it.each<[string, Record<string, unknown>, object]>([
		[
			'time points',
			{ snapshotType: 'dots', timePoints: ' 5, 10,30 ' },
			{ type: 'dots', dots: [5, 10, 30] },
		],
		['a quantity', { snapshotType: 'quantity', quantity: 3 }, { type: 'quantity', quantity: 3 }],
		[
			'a quantity taken 2 s apart',
			{ snapshotType: 'quantity', quantity: 10, settings: { quantityTime: 2 } },
			{ type: 'quantity', quantity: 10, quantity_time: 2 },
		],
		[
			'every setting',
			{
				snapshotType: 'time',
				interval: 0,
				settings: { coverPosition: 2, aspectRatio: 1, maxLength: 720 },
			},
			{ type: 'time', time: 0, cover_position: 2, aspect_ratio: 1, max_length: 720 },
		],
		[
			'a 100 s interval, the largest',
			{ snapshotType: 'time', interval: 100 },
			{ type: 'time', time: 100 },
		],
		[
			'numbers typed as text by an expression',
			{ snapshotType: 'quantity', quantity: '4', settings: { maxLength: '320' } },
			{ type: 'quantity', quantity: 4, max_length: 320 },
		],
	])('sends %s as the thumbnail object', async (_name, extra, thumbnail) => {
		vod.answer(() => created);
		await run(create(extra));
		expect(vod.calls().map((call) => call.body)).toEqual([{ asset_id: ASSET_ID, thumbnail }]);
	});

	it('sends the template group name, trimmed, and leaves out an empty one', async () => {
		vod.answer(() => created);
		await run(create({ settings: { templateGroupName: ' hd-group ' } }));
		await run(create({ settings: { templateGroupName: '' } }));
		expect(vod.calls().map((call) => call.body)).toEqual([
			{
				asset_id: ASSET_ID,
				template_group_name: 'hd-group',
				thumbnail: { type: 'time', time: 12 },
			},
			{ asset_id: ASSET_ID, thumbnail: { type: 'time', time: 12 } },
		]);
	});

	it('outputs the asset id alone when VOD returns no thumbnail_task_id', async () => {
		vod.answer(() => ({ asset_id: ASSET_ID }));
		const result = await run(create());
		expect(nodeOutput(result, HW_NODE).map((item) => item.json)).toEqual([{ asset_id: ASSET_ID }]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['an empty Asset ID', { assetId: '  ' }, 'Asset ID is required'],
		[
			'an Interval above 100',
			{ snapshotType: 'time', interval: 101 },
			'Interval (Seconds) must be a whole number from 0 to 100 (got 101)',
		],
		[
			'a negative Interval',
			{ snapshotType: 'time', interval: -1 },
			'Interval (Seconds) must be a whole number from 0 to 100 (got -1)',
		],
		[
			'a fractional Interval',
			{ snapshotType: 'time', interval: 2.5 },
			'Interval (Seconds) must be a whole number from 0 to 100 (got 2.5)',
		],
		[
			'a Quantity of 0',
			{ snapshotType: 'quantity', quantity: 0 },
			'Quantity must be a whole number from 1 to 10 (got 0)',
		],
		[
			'a Quantity of 11',
			{ snapshotType: 'quantity', quantity: 11 },
			'Quantity must be a whole number from 1 to 10 (got 11)',
		],
		[
			'empty Time Points',
			{ snapshotType: 'dots', timePoints: ' ' },
			'Time Points must be a list of whole seconds such as "5, 10, 30" (got "")',
		],
		[
			'a fractional time point',
			{ snapshotType: 'dots', timePoints: '5, 1.5' },
			'Time Points must be a list of whole seconds such as "5, 10, 30" (got "5, 1.5")',
		],
		[
			'a word among the time points',
			{ snapshotType: 'dots', timePoints: '5, ten' },
			'Time Points must be a list of whole seconds such as "5, 10, 30" (got "5, ten")',
		],
		[
			'a Cover Position of 0',
			{ settings: { coverPosition: 0 } },
			'Cover Position must be a whole number from 1 to 2147483647 (got 0)',
		],
		[
			'an unknown Snapshot Type from an expression',
			{ snapshotType: 'sprite' },
			'Snapshot Type must be Interval, Time Points or Quantity (got "sprite")',
		],
		[
			'a Max Wait Time of 0 with Wait for Completion',
			{ waitForCompletion: true, options: { maxWaitTime: 0 } },
			'Max Wait Time must be from 1 to 86400 seconds (got 0)',
		],
		[
			'a Max File Size of 0 with Download Images',
			{ waitForCompletion: true, downloadImages: true, options: { maxFileSize: 0 } },
			'Max File Size (MB) must be greater than 0 (got 0)',
		],
		[
			'a Quantity that is not a number',
			{ snapshotType: 'quantity', quantity: 'many' },
			'Quantity must be a number (got "many")',
		],
	])('refuses %s before any request', async (_name, extra, message) => {
		const result = await run(create(extra));
		expect(hwErrorMessage(result)).toBe(message);
		expect(vod.calls()).toEqual([]);
	});

	it('refuses Retry On Fail, which would create the tasks of every item again', async () => {
		const result = await run(create(), { retryOnFail: true });
		expect(hwErrorMessage(result)).toMatch(
			/^Turn off Retry On Fail in the node's Settings for Snapshot → Create/,
		);
		expect(vod.calls()).toEqual([]);
	});

	it('never re-sends asset/process after a gateway 503, and says how to check the outcome', async () => {
		vod.answer(() => {
			throw new VodStandInError(503, 'APIGW.0201', 'Request error.');
		});
		const result = await run(create());
		expect(vod.calls()).toHaveLength(1);
		const error = result.data.resultData.runData[HW_NODE]?.[0]?.error;
		expect(`${error?.message} ${error?.description}`).toContain(
			'Check with Asset → Get Many Tasks (type Snapshot) for this asset before running again.',
		);
	});

	it('reports a VOD error answer with its code, not retried', async () => {
		vod.answer(() => {
			throw new VodStandInError(
				400,
				'VOD.10062',
				'Media asset or resource does not exist, please check.',
			);
		});
		const result = await run(create());
		expect(vod.calls()).toHaveLength(1);
		expect(hwErrorMessage(result)).toContain('Media asset or resource does not exist');
	});

	it('paces asset/process at VOD documented 100 calls a minute unless told otherwise', () => {
		expect(documentedQps('CreateAssetProcessTask')).toBe(1.6);
		expect(documentedQps('ShowAssetDetail')).toBe(25);
		expect(documentedQps('ListThumbnailInfo')).toBe(20);
	});
});
