import { generateKeyPairSync, sign } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { huaweiMfsAuthKey } from '../../../emulator/accounts';
import type { SmnEmulator } from '../../../emulator/huawei/smn/smnEmulator';
import {
	DOC_READING,
	signedBody,
	smnSignedText,
	type SmnBody,
} from '../../../emulator/huawei/smn/smnMessages';
import { nowSeconds, post, signedEnvelope, startMfsTrigger } from '../triggerHarness';
import {
	startedSmn,
	startSmnTrigger,
	statuses,
	THUMBNAIL_EVENT,
	type SmnTriggerHarness,
} from './smnHarness';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
	for (const item of running.splice(0)) await item.close();
});

async function smnSide(): Promise<SmnEmulator> {
	const smn = await startedSmn();
	running.push(smn);
	return smn;
}

async function trigger(
	smn: SmnEmulator,
	parameters: Record<string, string | string[]> = {},
): Promise<SmnTriggerHarness> {
	const hook = await startSmnTrigger(smn, parameters);
	running.push(hook);
	return hook;
}

/** A trigger subscribed to the emulator's topic, its subscription confirmed. */
async function subscribed(parameters: Record<string, string | string[]> = {}) {
	const smn = await smnSide();
	const hook = await trigger(smn, parameters);
	const confirmation = await smn.subscribe(hook.productionUrl);
	expect(statuses(confirmation)).toEqual([200]);
	return { smn, hook };
}

function certificateDownloads(smn: SmnEmulator): number {
	return smn.requests().filter((request) => request.path.endsWith('.pem')).length;
}

/** A Notification the topic signed, then changed by `tamper` (a forgery). */
function forged(smn: SmnEmulator, tamper: (body: SmnBody) => SmnBody): SmnBody {
	return tamper(smn.sign('Notification', { message: JSON.stringify(THUMBNAIL_EVENT) }));
}

async function refusalOf(smn: SmnEmulator, hook: SmnTriggerHarness, body: SmnBody) {
	const delivery = await smn.deliver(hook.productionUrl, body);
	return { status: delivery.attempts[0].status, answer: hook.received.at(-1)?.body ?? '' };
}

describe('Huawei Cloud VOD Trigger, SMN mode: subscription', () => {
	it('confirms a signed SubscriptionConfirmation by visiting subscribe_url once, and starts nothing', async () => {
		const { smn, hook } = await subscribed();
		expect(smn.subscriptions()).toMatchObject([{ confirmed: true, confirmations: 1 }]);
		expect(hook.received.at(-1)).toMatchObject({ status: 200, body: 'Subscription confirmed' });
		expect(hook.fetched).toEqual([
			smn.signingCertUrl,
			expect.stringContaining('/smn/subscription/confirm?token='),
		]);
		expect(hook.executions).toHaveLength(0);
	});

	it('answers 502 when subscribe_url fails, so SMN sends the confirmation again', async () => {
		const smn = await smnSide();
		const hook = await trigger(smn);
		const body = smn.sign('SubscriptionConfirmation', {
			message: 'You are invited to subscribe',
			subscribe_url: `https://${smn.host}/smn/subscription/confirm?token=unknown`,
		});
		const delivery = await smn.deliver(hook.productionUrl, body);
		expect(statuses(delivery)).toEqual([502, 502, 502]);
		expect(hook.executions).toHaveLength(0);
	});

	it('answers an UnsubscribeConfirmation with 200 and visits nothing (that link would subscribe again)', async () => {
		const { smn, hook } = await subscribed();
		const fetchedBefore = hook.fetched.length;
		const delivery = await smn.unsubscribe(hook.productionUrl);
		expect(statuses(delivery)).toEqual([200]);
		expect(hook.fetched).toHaveLength(fetchedBefore);
		expect(hook.executions).toHaveLength(0);
	});

	it('refuses a confirmation whose subscribe_url is on a foreign host or plain HTTP, before fetching anything', async () => {
		const smn = await smnSide();
		const hook = await trigger(smn);
		for (const subscribeUrl of [
			'https://attacker.example.com/smn/subscription/confirm?token=1',
			`http://${smn.host}/smn/subscription/confirm?token=1`,
		]) {
			const body = smn.sign('SubscriptionConfirmation', {
				message: 'm',
				subscribe_url: subscribeUrl,
			});
			const { status, answer } = await refusalOf(smn, hook, body);
			expect(status).toBe(403);
			expect(answer).toMatch(/subscribe_url/);
		}
		expect(hook.fetched).toEqual([]);
		expect(smn.subscriptions()).toEqual([]);
	});

	it('confirms with a console subscribe_url as Huawei sends it (default trusted host), not with a look-alike', async () => {
		const smn = await smnSide();
		const hook = await trigger(smn);
		const lookAlike = smn.sign('SubscriptionConfirmation', {
			message: 'm',
			subscribe_url:
				'https://console.huaweicloud.com.attacker.example/smn/subscription/confirm?token=1',
		});
		expect((await refusalOf(smn, hook, lookAlike)).status).toBe(403);
		expect(hook.fetched).toEqual([]);
	});
});

