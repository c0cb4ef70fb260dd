import { createHash } from 'node:crypto';

import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

import { aliyunApiDataFor, vodCallbackAuthKey } from '../../emulator/accounts';
import { seedVideoIds } from '../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../emulator/lifecycle';
import type { Emulator } from '../../emulator/server';
import { callRpc, waitFor } from '../../emulator/clients/aliyunRpc';
import { startTriggerHarness } from './harness';
import type { TriggerHarness } from '../../support/webhookTrigger';

interface MessageCallbackBody {
	MessageCallback?: Record<string, string>;
}

interface ListSnapshotsBody {
	MediaSnapshot: { Snapshots: { Snapshot: Array<{ Index: number; Url: string }> } };
}

const LEGACY = {
	CallbackType: 'HTTP',
	CallbackURL: 'https://legacy.example.com/vod-events',
	EventTypeList: 'FileUploadComplete',
	AuthSwitch: 'on',
	AuthKey: 'LegacyKey123',
};
/** Registration never stores a key, so the restored setting signs with the key VOD holds then. */
const { AuthKey: LEGACY_KEY, ...LEGACY_WITHOUT_KEY } = LEGACY;

let emulator: Emulator;
let harness: TriggerHarness;

async function currentCallback(): Promise<Record<string, string> | undefined> {
	const body = await callRpc<MessageCallbackBody>(emulator, 'GetMessageCallback', {
		AppId: 'app-1000000',
	});
	return body.MessageCallback;
}

async function startHarness(parameters: Record<string, unknown> = {}) {
	harness = await startTriggerHarness(
		{ events: ['SnapshotComplete'], registerCallback: true, ...parameters },
		{
			aliyunVodCallbackApi: { authKey: vodCallbackAuthKey, previousAuthKey: '' },
			aliyunApi: aliyunApiDataFor(emulator.url, 'v1'),
		},
	);
}

/** The event ids n8n saved in the trigger's static data, oldest first. */
function savedEventIds(): unknown[] {
	const seen = harness.savedNodeStaticData().seenEvents;
	return Array.isArray(seen) ? seen.map((event) => (event as Record<string, unknown>).id) : [];
}

function actionsSent(): string[] {
	return emulator.requests().map((entry) => entry.action ?? '');
}

async function submitSnapshots(count: number): Promise<string> {
	const body = await callRpc<{ SnapshotJob: { JobId: string } }>(emulator, 'SubmitSnapshotJob', {
		VideoId: seedVideoIds.normal,
		Count: count,
		Interval: 1,
	});
	return body.SnapshotJob.JobId;
}

async function post(url: string, headers: Record<string, string>, body: string) {
	const response = await request(url, { method: 'POST', headers, body });
	return { status: response.statusCode, text: await response.body.text() };
}

emulatorPerFile((started) => (emulator = started), {
	start: { jobDurationMs: 20 },
	eachTest: async () => {
		emulator.setJobDuration(20);
		emulator.setCallbackRetryDelay(10);
		await callRpc(emulator, 'SetMessageCallback', { ...LEGACY, AppId: 'app-1000000' });
		await startHarness();
	},
});

afterEach(async () => {
	await harness.close();
});

describe('registration against the emulator, through n8n-core hook contexts', () => {
	it('points VOD at the production URL on activation and restores the console setting on deactivation', async () => {
		await harness.activate();

		expect(await currentCallback()).toEqual({
			AppId: 'app-1000000',
			CallbackType: 'HTTP',
			CallbackURL: harness.productionUrl,
			EventTypeList: 'SnapshotComplete',
			AuthSwitch: 'on',
			AuthKey: vodCallbackAuthKey,
		});

		await harness.deactivate();

		expect(await currentCallback()).toEqual({
			...LEGACY,
			AuthKey: vodCallbackAuthKey,
			AppId: 'app-1000000',
		});
	});

	it('finds its registration on the next activation and sends no SetMessageCallback', async () => {
		await harness.activate();
		emulator.clearRequests();

		expect(await harness.checkExists()).toBe(true);
		await harness.activate();

		expect(actionsSent().filter((action) => action !== 'GetMessageCallback')).toEqual([]);
	});

	it('leaves the production setting alone while listening for a test event', async () => {
		await harness.activate();
		const production = await currentCallback();
		emulator.clearRequests();

		await harness.activate({ test: true });
		await harness.deactivate({ test: true });

		expect(actionsSent().filter((action) => action !== 'GetMessageCallback')).toEqual([]);
		expect(await currentCallback()).toEqual(production);
	});

	it('changes the static data so that n8n saves the registration record, without a key', async () => {
		await harness.activate();

		expect(harness.savedNodeStaticData().vodRegistration).toMatchObject({
			registeredUrl: harness.productionUrl,
			previous: LEGACY_WITHOUT_KEY,
		});
		expect(JSON.stringify(harness.savedNodeStaticData())).not.toContain(LEGACY_KEY);
	});
});

