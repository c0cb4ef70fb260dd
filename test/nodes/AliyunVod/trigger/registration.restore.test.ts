import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import type { MessageCallback } from '../../../../nodes/AliyunVod/transport/types';
import {
	createRegistration,
	deleteRegistration,
	registrationExists,
} from '../../../../nodes/AliyunVod/trigger/registration';
import { hookContext, WEBHOOK_URL } from '../../../support/triggerContexts';
import { FakeVodCallbacks } from './fakeCallbacks';

const APP = 'app-1000000';
const TRIGGER_KEY = 'TriggerKey2026';
const ORIGINAL_KEY = 'OriginalKey77';
const CREDENTIALS = {
	aliyunVodCallbackApi: { authKey: TRIGGER_KEY, previousAuthKey: '' },
	aliyunApi: { accessKeyId: 'LTAI5tExample', accessKeySecret: 'unused-here' },
};
const MOVED_URL = 'https://n8n.example.com/webhook/0f6f1c2e-moved/webhook';
const MOVED_AGAIN_URL = 'https://n8n.example.com/webhook/7a9b3d4c-again/webhook';

/** What the user had in the console before the first activation. */
const ORIGINAL: MessageCallback = {
	CallbackType: 'HTTP',
	CallbackURL: 'https://legacy.example.com/vod-events',
	EventTypeList: 'FileUploadComplete,TranscodeComplete',
	AuthSwitch: 'on',
	AuthKey: ORIGINAL_KEY,
};

function hook(staticData: IDataObject, webhookUrl = WEBHOOK_URL, parameters: IDataObject = {}) {
	return hookContext({
		parameters: { registerCallback: true, ...parameters },
		credentials: CREDENTIALS,
		staticData,
		webhookUrl,
	});
}

/** n8n's activation: checkExists, then create when it returned false. */
async function activate(context: ReturnType<typeof hook>, api: FakeVodCallbacks): Promise<void> {
	if (!(await registrationExists(context, api))) await createRegistration(context, api);
}

describe('registration stores no key', () => {
	it('keeps neither the original key nor its own in static data', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(APP, ORIGINAL);
		const staticData: IDataObject = {};

		await activate(hook(staticData), api);

		const stored = JSON.stringify(staticData);
		expect(stored).not.toContain(ORIGINAL_KEY);
		expect(stored).not.toContain(TRIGGER_KEY);
		expect(stored).not.toContain('AuthKey');
		expect(staticData.vodRegistration).toMatchObject({
			previous: { CallbackURL: ORIGINAL.CallbackURL, AuthSwitch: 'on' },
		});
	});

	it('drops a key an older version stored, on the next activation', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(APP, ORIGINAL);
		const staticData: IDataObject = {};
		await activate(hook(staticData), api);
		(staticData.vodRegistration as IDataObject).previous = { ...ORIGINAL, AppId: APP };

		await createRegistration(hook(staticData), api);

		expect(JSON.stringify(staticData)).not.toContain(ORIGINAL_KEY);
	});
});

describe('the original setting survives URL changes and re-activations', () => {
	it("restores the console setting after n8n's webhook URL changed twice", async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(APP, ORIGINAL);
		const staticData: IDataObject = {};

		await activate(hook(staticData), api);
		await activate(hook(staticData, MOVED_URL), api);
		await activate(hook(staticData, MOVED_AGAIN_URL), api);
		expect(api.settings.get(APP)?.CallbackURL).toBe(MOVED_AGAIN_URL);
		await deleteRegistration(hook(staticData, MOVED_AGAIN_URL), api);

		// The original key was never stored: VOD signs for the restored URL with the key it holds.
		expect(api.settings.get(APP)).toEqual({ ...ORIGINAL, AuthKey: TRIGGER_KEY });
		expect(staticData.vodRegistration).toBeUndefined();
	});

	it('restores the console setting after "Callback URL as Configured in VOD" changed', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(APP, ORIGINAL);
		const staticData: IDataObject = {};
		const proxied = { options: { callbackUrl: 'https://proxy.example.org/vod' } };

		await activate(hook(staticData), api);
		await activate(hook(staticData, WEBHOOK_URL, proxied), api);
		await deleteRegistration(hook(staticData, WEBHOOK_URL, proxied), api);

		expect(api.settings.get(APP)?.CallbackURL).toBe(ORIGINAL.CallbackURL);
	});

	it('deletes the callback after a URL change when none was configured before', async () => {
		const api = new FakeVodCallbacks();
		const staticData: IDataObject = {};

		await activate(hook(staticData), api);
		await activate(hook(staticData, MOVED_URL), api);
		await deleteRegistration(hook(staticData, MOVED_URL), api);

		expect(api.settings.has(APP)).toBe(false);
	});

	it('restores a setting without callback authentication exactly', async () => {
		const api = new FakeVodCallbacks();
		const unsigned: MessageCallback = {
			CallbackType: 'HTTP',
			CallbackURL: 'https://legacy.example.com/open',
			EventTypeList: 'FileUploadComplete',
			AuthSwitch: 'off',
		};
		api.settings.set(APP, unsigned);
		const staticData: IDataObject = {};

		await activate(hook(staticData), api);
		await activate(hook(staticData, MOVED_URL), api);
		await deleteRegistration(hook(staticData, MOVED_URL), api);

		expect(api.settings.get(APP)).toEqual(unsigned);
	});

	it('restores a signed setting with authentication off when VOD holds no key to sign with', async () => {
		const api = new FakeVodCallbacks();
		api.settings.set(APP, ORIGINAL);
		const staticData: IDataObject = {};
		const unverified = { verifySignature: false };

		await activate(hook(staticData, WEBHOOK_URL, unverified), api);
		await deleteRegistration(hook(staticData, WEBHOOK_URL, unverified), api);

		const withoutKey: MessageCallback = { ...ORIGINAL, AuthSwitch: 'off' };
		delete withoutKey.AuthKey;
		expect(api.settings.get(APP)).toEqual(withoutKey);
	});
});