describe('Huawei Cloud VOD Trigger, SMN mode: notifications', () => {
	it('starts one execution per signed notification, in the MFS output shape with the same event id', async () => {
		const { smn, hook } = await subscribed();
		const [delivery] = await smn.publish(JSON.stringify(THUMBNAIL_EVENT));
		expect(statuses(delivery)).toEqual([200]);
		expect(hook.executions).toHaveLength(1);
		const [output] = hook.executions[0];
		expect(output).toMatchObject({
			...THUMBNAIL_EVENT,
			snapshots: THUMBNAIL_EVENT.thumbnail_info.dots,
			eventId: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(output).not.toHaveProperty('signature');
		expect(output.headers).toMatchObject({ 'x-smn-message-type': 'Notification' });

		const mfs = await startMfsTrigger(
			{ events: ['thumbnailComplete'] },
			{ authKey: huaweiMfsAuthKey },
		);
		running.push(mfs);
		await mfs.activate();
		expect(
			await post(
				mfs.productionUrl,
				signedEnvelope(THUMBNAIL_EVENT, huaweiMfsAuthKey, nowSeconds()),
			),
		).toBe(200);
		const [mfsOutput] = mfs.executions[0];
		expect({ ...mfsOutput, headers: undefined }).toEqual({ ...output, headers: undefined });
	});

	it('starts nothing for a repeated delivery of the same message, nor for the event published again', async () => {
		const { smn, hook } = await subscribed();
		const [delivery] = await smn.publish(JSON.stringify(THUMBNAIL_EVENT));
		expect(statuses(await smn.redeliver(delivery.id))).toEqual([200]);
		const [again] = await smn.publish(JSON.stringify(THUMBNAIL_EVENT));
		expect(statuses(again)).toEqual([200]);
		expect(hook.received.at(-1)?.body).toBe('Duplicate delivery ignored');
		expect(hook.executions).toHaveLength(1);
	});

	it('answers 200 and starts nothing for an event type not selected, or a message that is no VOD event', async () => {
		const { smn, hook } = await subscribed();
		const transcode = { event_type: 'transcodeComplete', transcode_info: { asset_id: 'a1' } };
		const [other] = await smn.publish(JSON.stringify(transcode));
		const [text] = await smn.publish('My test message', 'demo');
		expect([statuses(other), statuses(text)]).toEqual([[200], [200]]);
		expect(hook.executions).toHaveLength(0);
	});

	it('downloads the signing certificate once for many messages, and again for a new certificate URL', async () => {
		const { smn, hook } = await subscribed();
		for (let index = 0; index < 3; index++) {
			const event = {
				...THUMBNAIL_EVENT,
				thumbnail_info: { ...THUMBNAIL_EVENT.thumbnail_info, asset_id: `a${index}` },
			};
			await smn.publish(JSON.stringify(event));
		}
		expect(hook.executions).toHaveLength(3);
		expect(certificateDownloads(smn)).toBe(1);

		smn.configureSigning({ digest: 'sha1' });
		await smn.publish(JSON.stringify({ ...THUMBNAIL_EVENT, thumbnail_info: { asset_id: 'b' } }));
		expect(hook.executions).toHaveLength(4);
		expect(certificateDownloads(smn)).toBe(2);
	});
});

describe('Huawei Cloud VOD Trigger, SMN mode: both readings of the unconfirmed signature details', () => {
	const readings = [
		{
			name: 'the official sample: a newline after the last value',
			signing: { trailingNewline: true },
		},
		{ name: 'no newline after the last value', signing: { trailingNewline: false } },
		{ name: 'an empty subject left out (the docs)', signing: { emptySubjectSigned: false } },
		{
			name: 'an empty subject signed as an empty line (a published sample)',
			signing: { emptySubjectSigned: true },
		},
		{ name: 'a SHA1withRSA certificate', signing: { digest: 'sha1' as const } },
		{ name: 'a SHA256withRSA certificate', signing: { digest: 'sha256' as const } },
	];
	for (const { name, signing } of readings) {
		it(`accepts ${name}`, async () => {
			const { smn, hook } = await subscribed();
			smn.configureSigning(signing);
			await smn.publish(JSON.stringify(THUMBNAIL_EVENT));
			const subject = { ...THUMBNAIL_EVENT, thumbnail_info: { asset_id: 'with-subject' } };
			await smn.publish(JSON.stringify(subject), 'VOD notification');
			expect(hook.executions).toHaveLength(2);
		});
	}

	it('the emulator signs differently in each reading (so each test above proves the trigger tries it)', () => {
		const body = {
			type: 'Notification' as const,
			message: 'm',
			message_id: 'id',
			timestamp: '2016-08-15T07:29:16Z',
			topic_urn: 'urn:smn:r:p:t',
			signature_version: 'v1',
			signing_cert_url: 'https://smn.r.myhuaweicloud.com/c.pem',
		};
		expect(smnSignedText(body, DOC_READING)).toBe(
			'message\nm\nmessage_id\nid\ntimestamp\n2016-08-15T07:29:16Z\ntopic_urn\nurn:smn:r:p:t\ntype\nNotification\n',
		);
		expect(smnSignedText(body, { trailingNewline: false, emptySubjectSigned: true })).toBe(
			'message\nm\nmessage_id\nid\nsubject\n\ntimestamp\n2016-08-15T07:29:16Z\ntopic_urn\nurn:smn:r:p:t\ntype\nNotification',
		);
	});
});

describe('Huawei Cloud VOD Trigger, SMN mode: refusals start nothing', () => {
	it('refuses a tampered message: 401', async () => {
		const smn = await smnSide();
		// Both topics accepted, so the signature is what refuses the message moved to the other one.
		const hook = await trigger(smn, { smnTopicUrns: `${smn.topicUrn}, ${smn.topicUrn}x` });
		expect(statuses(await smn.subscribe(hook.productionUrl))).toEqual([200]);
		const other = {
			...THUMBNAIL_EVENT,
			thumbnail_info: { ...THUMBNAIL_EVENT.thumbnail_info, asset_id: 'forged' },
		};
		for (const tamper of [
			(body: SmnBody) => ({ ...body, message: JSON.stringify(other) }),
			(body: SmnBody) => ({ ...body, topic_urn: `${body.topic_urn}x` }),
			(body: SmnBody) => ({ ...body, timestamp: '2030-01-01T00:00:00Z' }),
			(body: SmnBody) => ({ ...body, subject: 'added' }),
		]) {
			const { status, answer } = await refusalOf(smn, hook, forged(smn, tamper));
			expect(status).toBe(401);
			expect(answer).toBe('Unauthorized: the signature does not match the message');
		}
		expect(hook.executions).toHaveLength(0);
	});

	it('refuses a signature made with another key (bad signature): 401', async () => {
		const { smn, hook } = await subscribed();
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const body = forged(smn, (signed) =>
			signedBody(signed, { privateKey, digest: 'sha256' }, DOC_READING),
		);
		expect((await refusalOf(smn, hook, body)).status).toBe(401);
		const garbage = forged(smn, (signed) => ({
			...signed,
			signature: sign('sha256', Buffer.from('x'), privateKey).toString('hex'),
		}));
		expect((await refusalOf(smn, hook, garbage)).status).toBe(401);
		expect(hook.executions).toHaveLength(0);
	});

	it('refuses a certificate on an unknown host, validly signed with it, without fetching it: 403', async () => {
		const { smn, hook } = await subscribed();
		const attacker = await smnSide();
		const body = attacker.sign('Notification', { message: JSON.stringify(THUMBNAIL_EVENT) });
		const { status, answer } = await refusalOf(smn, hook, { ...body, topic_urn: smn.topicUrn });
		expect(status).toBe(403);
		expect(answer).toBe('Forbidden: signing_cert_url is not on a trusted SMN host');
		expect(attacker.requests()).toEqual([]);
		expect(hook.executions).toHaveLength(0);
	});

	it('refuses a certificate URL over plain HTTP, even on the trusted host: 403, nothing fetched', async () => {
		const { smn, hook } = await subscribed();
		const fetchedBefore = hook.fetched.length;
		const body = forged(smn, (signed) => ({
			...signed,
			signing_cert_url: signed.signing_cert_url.replace('https:', 'http:'),
		}));
		const { status, answer } = await refusalOf(smn, hook, body);
		expect(status).toBe(403);
		expect(answer).toBe('Forbidden: signing_cert_url is not HTTPS');
		expect(hook.fetched).toHaveLength(fetchedBefore);
		expect(hook.executions).toHaveLength(0);
	});

	it('answers 502 when the trusted host has no certificate at the URL, so SMN retries', async () => {
		const { smn, hook } = await subscribed();
		const body = forged(smn, (signed) => ({
			...signed,
			signing_cert_url: `https://${smn.host}/smn/missing.pem`,
		}));
		const delivery = await smn.deliver(hook.productionUrl, body);
		expect(statuses(delivery)).toEqual([502, 502, 502]);
		// A failed fetch is not cached: each retry tries again.
		expect(hook.fetched.filter((url) => url.endsWith('/smn/missing.pem'))).toHaveLength(3);
		expect(hook.executions).toHaveLength(0);
	});

	it('refuses a message lacking a signed field, the signature or the certificate URL: 401, naming it', async () => {
		const { smn, hook } = await subscribed();
		const fields = 'message message_id timestamp topic_urn signature signing_cert_url'.split(' ');
		for (const field of fields) {
			const body = forged(smn, (signed) => ({ ...signed, [field]: undefined }));
			const { status, answer } = await refusalOf(smn, hook, body);
			expect(status).toBe(401);
			expect(answer).toBe(`Unauthorized: the SMN message lacks ${field}`);
		}
		const confirmation = smn.sign('SubscriptionConfirmation', { message: 'm' });
		expect(await refusalOf(smn, hook, confirmation)).toEqual({
			status: 401,
			answer: 'Unauthorized: the SMN message lacks subscribe_url',
		});
		const otherVersion = forged(smn, (signed) => ({ ...signed, signature_version: 'v2' }));
		expect((await refusalOf(smn, hook, otherVersion)).status).toBe(401);
		expect(hook.executions).toHaveLength(0);
	});

	it('refuses a body that is no SMN message, and a type header that contradicts the signed type: 401', async () => {
		const { smn, hook } = await subscribed();
		const unknownType = forged(smn, (signed) => ({
			...signed,
			type: 'HttpSubscriptionUserConfirm' as SmnBody['type'],
		}));
		expect((await refusalOf(smn, hook, unknownType)).status).toBe(401);
		const mfs = signedEnvelope(THUMBNAIL_EVENT, huaweiMfsAuthKey, nowSeconds());
		expect(await post(hook.productionUrl, mfs)).toBe(401);
		const body = forged(smn, (signed) => signed);
		const mismatched = await post(hook.productionUrl, {
			body: JSON.stringify(body),
			headers: {
				'content-type': 'application/json',
				'x-smn-message-type': 'SubscriptionConfirmation',
			},
		});
		expect(mismatched).toBe(401);
		expect(hook.executions).toHaveLength(0);
	});

	it('with Topic URNs empty, refuses every message, the confirmation too, before any fetch: 403', async () => {
		const smn = await smnSide();
		const open = await trigger(smn, { smnTopicUrns: '' });
		const confirmation = await smn.subscribe(open.productionUrl);
		expect(statuses(confirmation)).toEqual([403]);
		expect(open.fetched).toEqual([]);
		await smn.publish(JSON.stringify(THUMBNAIL_EVENT));
		expect(open.executions).toHaveLength(0);
	});

	it("with Topic URNs set, refuses another topic (SMN signs every account's topics): 403", async () => {
		const smn = await smnSide();
		const hook = await trigger(smn, { smnTopicUrns: `urn:smn:other:1:a, ${smn.topicUrn}` });
		expect(statuses(await smn.subscribe(hook.productionUrl))).toEqual([200]);
		await smn.publish(JSON.stringify(THUMBNAIL_EVENT));
		expect(hook.executions).toHaveLength(1);

		const strict = await trigger(smn, { smnTopicUrns: 'urn:smn:emu-region-1:1:mine' });
		const confirmation = await smn.subscribe(strict.productionUrl);
		expect(statuses(confirmation)).toEqual([403]);
		expect(strict.fetched).toEqual([]);
		expect(strict.executions).toHaveLength(0);
	});
});
