import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../../credentials/common/json';
import type { HookContext } from '../../shared/trigger';
import type { MessageCallback } from '../transport/types';
import { authKeyProblem, CALLBACK_CREDENTIAL, callbackKeysFrom } from './callbackKey';
import { eventTypeListFor } from './eventTypes';
import { callbackUrlOverrideProblem, readSettings } from './parameters';
import type { MessageCallbackApi, MessageCallbackField } from './types';

const RECORD_KEY = 'vodRegistration';

/** What this node set in VOD, and what it found there before, to restore on deactivation. */
export type RegistrationRecord = {
	/** n8n's URL for the hook that registered: tells a test listening apart from production. */
	n8nUrl: string;
	registeredUrl: string;
	appId: string;
	/**
	 * The setting to restore, always without its AuthKey (static data is not encrypted); null when
	 * VOD had no callback configured.
	 */
	previous: MessageCallback | null;
};

type DesiredSetting = MessageCallback & { AppId: string; CallbackURL: string };

interface RegistrationTarget {
	n8nUrl: string;
	/** False when registration is off, or while listening for a test event without the opt-in. */
	enabled: boolean;
	isTestListening: boolean;
	desired: DesiredSetting;
}

const SETTING_FIELDS: MessageCallbackField[] = [
	'CallbackType',
	'CallbackURL',
	'EventTypeList',
	'AuthSwitch',
	'AuthKey',
	'MnsEndpoint',
	'MnsQueueName',
];

/** Keeps the known string fields of a MessageCallback-shaped value. */
export function toMessageCallback(value: unknown): MessageCallback | undefined {
	if (!isRecord(value)) return undefined;
	const setting: MessageCallback = {};
	for (const field of [...SETTING_FIELDS, 'AppId' as const]) {
		const fieldValue = value[field];
		if (typeof fieldValue === 'string' && fieldValue !== '') setting[field] = fieldValue;
	}
	return setting;
}

/** The setting as it may be stored: never with its key. */
function withoutKey(setting: MessageCallback): MessageCallback {
	const stored = { ...setting };
	delete stored.AuthKey;
	return stored;
}

/**
 * What to write back on deactivation. SetMessageCallback needs an AuthKey with AuthSwitch on and
 * the original key was never stored, so the key VOD holds now (this trigger's) signs for the
 * restored URL; with none, the setting is restored with authentication off. The registration
 * notice tells the user to re-enter a different original key in the VOD console.
 */
function restorable(
	previous: MessageCallback,
	current: MessageCallback | undefined,
): MessageCallback {
	if (previous.AuthSwitch !== 'on') return previous;
	return current?.AuthKey === undefined
		? { ...previous, AuthSwitch: 'off' }
		: { ...previous, AuthKey: current.AuthKey };
}

function isConfigured(setting: MessageCallback | undefined): setting is MessageCallback {
	return setting?.CallbackType !== undefined;
}

function eventSet(list: string | undefined): string {
	return (list ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '')
		.sort()
		.join(',');
}

/** Same callback in VOD's terms: the event list compares as a set, AppId is not part of it. */
function sameSetting(a: MessageCallback | undefined, b: MessageCallback | undefined): boolean {
	if (!isConfigured(a) || !isConfigured(b)) return isConfigured(a) === isConfigured(b);
	return SETTING_FIELDS.every((field) =>
		field === 'EventTypeList' ? eventSet(a[field]) === eventSet(b[field]) : a[field] === b[field],
	);
}

function pointsAt(setting: MessageCallback | undefined, url: string): boolean {
	return setting?.CallbackType === 'HTTP' && setting.CallbackURL === url;
}

function readRecord(staticData: IDataObject): RegistrationRecord | undefined {
	const value: unknown = staticData[RECORD_KEY];
	if (!isRecord(value)) return undefined;
	const { n8nUrl, registeredUrl, appId, previous } = value;
	if (
		typeof n8nUrl !== 'string' ||
		typeof registeredUrl !== 'string' ||
		typeof appId !== 'string'
	) {
		return undefined;
	}
	const setting = toMessageCallback(previous);
	return { n8nUrl, registeredUrl, appId, previous: setting ? withoutKey(setting) : null };
}