describe('callbacks the emulator signs and delivers', () => {
	it("starts one execution with the snapshot URLs, and none for VOD's repeated delivery", async () => {
		await harness.activate();

		const jobId = await submitSnapshots(3);
		await waitFor(
			() => (harness.executions.length > 0 ? true : undefined),
			5000,
			'the first execution',
		);
		const listed = await callRpc<ListSnapshotsBody>(emulator, 'ListSnapshots', {
			VideoId: seedVideoIds.normal,
			SnapshotType: 'NormalSnapshot',
		});

		const [item] = harness.executions[0];
		const infos = Array.isArray(item.SnapshotInfos) ? item.SnapshotInfos : [];
		const normal = infos.find(
			(info) =>
				typeof info === 'object' &&
				info !== null &&
				'SnapshotType' in info &&
				info.SnapshotType === 'NormalSnapshot',
		);
		expect(item).toMatchObject({
			EventType: 'SnapshotComplete',
			VideoId: seedVideoIds.normal,
			Status: 'success',
		});
		// ListSnapshots returns the same images with URL-signing parameters; the callback rule has none.
		const listedUrls = listed.MediaSnapshot.Snapshots.Snapshot.map(
			(snapshot) => snapshot.Url.split('?')[0],
		);
		expect(listedUrls).toHaveLength(3);
		expect(normal).toMatchObject({ Urls: listedUrls });
		expect(item.headers).not.toHaveProperty('x-vod-signature');
		// The event id is in the static data n8n saved, where the next delivery finds it.
		expect(savedEventIds()).toEqual([item.eventId]);

		expect(await emulator.redeliverCallback(jobId)).toBe(true);

		expect(harness.executions).toHaveLength(1);
		expect(harness.received.map((entry) => entry.status)).toEqual([200, 200]);
	});

	it('starts one execution per event when every event is delivered twice (A, A, B, B, C, C)', async () => {
		await harness.activate();

		for (const event of ['A', 'B', 'C']) {
			const before = harness.executions.length;
			const jobId = await submitSnapshots(1);
			await waitFor(
				() => (harness.executions.length > before ? true : undefined),
				5000,
				`the execution of event ${event}`,
			);
			expect(await emulator.redeliverCallback(jobId)).toBe(true);
		}

		const eventIds = harness.executions.map(([item]) => item.eventId);
		expect(new Set(eventIds).size).toBe(3);
		expect(savedEventIds()).toEqual(eventIds);
		expect(harness.received.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200, 200]);
	});

	it('refuses callbacks signed by a clock outside the replay window: 403 on every attempt, nothing started', async () => {
		await harness.activate();
		emulator.setClockSkew(-10 * 60 * 1000);

		await submitSnapshots(1);
		await waitFor(() => (harness.received.length >= 3 ? true : undefined), 5000, 'three attempts');

		expect(harness.received.map((entry) => entry.status)).toEqual([403, 403, 403]);
		expect(harness.executions).toEqual([]);
	});

	it('refuses a forged callback signed with another key', async () => {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const forged = createHash('md5')
			.update(`${harness.productionUrl}|${timestamp}|Guessed1Key`)
			.digest('hex');
		const body = JSON.stringify({
			EventType: 'SnapshotComplete',
			VideoId: 'forged',
			Status: 'success',
		});

		const response = await post(
			harness.productionUrl,
			{
				'content-type': 'application/json',
				'x-vod-timestamp': timestamp,
				'x-vod-signature': forged,
			},
			body,
		);

		expect(response.status).toBe(401);
		expect(harness.executions).toEqual([]);
	});

	it('refuses an unsigned callback', async () => {
		const response = await post(
			harness.productionUrl,
			{ 'content-type': 'application/json' },
			'{"EventType":"SnapshotComplete"}',
		);

		expect(response.status).toBe(401);
		expect(harness.executions).toEqual([]);
	});
});
