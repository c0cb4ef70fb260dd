import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';

import { huaweiMfsAuthKey } from '../../accounts';
import {
	startCallbackReceiver,
	type CallbackReceiver,
	type ReceivedCallback,
} from '../../../support/callbackReceiver';
import { SEEDED_ASSET_IDS } from '../../huawei';
import type { Emulator } from '../../server';
import { huaweiVodPerFile, taskIdOf, type VodApi } from '../../clients/huaweiVod';

let emulator: Emulator;
let api: VodApi;
let receiver: CallbackReceiver | undefined;

huaweiVodPerFile(
	(started, client) => {
		emulator = started;
		api = client;
	},
	(started) => {
		started.huawei.setTaskDuration(0);
	},
);
afterEach(async () => {
	await receiver?.close();
	receiver = undefined;
});

async function receiveWith(statuses: number[], delaysMs: number[] = []): Promise<CallbackReceiver> {
	receiver = await startCallbackReceiver();
	receiver.respondWith(statuses);
	receiver.respondAfter(...delaysMs);
	emulator.huawei.configureMfsCallback({
		url: receiver.url,
		authKey: huaweiMfsAuthKey,
		retryDelayMs: 10,
		timeoutMs: 200,
	});
	return receiver;
}

/** huawei.md 6.4, computed here independently: hex HMAC-SHA256(key, "VOD_" + timestamp + "_" + message). */
function expectedSign(timestamp: string, message: string): string {
	return createHmac('sha256', huaweiMfsAuthKey).update(`VOD_${timestamp}_${message}`).digest('hex');
}

interface ThumbnailEvent {
	event_type: string;
	thumbnail_info: {
		asset_id: string;
		status: string;
		sample?: Array<{ offset: number; url: string }>;
		error_code?: string;
	};
}

function parseCallback(callback: ReceivedCallback): ThumbnailEvent {
	const envelope = JSON.parse(callback.body) as { message: unknown };
	expect(typeof envelope.message).toBe('string');
	const message = String(envelope.message);
	expect(callback.headers.auth_sign).toBe(expectedSign(callback.headers.auth_timestamp, message));
	return JSON.parse(message) as ThumbnailEvent;
}

describe('MFS thumbnailComplete callbacks', () => {
	it('POSTs a signed {"message": "<event JSON>"} envelope when a task succeeds', async () => {
		const { received } = await receiveWith([200]);
		const before = Math.floor(Date.now() / 1000);
		taskIdOf(await api.process({ type: 'time', time: 20 }));
		await emulator.huawei.idle();
		expect(received).toHaveLength(1);
		const timestamp = Number(received[0].headers.auth_timestamp);
		expect(timestamp).toBeGreaterThanOrEqual(before);
		expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
		const event = parseCallback(received[0]);
		expect(event.event_type).toBe('thumbnailComplete');
		expect(event.thumbnail_info.asset_id).toBe(SEEDED_ASSET_IDS[0]);
		expect(event.thumbnail_info.status).toBe('SUCCEED');
		expect(event.thumbnail_info.sample?.map((image) => image.offset)).toEqual([0, 20, 40]);
		expect(emulator.huawei.deliveries()).toEqual([
			expect.objectContaining({
				delivered: true,
				attempts: [expect.objectContaining({ status: 200 })],
			}),
		]);
	});

	it('reports a failed task with its error code', async () => {
		const { received } = await receiveWith([200]);
		emulator.huawei.failNextTask({ error_code: 'VOD.10051', error_msg: 'engine down' });
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		const event = parseCallback(received[0]);
		expect(event.thumbnail_info).toMatchObject({ status: 'FAILED', error_code: 'VOD.10051' });
	});

	it('retries on 5xx until accepted', async () => {
		const { received } = await receiveWith([503, 502, 200]);
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		expect(received).toHaveLength(3);
		const [delivery] = emulator.huawei.deliveries();
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 502, 200]);
		expect(delivery.delivered).toBe(true);
		for (const callback of received) parseCallback(callback);
	});

	it('counts an answer slower than the timeout as failed and sends again', async () => {
		const { received } = await receiveWith([200], [600, 0]);
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		expect(received).toHaveLength(2);
		const [delivery] = emulator.huawei.deliveries();
		expect(delivery.attempts[0].status).toBeUndefined();
		expect(delivery.attempts[0].error).toMatch(/\S/);
		expect(delivery.attempts[1].status).toBe(200);
	});

	it('does not retry a 4xx answer', async () => {
		const { received } = await receiveWith([401]);
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		expect(received).toHaveLength(1);
		expect(emulator.huawei.deliveries()[0].delivered).toBe(false);
	});

	it('re-delivers the same event as a duplicate on request', async () => {
		const { received } = await receiveWith([200]);
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		const [first] = emulator.huawei.deliveries();
		const duplicate = await emulator.huawei.redeliver(first.id);
		expect(duplicate.id).not.toBe(first.id);
		expect(received).toHaveLength(2);
		expect(parseCallback(received[1])).toEqual(parseCallback(received[0]));
	});

	it('sends nothing when no callback is configured', async () => {
		taskIdOf(await api.process({ type: 'time', time: 30 }));
		await emulator.huawei.idle();
		expect(emulator.huawei.deliveries()).toEqual([]);
	});
});
