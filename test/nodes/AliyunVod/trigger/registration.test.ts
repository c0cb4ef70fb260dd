import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	createRegistration,
	deleteRegistration,
	registrationExists,
} from '../../../../nodes/AliyunVod/trigger/registration';
import type { MessageCallback } from '../../../../nodes/AliyunVod/transport/types';
import { hookContext, TEST_WEBHOOK_URL, WEBHOOK_URL } from '../../../support/triggerContexts';
import { FakeVodCallbacks } from './fakeCallbacks';
import type { HookContextOptions } from '../../../support/triggerContexts';

const KEY = 'CurrentKey2026';
const CREDENTIALS = {
	aliyunVodCallbackApi: { authKey: KEY, previousAuthKey: '' },
	aliyunApi: { accessKeyId: 'LTAI5tExample', accessKeySecret: 'unused-here' },
};
const DEFAULT_APP = 'app-1000000';

/** What a user had configured in the console before activating the workflow. */
const CONSOLE_SETTING: MessageCallback = {
	CallbackType: 'HTTP',
	CallbackURL: 'https://legacy.example.com/vod-events',
	EventTypeList: 'FileUploadComplete,TranscodeComplete',
	AuthSwitch: 'on',
	AuthKey: 'LegacyKey123',
};
/**
 * Registration never stores a key: it saves the setting without it, and the restored setting signs
 * with the key VOD holds at deactivation (this trigger's).
 */
const CONSOLE_SETTING_WITHOUT_KEY: MessageCallback = { ...CONSOLE_SETTING };
delete CONSOLE_SETTING_WITHOUT_KEY.AuthKey;
const RESTORED_CONSOLE_SETTING: MessageCallback = { ...CONSOLE_SETTING, AuthKey: KEY };

const EXPECTED_SET = {
	AppId: DEFAULT_APP,
	CallbackType: 'HTTP',
	CallbackURL: WEBHOOK_URL,
	EventTypeList: 'SnapshotComplete',
	AuthSwitch: 'on',
	AuthKey: KEY,
};

const ON = { registerCallback: true };

function production(
	staticData: IDataObject,
	parameters: IDataObject = ON,
	extra: Partial<HookContextOptions> = {},
) {
	return hookContext({ parameters, credentials: CREDENTIALS, staticData, ...extra });
}

/** n8n's activation: checkExists, then create when it returned false. */
async function activate(
	context: ReturnType<typeof hookContext>,
	api: FakeVodCallbacks,
): Promise<void> {
	if (!(await registrationExists(context, api))) await createRegistration(context, api);
}

describe('registration off (the default)', () => {
	it('answers checkExists, create and delete with true and calls nothing', async () => {
		const api = new FakeVodCallbacks();
		const context = production({}, {});

		expect(await registrationExists(context, api)).toBe(true);
		expect(await createRegistration(context, api)).toBe(true);
		expect(await deleteRegistration(context, api)).toBe(true);
		expect(api.calls).toEqual([]);
	});
});

