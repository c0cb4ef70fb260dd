import { afterEach, describe, expect, it } from 'vitest';

import { huaweiMfsAuthKey } from '../../emulator/accounts';
import { taskIdOf, vodApi } from '../../emulator/clients/huaweiVod';
import type { Emulator } from '../../emulator/server';
import type { TriggerHarness } from '../../support/webhookTrigger';
import { huaweiEmulatorPerFile } from './emulatorRuns';
import { startMfsTrigger } from './triggerHarness';

let emulator: Emulator;
huaweiEmulatorPerFile((started) => (emulator = started));

let trigger: TriggerHarness | undefined;
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

async function listening(authKey: string = huaweiMfsAuthKey): Promise<TriggerHarness> {
	trigger = await startMfsTrigger({ events: ['thumbnailComplete'] }, { authKey });
	await trigger.activate();
	emulator.huawei.configureMfsCallback({ url: trigger.productionUrl, authKey: huaweiMfsAuthKey });
	return trigger;
}

describe('Huawei Cloud VOD Trigger against the emulator MFS deliveries', () => {
	it('starts one execution per finished task with its snapshot URLs, and none for a redelivery', async () => {
		const hook = await listening();
		const api = vodApi(emulator.url);
		const taskId = taskIdOf(await api.process({ type: 'quantity', quantity: 2 }));
		await emulator.huawei.idle();
		const task = emulator.huawei.tasks().find((candidate) => candidate.taskId === taskId);

		expect(hook.executions).toHaveLength(1);
		const [output] = hook.executions[0];
		expect(output).toMatchObject({
			event_type: 'thumbnailComplete',
			thumbnail_info: { asset_id: task?.assetId, status: 'SUCCEED' },
			snapshots: task?.images,
		});

		const [delivery] = emulator.huawei.deliveries();
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([200]);
		await emulator.huawei.redeliver(delivery.id);
		expect(emulator.huawei.deliveries()[1].attempts.map((attempt) => attempt.status)).toEqual([
			200,
		]);
		expect(hook.executions).toHaveLength(1);
	});

	it('refuses deliveries signed with another key: 401, no execution', async () => {
		const hook = await listening('NotTheConsoleKey01');
		const api = vodApi(emulator.url);
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		expect(emulator.huawei.deliveries()[0].attempts.map((attempt) => attempt.status)).toEqual([
			401,
		]);
		expect(hook.executions).toHaveLength(0);
	});
});
