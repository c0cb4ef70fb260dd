import { describe, expect, it, onTestFinished } from 'vitest';

import { taskIdOf, vodApi } from '../../../emulator/clients/huaweiVod';
import type { Emulator } from '../../../emulator/server';
import { huaweiEmulatorPerFile } from '../emulatorRuns';
import { startSmnTrigger, statuses } from './smnHarness';

let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

describe('Huawei Cloud VOD Trigger in SMN mode against the emulator', () => {
	it('is subscribed, then starts one execution per finished task, through the same emulator VOD publishes from', async () => {
		await emulator.huawei.smn.start();
		const smn = emulator.huawei.smn;
		const trigger = await startSmnTrigger(smn);
		onTestFinished(async () => await trigger.close());
		expect(statuses(await smn.subscribe(trigger.productionUrl))).toEqual([200]);
		expect(smn.subscriptions()).toMatchObject([{ confirmed: true }]);

		const api = vodApi(emulator.url);
		const taskId = taskIdOf(await api.process({ type: 'quantity', quantity: 2 }));
		await emulator.huawei.idle();
		const task = emulator.huawei.tasks().find((candidate) => candidate.taskId === taskId);
		const notifications = smn.deliveries().filter((delivery) => delivery.type === 'Notification');
		expect(notifications.map(statuses)).toEqual([[200]]);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0][0]).toMatchObject({
			event_type: 'thumbnailComplete',
			thumbnail_info: { asset_id: task?.assetId, status: 'SUCCEED' },
			snapshots: task?.images,
		});
		// MFS is not configured: VOD notified through SMN alone.
		expect(emulator.huawei.deliveries()).toEqual([]);
	});
});