describe('activation and deactivation', () => {
	it('saves the console setting, points VOD at the webhook, and restores the setting on delete', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(DEFAULT_APP, CONSOLE_SETTING);
		const staticData: IDataObject = {};
		const context = production(staticData);

		await activate(context, api);

		expect(api.writes()).toEqual([{ action: 'SetMessageCallback', setting: EXPECTED_SET }]);
		const { AppId, ...registered } = EXPECTED_SET;
		expect(api.settings.get(AppId)).toEqual(registered);
		expect(staticData.vodRegistration).toMatchObject({
			previous: { ...CONSOLE_SETTING_WITHOUT_KEY, AppId: DEFAULT_APP },
		});

		api.calls.length = 0;
		await deleteRegistration(context, api);

		expect(api.writes()).toEqual([
			{
				action: 'SetMessageCallback',
				setting: { ...RESTORED_CONSOLE_SETTING, AppId: DEFAULT_APP },
			},
		]);
		expect(api.settings.get(DEFAULT_APP)).toEqual(RESTORED_CONSOLE_SETTING);
		expect(staticData.vodRegistration).toBeUndefined();
	});

	it('deletes the callback on deactivation when none was configured before', async () => {
		const api = new FakeVodCallbacks();
		const context = production({});

		await activate(context, api);
		await deleteRegistration(context, api);

		expect(api.writes().map((call) => call.action)).toEqual([
			'SetMessageCallback',
			'DeleteMessageCallback',
		]);
		expect(api.settings.size).toBe(0);
	});

	it('is idempotent: a second activation finds the registration and writes nothing', async () => {
		const api = new FakeVodCallbacks();
		const staticData: IDataObject = {};
		await activate(production(staticData), api);
		api.calls.length = 0;

		expect(await registrationExists(production(staticData), api)).toBe(true);
		await activate(production(staticData), api);

		expect(api.writes()).toEqual([]);
	});

	it('calls nothing on a second delete', async () => {
		const api = new FakeVodCallbacks();
		const staticData: IDataObject = {};
		await activate(production(staticData), api);
		await deleteRegistration(production(staticData), api);
		api.calls.length = 0;

		expect(await deleteRegistration(production(staticData), api)).toBe(true);
		expect(api.calls).toEqual([]);
	});

	it('adopts a matching setting without writing, and leaves it in place on delete', async () => {
		const api = new FakeVodCallbacks();
		const { AppId, ...matching } = EXPECTED_SET;
		api.settings.set(AppId, matching);
		const staticData: IDataObject = {};

		expect(await registrationExists(production(staticData), api)).toBe(false);
		await createRegistration(production(staticData), api);
		await deleteRegistration(production(staticData), api);

		expect(api.writes()).toEqual([]);
		expect(api.settings.get(AppId)).toEqual(matching);
	});

	it('reports a registration changed in VOD since activation as missing, and re-creation keeps the original to restore', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(DEFAULT_APP, CONSOLE_SETTING);
		const staticData: IDataObject = {};
		await activate(production(staticData), api);
		const withTranscode = { ...ON, events: ['SnapshotComplete', 'TranscodeComplete'] };

		expect(await registrationExists(production(staticData, withTranscode), api)).toBe(false);
		await createRegistration(production(staticData, withTranscode), api);
		await deleteRegistration(production(staticData, withTranscode), api);

		expect(api.settings.get(DEFAULT_APP)).toEqual(RESTORED_CONSOLE_SETTING);
	});

	it('leaves VOD alone on delete when someone pointed it elsewhere since activation', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(DEFAULT_APP, CONSOLE_SETTING);
		const staticData: IDataObject = {};
		await activate(production(staticData), api);
		const someoneElse = { ...CONSOLE_SETTING, CallbackURL: 'https://other.example.com/hook' };
		api.settings.set(DEFAULT_APP, someoneElse);
		api.calls.length = 0;

		await deleteRegistration(production(staticData), api);

		expect(api.writes()).toEqual([]);
		expect(api.settings.get(DEFAULT_APP)).toEqual(someoneElse);
		expect(staticData.vodRegistration).toBeUndefined();
	});
});

describe('what is registered', () => {
	it('uses the App ID option for every call', async () => {
		const api = new FakeVodCallbacks();

		await activate(production({}, { ...ON, appId: 'app-2000000' }), api);

		expect(
			api.calls.every(
				(call) => call.action !== 'SetMessageCallback' || call.setting.AppId === 'app-2000000',
			),
		).toBe(true);
		expect(api.calls.filter((call) => call.action === 'GetMessageCallback')).toEqual([
			{ action: 'GetMessageCallback', appId: 'app-2000000' },
		]);
		expect(api.settings.has('app-2000000')).toBe(true);
		expect(api.settings.has(DEFAULT_APP)).toBe(false);
	});

	it('registers the selected events, AI events as the single value AIComplete', async () => {
		const api = new FakeVodCallbacks();
		const events = [
			'TranscodeComplete',
			'SnapshotComplete',
			'AIMediaAuditComplete',
			'AIVideoTagComplete',
		];

		await activate(production({}, { ...ON, events }), api);

		expect(api.settings.get(DEFAULT_APP)?.EventTypeList).toBe(
			'AIComplete,SnapshotComplete,TranscodeComplete',
		);
	});

	it('registers "Callback URL as Configured in VOD" instead of n8n\'s URL when set', async () => {
		const api = new FakeVodCallbacks();
		const publicUrl = 'https://videos.example.org/hooks/vod';

		await activate(production({}, { ...ON, options: { callbackUrl: publicUrl } }), api);

		expect(api.settings.get(DEFAULT_APP)?.CallbackURL).toBe(publicUrl);
	});

	it('registers with AuthSwitch off and no key when verification is turned off', async () => {
		const api = new FakeVodCallbacks();
		const context = hookContext({
			parameters: { ...ON, verifySignature: false },
			credentials: { aliyunApi: CREDENTIALS.aliyunApi },
			staticData: {},
		});

		await activate(context, api);

		expect(api.settings.get(DEFAULT_APP)).toEqual({
			CallbackType: 'HTTP',
			CallbackURL: WEBHOOK_URL,
			EventTypeList: 'SnapshotComplete',
			AuthSwitch: 'off',
		});
	});

	it.each([
		{ key: 'alllowercase1', problem: 'upper-case' },
		{ key: 'ALLUPPERCASE1', problem: 'lower-case' },
		{ key: 'NoDigitsHere', problem: 'digit' },
		{ key: `A1${'b'.repeat(31)}`, problem: '32' },
	])('refuses to register the key $key before any request', async ({ key, problem }) => {
		const api = new FakeVodCallbacks();
		const context = hookContext({
			parameters: ON,
			credentials: { ...CREDENTIALS, aliyunVodCallbackApi: { authKey: key } },
			staticData: {},
		});

		const attempt = createRegistration(context, api);

		await expect(attempt).rejects.toBeInstanceOf(NodeOperationError);
		await expect(attempt).rejects.toThrow(new RegExp(`Auth Key .*${problem}`));
		expect(api.calls).toEqual([]);
	});
});

