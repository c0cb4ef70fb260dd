import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { handleVodCallback } from '../../../../nodes/AliyunVod/trigger/webhook';
import { TEST_WEBHOOK_URL, WEBHOOK_URL, webhookContext } from '../../../support/triggerContexts';
import type { WebhookContextOptions } from '../../../support/triggerContexts';

const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z
const KEY = 'CurrentKey2026';
const OLD_KEY = 'PreviousKey2025';
const CREDENTIALS = { aliyunVodCallbackApi: { authKey: KEY, previousAuthKey: OLD_KEY } };

/** The documented formula, written out: md5(CallbackURL|X-VOD-TIMESTAMP|AuthKey), lower-case hex. */
function md5Signature(url: string, timestamp: string, key: string): string {
	return createHash('md5').update(`${url}|${timestamp}|${key}`, 'utf8').digest('hex');
}

const SNAPSHOT_EVENT = {
	EventTime: '2026-01-01T00:00:00Z',
	EventType: 'SnapshotComplete',
	SubType: 'SpecifiedTime',
	VideoId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
	Status: 'success',
	SnapshotInfos: [
		{
			Status: 'success',
			SnapshotType: 'NormalSnapshot',
			SnapshotCount: 3,
			SnapshotFormat: 'snapshot/job1/normal-{SnapshotCount}.jpg',
			SnapshotRegular: 'http://media.example.com/snapshot/job1/normal-{SnapshotCount}.jpg',
			JobId: 'job1',
		},
	],
};

interface SignedRequest {
	event?: object;
	body?: string;
	url?: string;
	key?: string;
	timestamp?: number;
	omit?: 'signature' | 'timestamp';
}

function signedHeaders(request: SignedRequest): Record<string, string | undefined> {
	const timestamp = String(request.timestamp ?? NOW);
	const signature = md5Signature(request.url ?? WEBHOOK_URL, timestamp, request.key ?? KEY);
	return {
		'Content-Type': 'application/json',
		'X-VOD-TIMESTAMP': request.omit === 'timestamp' ? undefined : timestamp,
		'X-VOD-SIGNATURE': request.omit === 'signature' ? undefined : signature,
	};
}

function deliver(request: SignedRequest, options: Partial<WebhookContextOptions> = {}) {
	const body = request.body ?? JSON.stringify(request.event ?? SNAPSHOT_EVENT);
	return webhookContext({
		headers: signedHeaders(request),
		body,
		credentials: CREDENTIALS,
		...options,
	});
}

async function run(harness: ReturnType<typeof deliver>) {
	const result = await handleVodCallback.call(harness.context);
	return { ...harness, result };
}

function firstItem(result: Awaited<ReturnType<typeof run>>['result']): IDataObject {
	const item = result.workflowData?.[0]?.[0];
	if (item === undefined) throw new Error('the webhook started no execution');
	return item.json;
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW * 1000);
});

afterEach(() => {
	vi.useRealTimers();
});

