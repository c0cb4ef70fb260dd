import { createHash } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { handleVodCallback } from '../../../../nodes/AliyunVod/trigger/webhook';
import { DEFAULT_MAX_BODY_BYTES, MAX_EVENT_DEPTH } from '../../../../nodes/shared/trigger';
import { WEBHOOK_URL, webhookContext } from '../../../support/triggerContexts';

const NOW = 1_767_225_600;
const KEY = 'CurrentKey2026';
const CREDENTIALS = { aliyunVodCallbackApi: { authKey: KEY, previousAuthKey: '' } };

function signedHeaders(): Record<string, string> {
	const timestamp = String(NOW);
	return {
		'content-type': 'application/json',
		'x-vod-timestamp': timestamp,
		'x-vod-signature': createHash('md5').update(`${WEBHOOK_URL}|${timestamp}|${KEY}`).digest('hex'),
	};
}

/** A SnapshotComplete event padded (in Extend) to exactly `bytes` bytes of JSON. */
function eventOfSize(bytes: number): string {
	const event = (extend: string) =>
		JSON.stringify({
			EventType: 'SnapshotComplete',
			VideoId: 'v1',
			Status: 'success',
			Extend: extend,
			SnapshotInfos: [],
		});
	return event('x'.repeat(bytes - event('').length));
}

function deliver(body: string, headers: Record<string, string> = signedHeaders()) {
	return webhookContext({ headers, body, credentials: CREDENTIALS });
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW * 1000);
});

afterEach(() => {
	vi.useRealTimers();
});

describe('callback body size', () => {
	it('accepts a signed body of exactly the cap', async () => {
		const harness = deliver(eventOfSize(DEFAULT_MAX_BODY_BYTES));

		const result = await handleVodCallback.call(harness.context);

		expect(result.workflowData).toHaveLength(1);
	});

	it('refuses a signed body one byte over the cap with 413 and starts nothing', async () => {
		const harness = deliver(eventOfSize(DEFAULT_MAX_BODY_BYTES + 1));

		const result = await handleVodCallback.call(harness.context);

		expect(harness.response.status).toBe(413);
		expect(harness.response.body).toMatch(/^Payload Too Large/);
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('refuses an oversized body before verifying it, without reading the credential', async () => {
		const harness = deliver('x'.repeat(DEFAULT_MAX_BODY_BYTES + 1), {
			'content-type': 'text/plain',
		});

		await handleVodCallback.call(harness.context);

		expect(harness.response.status).toBe(413);
		expect(harness.credentialReads).toEqual([]);
	});

	it('refuses by Content-Length when n8n kept no raw body', async () => {
		const harness = deliver('{}');
		const declared = String(50 * DEFAULT_MAX_BODY_BYTES);
		harness.context.getRequestObject = () => ({
			headers: { ...signedHeaders(), 'content-length': declared },
			body: { EventType: 'SnapshotComplete' },
		});

		await handleVodCallback.call(harness.context);

		expect(harness.response.status).toBe(413);
	});
});

/** A SnapshotComplete event whose arrays and objects nest `levels` deep, the event being level 1. */
function eventNested(levels: number): string {
	const inner = levels - 1;
	return `{"EventType":"SnapshotComplete","VideoId":"v1","Status":"success","Deep":${'['.repeat(inner)}${']'.repeat(inner)}}`;
}

describe('callback body nesting', () => {
	it('accepts a signed body nested exactly as deep as the cap', async () => {
		const harness = deliver(eventNested(MAX_EVENT_DEPTH));

		const result = await handleVodCallback.call(harness.context);

		expect(result.workflowData).toHaveLength(1);
	});

	it.each([MAX_EVENT_DEPTH + 1, 100_000])(
		'refuses a signed body nested %i levels deep as malformed (400) and starts nothing',
		async (levels) => {
			const harness = deliver(eventNested(levels));

			const result = await handleVodCallback.call(harness.context);

			expect(harness.response.status).toBe(400);
			expect(harness.response.body).toBe('Bad Request: body is not a JSON object');
			expect(result).toEqual({ noWebhookResponse: true });
		},
	);
});