describe('"Callback URL as Configured in VOD" is checked like every URL parameter', () => {
	const tooLong = `https://videos.example.org/${'a'.repeat(240)}`;
	it.each([
		{ url: 'videos.example.org/hooks/vod', problem: 'must be an http:// or https:// URL' },
		{ url: 'http:///hooks/vod', problem: 'must be an http:// or https:// URL' },
		{ url: 'ftp://videos.example.org/vod', problem: 'must be an http:// or https:// URL' },
		{ url: 'https://videos.example.org/a b', problem: 'must be an http:// or https:// URL' },
		{ url: tooLong, problem: 'must be at most 256 bytes (got 267)' },
	])('refuses $url on activation before any request', async ({ url, problem }) => {
		for (const parameters of [
			{ ...ON, options: { callbackUrl: url } },
			{ options: { callbackUrl: url } },
		]) {
			const api = new FakeVodCallbacks();
			const context = production({}, parameters);

			for (const hook of [registrationExists, createRegistration]) {
				const attempt = hook(context, api);
				await expect(attempt).rejects.toBeInstanceOf(NodeOperationError);
				await expect(attempt).rejects.toThrow(`Callback URL as Configured in VOD ${problem}`);
			}
			expect(api.calls).toEqual([]);
		}
	});

	it('accepts an upper-case scheme and registers the URL as written', async () => {
		const api = new FakeVodCallbacks();
		const url = 'HTTPS://videos.example.org/hooks/vod';

		await activate(production({}, { ...ON, options: { callbackUrl: ` ${url} ` } }), api);

		expect(api.settings.get(DEFAULT_APP)?.CallbackURL).toBe(url);
	});
});

describe('listening for a test event', () => {
	const testListening = (staticData: IDataObject, parameters: IDataObject = ON) =>
		production(staticData, parameters, {
			webhookUrl: TEST_WEBHOOK_URL,
			mode: 'manual',
			activation: 'manual',
		});
	/** n8n removes a test webhook with mode internal / activation update, on the test URL. */
	const testTeardown = (staticData: IDataObject, parameters: IDataObject = ON) =>
		production(staticData, parameters, {
			webhookUrl: TEST_WEBHOOK_URL,
			mode: 'internal',
			activation: 'update',
		});

	it('never touches the production setting without the opt-in', async () => {
		const api = new FakeVodCallbacks();
		const productionData: IDataObject = {};
		await activate(production(productionData), api);
		const productionSetting = api.settings.get(DEFAULT_APP);
		api.calls.length = 0;
		// A test listening starts from a copy of the workflow's static data.
		const testData: IDataObject = structuredClone(productionData);

		await activate(testListening(testData), api);
		await deleteRegistration(testTeardown(testData), api);

		expect(api.calls).toEqual([]);
		expect(api.settings.get(DEFAULT_APP)).toEqual(productionSetting);
	});

	it('with "Register During Test Listening", points VOD at the test URL and restores production afterwards', async () => {
		const api = new FakeVodCallbacks();
		const productionData: IDataObject = {};
		const optIn = { ...ON, registerDuringTest: true };
		await activate(production(productionData, optIn), api);
		const productionSetting = api.settings.get(DEFAULT_APP);
		const testData: IDataObject = structuredClone(productionData);

		await activate(testListening(testData, optIn), api);
		const duringTest = api.settings.get(DEFAULT_APP);
		await deleteRegistration(testTeardown(testData, optIn), api);

		expect(duringTest?.CallbackURL).toBe(TEST_WEBHOOK_URL);
		expect(api.settings.get(DEFAULT_APP)).toEqual(productionSetting);
		expect(productionData.vodRegistration).toMatchObject({ registeredUrl: WEBHOOK_URL });
	});
});
