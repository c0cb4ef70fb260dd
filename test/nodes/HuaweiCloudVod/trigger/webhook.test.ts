import { afterEach, describe, expect, it } from 'vitest';

import { huaweiMfsAuthKey } from '../../../emulator/accounts';
import type { TriggerHarness } from '../../../support/webhookTrigger';
import {
	authSign,
	nowSeconds,
	post,
	signedEnvelope,
	startMfsTrigger,
	type Delivery,
} from '../triggerHarness';

const KEY = huaweiMfsAuthKey;

/** The doc's thumbnailComplete sample (huawei.md §6.3), shortened to two snapshots. */
const EVENT = {
	event_type: 'thumbnailComplete',
	thumbnail_info: {
		asset_id: '14d7b2faba0dddd6b4e8936272d6bc3f',
		status: 'SUCCEED',
		sample: [
			{ offset: 0, url: 'https://179.cdn-vod.huaweicloud.com/asset/14d7/snapshot/sample/0.jpg' },
			{ offset: 5, url: 'https://179.cdn-vod.huaweicloud.com/asset/14d7/snapshot/sample/5.jpg' },
		],
		dots: [],
	},
};

function withoutHeader(delivery: Delivery, name: string): Delivery {
	const headers = Object.fromEntries(
		Object.entries(delivery.headers).filter(([header]) => header !== name),
	);
	return { ...delivery, headers };
}

let trigger: TriggerHarness | undefined;
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

async function started(
	keys: { authKey: string; previousAuthKey?: string } = { authKey: KEY },
	events = ['thumbnailComplete'],
) {
	trigger = await startMfsTrigger({ events }, keys);
	await trigger.activate();
	return trigger;
}

describe('Huawei Cloud VOD Trigger: MFS webhook', () => {
	it('starts one execution per signed delivery: the event with its snapshots flattened, an event id, no signature header', async () => {
		const hook = await started();
		expect(await post(hook.productionUrl, signedEnvelope(EVENT, KEY, nowSeconds()))).toBe(200);
		expect(hook.executions).toHaveLength(1);
		const [output] = hook.executions[0];
		expect(output).toMatchObject({
			...EVENT,
			snapshots: EVENT.thumbnail_info.sample,
			eventId: expect.stringMatching(/^[0-9a-f]{16,}$/),
		});
		expect(output.headers).not.toHaveProperty('auth_sign');
	});

	it('accepts a millisecond auth_timestamp as well as seconds (the unit is unconfirmed)', async () => {
		const hook = await started();
		const ms = String(Date.now());
		expect(await post(hook.productionUrl, signedEnvelope(EVENT, KEY, ms))).toBe(200);
		expect(hook.executions).toHaveLength(1);
	});

	it('accepts a body that is the event itself, signed as a whole (the other reading of the envelope)', async () => {
		const hook = await started();
		const body = JSON.stringify(EVENT);
		const timestamp = nowSeconds();
		const delivery: Delivery = {
			body,
			headers: {
				'content-type': 'application/json',
				auth_timestamp: timestamp,
				auth_sign: authSign(KEY, timestamp, body),
			},
		};
		expect(await post(hook.productionUrl, delivery)).toBe(200);
		expect(hook.executions[0][0]).toMatchObject({ event_type: 'thumbnailComplete' });
	});

	it('ignores a repeated delivery of the same event: one execution', async () => {
		const hook = await started();
		expect(await post(hook.productionUrl, signedEnvelope(EVENT, KEY, nowSeconds()))).toBe(200);
		expect(await post(hook.productionUrl, signedEnvelope(EVENT, KEY, String(Date.now())))).toBe(
			200,
		);
		expect(hook.executions).toHaveLength(1);
	});

	it('accepts the previous key during a rotation, and the new one', async () => {
		const hook = await started({ authKey: 'NewMfsKey0002', previousAuthKey: KEY });
		expect(await post(hook.productionUrl, signedEnvelope(EVENT, KEY, nowSeconds()))).toBe(200);
		const other = { ...EVENT, thumbnail_info: { ...EVENT.thumbnail_info, asset_id: 'other' } };
		expect(
			await post(hook.productionUrl, signedEnvelope(other, 'NewMfsKey0002', nowSeconds())),
		).toBe(200);
		expect(hook.executions).toHaveLength(2);
	});

	it('answers 200 and starts nothing for an event type not selected', async () => {
		const hook = await started({ authKey: KEY }, ['transcodeComplete']);
		expect(await post(hook.productionUrl, signedEnvelope(EVENT, KEY, nowSeconds()))).toBe(200);
		expect(hook.executions).toHaveLength(0);
	});

	const anHourAgo = () => String(Math.floor(Date.now() / 1000) - 3600);
	it.each<[string, () => Delivery, number]>([
		['a wrong key', () => signedEnvelope(EVENT, 'SomeOtherKey01', nowSeconds()), 401],
		[
			'a tampered message',
			() => {
				const delivery = signedEnvelope(EVENT, KEY, nowSeconds());
				return { ...delivery, body: delivery.body.replace('SUCCEED', 'FAILED') };
			},
			401,
		],
		[
			'a missing auth_sign',
			() => withoutHeader(signedEnvelope(EVENT, KEY, nowSeconds()), 'auth_sign'),
			401,
		],
		[
			'a missing auth_timestamp',
			() => withoutHeader(signedEnvelope(EVENT, KEY, nowSeconds()), 'auth_timestamp'),
			401,
		],
		['a timestamp that is not a number', () => signedEnvelope(EVENT, KEY, 'yesterday'), 401],
		[
			'a stale timestamp (an hour old, window 600 s)',
			() => signedEnvelope(EVENT, KEY, anHourAgo()),
			403,
		],
		[
			'a signed message that is not JSON',
			() => {
				const timestamp = nowSeconds();
				return {
					body: JSON.stringify({ message: 'not json' }),
					headers: {
						'content-type': 'application/json',
						auth_timestamp: timestamp,
						auth_sign: authSign(KEY, timestamp, 'not json'),
					},
				};
			},
			400,
		],
	])('refuses %s with %i and starts nothing', async (_name, delivery, status) => {
		const hook = await started();
		expect(await post(hook.productionUrl, delivery())).toBe(status);
		expect(hook.executions).toHaveLength(0);
	});
});
