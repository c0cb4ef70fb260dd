/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { describe, expect, it } from 'vitest';

import { taskIdOf, vodApi } from '../../../../emulator/clients/huaweiVod';
import type { Emulator } from '../../../../emulator/server';
import { nodeOutput } from '../../../../support/inProcessN8n';
import { againstEmulator, huaweiEmulatorPerFile } from '../../emulatorRuns';
import { HW_NODE, hwErrorMessage, runHuaweiVod } from '../../harness';

let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

const TEN_MINUTES = 10 * 60_000;
/** VOD lists a new task in asset/tasks only this long after creating it (eventual consistency). */
const LISTING_LAG_MS = 1500;

const createAndWait = (assetId: string) => ({
	resource: 'snapshot',
	operation: 'create',
	assetId,
	snapshotType: 'quantity',
	quantity: 2,
	waitForCompletion: true,
	options: { pollInterval: 0.5, maxWaitTime: 8, maxRequestsPerSecond: 100 },
});

describe.each([
	{ skew: 'ahead of', skewMs: TEN_MINUTES },
	{ skew: 'behind', skewMs: -TEN_MINUTES },
])(
	"Snapshot → Create's wait without a task id, VOD's clock 10 minutes $skew n8n's",
	({ skewMs }) => {
		it.each([
			{ ids: 'listed', taskIds: 'listed' as const },
			{ ids: 'no', taskIds: 'none' as const },
		])(
			"outputs the new task's images, never those of the asset's earlier finished task ($ids task ids in asset/tasks)",
			async ({ taskIds }) => {
				const asset = emulator.huawei.seedAsset({ taskIds, listedAfterMs: LISTING_LAG_MS });
				emulator.setClockSkew(skewMs);
				const earlier = await vodApi(emulator.url).process(
					{ type: 'quantity', quantity: 3 },
					asset.assetId,
				);
				expect(earlier.json.thumbnail_task_id).toBeUndefined();
				await emulator.huawei.idle();
				// The earlier task is listed (and FINISHED) by the time the Create below is sent.
				await new Promise((resolve) => setTimeout(resolve, LISTING_LAG_MS));

				const run = await runHuaweiVod(createAndWait(asset.assetId), againstEmulator(emulator));
				expect(hwErrorMessage(run)).toBeUndefined();
				const [old, created] = emulator.huawei.tasks();
				expect(old.status).toBe('SUCCEED');
				const output = nodeOutput(run, HW_NODE).map((item) => item.json);
				expect(output).toEqual(
					created.images.map((image) => ({ asset_id: asset.assetId, ...image })),
				);
				const oldUrls = old.images.map((image) => image.url);
				expect(output.some((json) => oldUrls.includes(String(json.url)))).toBe(false);
			},
		);
	},
);

describe('the emulator with task ids omitted', () => {
	it('answers asset/process without thumbnail_task_id and lists tasks only after the lag', async () => {
		const asset = emulator.huawei.seedAsset({ taskIds: 'none', listedAfterMs: 300 });
		const api = vodApi(emulator.url);
		const process = await api.process({ type: 'quantity', quantity: 1 }, asset.assetId);
		expect(process.json).toEqual({ asset_id: asset.assetId });
		const query = { type: 'THUMBNAIL', asset_id: asset.assetId };
		expect((await api.tasks(query)).json.results).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 350));
		const [listed] = (await api.tasks(query)).json.results;
		expect(listed).toMatchObject({ asset_id: asset.assetId, type: 'THUMBNAIL' });
		expect(listed).not.toHaveProperty('task_id');
	});

	it('names the task in both answers by default', async () => {
		const api = vodApi(emulator.url);
		const taskId = taskIdOf(await api.process({ type: 'quantity', quantity: 1 }));
		const page = await api.tasks({ type: 'THUMBNAIL', task_id: taskId });
		expect(page.json.results.map((result) => result.task_id)).toEqual([taskId]);
	});
});