describe('signature verification', () => {
	it('starts the workflow for a callback signed with the current key over the webhook URL', async () => {
		const { result, response } = await run(deliver({}));

		expect(result.workflowData).toHaveLength(1);
		// Answered by the trigger itself, before n8n starts the run (see handleWebhook).
		expect(result.noWebhookResponse).toBe(true);
		expect(response).toEqual({ status: 200, body: '' });
	});

	it('accepts the documented example (md5 of https://www.example.com/your/callback|1519375990|test123)', async () => {
		vi.setSystemTime(1_519_375_990 * 1000);
		const harness = webhookContext({
			headers: {
				'x-vod-timestamp': '1519375990',
				'x-vod-signature': 'c72b60894140fa98920f1279219b7ed4',
			},
			body: JSON.stringify(SNAPSHOT_EVENT),
			credentials: { aliyunVodCallbackApi: { authKey: 'test123' } },
			parameters: { options: { callbackUrl: 'https://www.example.com/your/callback' } },
		});

		const { result } = await run(harness);

		expect(result.workflowData).toHaveLength(1);
	});

	it('accepts a callback signed with the previous key during a rotation', async () => {
		const { result } = await run(deliver({ key: OLD_KEY }));

		expect(result.workflowData).toHaveLength(1);
	});

	it.each([
		{ name: 'a wrong key', request: { key: 'SomeOtherKey99' }, status: 401 },
		{ name: 'a signature over another URL', request: { url: `${WEBHOOK_URL}/other` }, status: 401 },
		{ name: 'no X-VOD-SIGNATURE', request: { omit: 'signature' as const }, status: 401 },
		{ name: 'no X-VOD-TIMESTAMP', request: { omit: 'timestamp' as const }, status: 401 },
		{ name: 'a timestamp 301 s old', request: { timestamp: NOW - 301 }, status: 403 },
		{ name: 'a timestamp 301 s ahead', request: { timestamp: NOW + 301 }, status: 403 },
	])('refuses $name with $status and starts nothing', async ({ request, status }) => {
		const { result, response, staticData } = await run(deliver(request));

		expect(response.status).toBe(status);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(staticData).toEqual({});
	});

	it('refuses a timestamp that is not Unix seconds', async () => {
		const harness = webhookContext({
			headers: {
				'x-vod-timestamp': '2026-01-01T00:00:00Z',
				'x-vod-signature': md5Signature(WEBHOOK_URL, '2026-01-01T00:00:00Z', KEY),
			},
			body: JSON.stringify(SNAPSHOT_EVENT),
			credentials: CREDENTIALS,
		});

		const { result, response } = await run(harness);

		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('accepts the edges of the default 300-second window', async () => {
		expect((await run(deliver({ timestamp: NOW - 300 }))).result.workflowData).toHaveLength(1);
		expect(
			(await run(deliver({ event: { ...SNAPSHOT_EVENT, VideoId: 'v2' }, timestamp: NOW + 300 })))
				.result.workflowData,
		).toHaveLength(1);
	});

	it('applies a configured replay window', async () => {
		const options = { parameters: { options: { maxAgeSeconds: 60 } } };

		const stale = await run(deliver({ timestamp: NOW - 61 }, options));
		const fresh = await run(deliver({ timestamp: NOW - 60 }, options));

		expect(stale.response.status).toBe(403);
		expect(fresh.result.workflowData).toHaveLength(1);
	});

	it('fails closed with 401 when the credential holds no key', async () => {
		const { result, response } = await run(
			deliver({}, { credentials: { aliyunVodCallbackApi: { authKey: '', previousAuthKey: '' } } }),
		);

		expect(response.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('verifies against "Callback URL as Configured in VOD" when set, not n8n\'s own URL', async () => {
		const publicUrl = 'https://videos.example.org/hooks/vod';
		const options = { parameters: { options: { callbackUrl: publicUrl } } };

		const overPublic = await run(deliver({ url: publicUrl }, options));
		const overInternal = await run(deliver({ url: WEBHOOK_URL }, options));

		expect(overPublic.result.workflowData).toHaveLength(1);
		expect(overInternal.response.status).toBe(401);
	});

	it('verifies a test-listening request against the test URL it arrived on', async () => {
		const options = { resourceUrl: TEST_WEBHOOK_URL, mode: 'manual' as const };

		const overTest = await run(deliver({ url: TEST_WEBHOOK_URL }, options));
		const overProduction = await run(deliver({ url: WEBHOOK_URL }, options));

		expect(overTest.result.workflowData).toHaveLength(1);
		expect(overProduction.response.status).toBe(401);
	});

	it('starts the workflow unsigned only when Verify Signature is turned off, without reading the key', async () => {
		const harness = webhookContext({
			headers: {},
			body: JSON.stringify(SNAPSHOT_EVENT),
			parameters: { verifySignature: false },
		});

		const { result, credentialReads } = await run(harness);

		expect(result.workflowData).toHaveLength(1);
		expect(credentialReads).toEqual([]);
	});
});

describe('tampered bodies', () => {
	// VOD's signature covers the URL, the timestamp and the key, not the body: a body changed in
	// transit under a valid signature cannot be told apart. What bounds the damage is the replay
	// window, and that the signature is never written into execution data where it could be reused.
	it('cannot detect a changed body inside the window (VOD does not sign the body)', async () => {
		const tampered = { ...SNAPSHOT_EVENT, VideoId: 'forged-video-id' };

		const { result } = await run(deliver({ event: tampered }));

		expect(firstItem(result).VideoId).toBe('forged-video-id');
	});

	it('refuses a captured signature reused with another body after the window', async () => {
		const { result, response } = await run(
			deliver({ event: { ...SNAPSHOT_EVENT, VideoId: 'forged-video-id' }, timestamp: NOW - 301 }),
		);

		expect(response.status).toBe(403);
		expect(result.workflowData).toBeUndefined();
	});

	it('keeps X-VOD-SIGNATURE and cookies out of the output headers', async () => {
		const harness = deliver({});
		harness.context.getRequestObject().headers.cookie = 'n8n-auth=secret';

		const { result } = await run(harness);
		const headers = firstItem(result).headers;

		expect(headers).toEqual({ 'content-type': 'application/json', 'x-vod-timestamp': String(NOW) });
	});

	it('answers 400 to a signed body that is not a JSON object', async () => {
		const { result, response } = await run(deliver({ body: '<xml/>' }));

		expect(response.status).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('event filter', () => {
	it('answers 200 and starts nothing for an event type that is not selected', async () => {
		const { result, response, staticData } = await run(
			deliver({ event: { EventType: 'TranscodeComplete', VideoId: 'v1', Status: 'success' } }),
		);

		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toBeDefined();
		expect(response.status).toBeUndefined();
		expect(staticData).toEqual({});
	});

	it('starts the workflow for a selected event type', async () => {
		const { result } = await run(
			deliver(
				{ event: { EventType: 'TranscodeComplete', VideoId: 'v1', Status: 'success' } },
				{ parameters: { events: ['SnapshotComplete', 'TranscodeComplete'] } },
			),
		);

		expect(firstItem(result).EventType).toBe('TranscodeComplete');
	});

	it('ignores an event without a known EventType', async () => {
		const { result } = await run(deliver({ event: { VideoId: 'v1' } }));

		expect(result.workflowData).toBeUndefined();
	});
});

describe('output', () => {
	it('expands each SnapshotInfo into Urls numbered 00001…SnapshotCount', async () => {
		const { result } = await run(deliver({}));

		expect(firstItem(result).SnapshotInfos).toEqual([
			{
				...SNAPSHOT_EVENT.SnapshotInfos[0],
				Urls: [
					'http://media.example.com/snapshot/job1/normal-00001.jpg',
					'http://media.example.com/snapshot/job1/normal-00002.jpg',
					'http://media.example.com/snapshot/job1/normal-00003.jpg',
				],
			},
		]);
		expect(firstItem(result).VideoId).toBe(SNAPSHOT_EVENT.VideoId);
	});

	it('gives the event id as sha256 of the body with sorted keys', async () => {
		const event = { VideoId: 'v1', EventType: 'SnapshotComplete' };
		const canonical = '{"EventType":"SnapshotComplete","VideoId":"v1"}';

		const { result } = await run(deliver({ event }));

		expect(firstItem(result).eventId).toBe(createHash('sha256').update(canonical).digest('hex'));
	});
});

describe('duplicate deliveries', () => {
	it('starts one execution for the same event delivered three times', async () => {
		const staticData: IDataObject = {};
		const attempts = [NOW, NOW + 1, NOW + 2];

		const results = [];
		for (const timestamp of attempts) {
			vi.setSystemTime(timestamp * 1000);
			results.push((await run(deliver({ timestamp }, { staticData }))).result);
		}

		expect(results.map((result) => result.workflowData !== undefined)).toEqual([
			true,
			false,
			false,
		]);
		expect(results[1].webhookResponse).toBeDefined();
	});

	it('treats a re-serialised body with other key order and spacing as the same event', async () => {
		const staticData: IDataObject = {};
		const reordered = JSON.stringify(
			Object.fromEntries(Object.entries(SNAPSHOT_EVENT).reverse()),
			null,
			2,
		);

		const first = await run(deliver({}, { staticData }));
		const second = await run(deliver({ body: reordered }, { staticData }));

		expect(first.result.workflowData).toHaveLength(1);
		expect(second.result.workflowData).toBeUndefined();
	});

	it('starts a new execution for a different event', async () => {
		const staticData: IDataObject = {};

		await run(deliver({}, { staticData }));
		const other = await run(
			deliver({ event: { ...SNAPSHOT_EVENT, VideoId: 'another' } }, { staticData }),
		);

		expect(other.result.workflowData).toHaveLength(1);
	});

	it('lets a test listening receive an event production already saw', async () => {
		const staticData: IDataObject = {};
		await run(deliver({}, { staticData }));

		const test = await run(
			deliver(
				{ url: TEST_WEBHOOK_URL },
				{ staticData, mode: 'manual', resourceUrl: TEST_WEBHOOK_URL },
			),
		);

		expect(test.result.workflowData).toHaveLength(1);
	});

	it('does not remember refused callbacks', async () => {
		const staticData: IDataObject = {};

		await run(deliver({ key: 'SomeOtherKey99' }, { staticData }));
		const genuine = await run(deliver({}, { staticData }));

		expect(genuine.result.workflowData).toHaveLength(1);
	});
});