async function targetOf(context: HookContext): Promise<RegistrationTarget> {
	const settings = readSettings(context);
	// Checked even with registration off: verification signs with this URL, so a malformed one
	// would refuse every callback.
	const urlProblem = callbackUrlOverrideProblem(settings);
	if (urlProblem !== undefined) throw new NodeOperationError(context.getNode(), urlProblem);
	const n8nUrl = context.getNodeWebhookUrl('default') ?? '';
	const isTestListening =
		context.getActivationMode() === 'manual' || context.getMode() === 'manual';
	const enabled = settings.registerCallback && (!isTestListening || settings.registerDuringTest);
	const desired: DesiredSetting = {
		AppId: settings.appId,
		CallbackType: 'HTTP',
		CallbackURL: settings.callbackUrlOverride || n8nUrl,
		EventTypeList: eventTypeListFor(settings.events),
		AuthSwitch: 'off',
	};
	if (!enabled || !settings.verifySignature) return { n8nUrl, enabled, isTestListening, desired };
	const { authKey } = callbackKeysFrom(await context.getCredentials(CALLBACK_CREDENTIAL));
	const problem = authKeyProblem(authKey);
	if (problem !== undefined) {
		throw new NodeOperationError(context.getNode(), `Auth Key ${problem}`, {
			description:
				'VOD requires at most 32 characters, only letters and digits, with upper-case, lower-case letters and digits.',
		});
	}
	return {
		n8nUrl,
		enabled,
		isTestListening,
		desired: { ...desired, AuthSwitch: 'on', AuthKey: authKey },
	};
}

function isOwnRecord(
	record: RegistrationRecord | undefined,
	target: RegistrationTarget,
): record is RegistrationRecord {
	return (
		record !== undefined && record.n8nUrl === target.n8nUrl && record.appId === target.desired.AppId
	);
}

/**
 * While VOD still points at what this node registered, the setting saved the first time stays the
 * one to restore, also after the webhook URL changed. Only a test listening saves the production
 * registration it replaces, to put it back when the test ends.
 */
function settingToRestore(
	record: RegistrationRecord | undefined,
	target: RegistrationTarget,
	current: MessageCallback | undefined,
): MessageCallback | null {
	const stillOurs =
		record !== undefined &&
		record.appId === target.desired.AppId &&
		pointsAt(current, record.registeredUrl);
	if (stillOurs && (!target.isTestListening || isOwnRecord(record, target))) return record.previous;
	return isConfigured(current) ? withoutKey(current) : null;
}

/** True when registration is not wanted here, or VOD holds exactly what this node registered. */
export async function registrationExists(
	context: HookContext,
	api: MessageCallbackApi,
): Promise<boolean> {
	const target = await targetOf(context);
	if (!target.enabled) return true;
	if (!isOwnRecord(readRecord(context.getWorkflowStaticData('node')), target)) return false;
	return sameSetting(await api.get(target.desired.AppId), target.desired);
}

/**
 * Saves VOD's current setting, then points VOD at this webhook. A setting that already matches
 * is adopted without a write.
 */
export async function createRegistration(
	context: HookContext,
	api: MessageCallbackApi,
): Promise<boolean> {
	const target = await targetOf(context);
	if (!target.enabled) return true;
	const staticData = context.getWorkflowStaticData('node');
	const current = await api.get(target.desired.AppId);
	const previous = settingToRestore(readRecord(staticData), target, current);
	if (!sameSetting(current, target.desired)) await api.set(target.desired);
	const saved: RegistrationRecord = {
		n8nUrl: target.n8nUrl,
		registeredUrl: target.desired.CallbackURL,
		appId: target.desired.AppId,
		previous,
	};
	staticData[RECORD_KEY] = saved;
	return true;
}

/**
 * Restores what create() found, but only while VOD still points at this node's URL: a setting
 * someone changed since then is theirs. Without a record of this hook (registration off, or a
 * test listening that did not register) it calls nothing.
 */
export async function deleteRegistration(
	context: HookContext,
	api: MessageCallbackApi,
): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const record = readRecord(staticData);
	if (record === undefined || record.n8nUrl !== (context.getNodeWebhookUrl('default') ?? ''))
		return true;
	const current = await api.get(record.appId);
	if (pointsAt(current, record.registeredUrl)) {
		const restored = record.previous && restorable(record.previous, current);
		if (restored === null) await api.delete(record.appId);
		else if (!sameSetting(current, restored)) await api.set({ ...restored, AppId: record.appId });
	}
	delete staticData[RECORD_KEY];
	return true;
}
