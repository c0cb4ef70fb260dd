import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { expect } from 'vitest';

import { AliyunApi } from '../../../../../credentials/AliyunApi.credentials';
import { aliyunApiDataFor } from '../../../../emulator/accounts';
import { emulatorPerFile } from '../../../../emulator/lifecycle';
import {
	mnsRequest as signedMnsRequest,
	sendMessageXml,
	xmlValue,
} from '../../../../emulator/clients/mns';
import type { Emulator } from '../../../../emulator/server';
import { runCaller } from '../../../../support/callerNode';

/**
 * What the MNS transport tests share: a node that runs one transport call with the aliyunApi
 * credential, an emulator per test file with a fresh queue per test, and an independent enqueue.
 */
export const QUEUE = 'mps-events';
export const MESSAGES = `/queues/${QUEUE}/messages`;
/** Visibility timeout of the test queue: long enough for a test, short enough to expire a handle. */
export const VISIBILITY_SECONDS = 2;

/** The file's emulator; a live binding, set once `useMnsEmulator`'s beforeAll has run. */
export let emulator: Emulator;

/** One emulator for the calling test file, with the test queue created before each test. */
export function useMnsEmulator(): void {
	emulatorPerFile((started) => (emulator = started), {
		eachTest: () => emulator.createQueue(QUEUE, VISIBILITY_SECONDS),
	});
}

/** Runs `call` in a test node with the given aliyunApi credential data. */
export async function runWithCredentials(
	call: (context: IExecuteFunctions) => Promise<unknown>,
	aliyunApi: ICredentialDataDecryptedObject,
) {
	let value: unknown;
	const { run: result, error } = await runCaller(
		async function () {
			value = await call(this);
			return [{ json: {}, pairedItem: { item: 0 } }];
		},
		{ credentialTypes: { aliyunApi: new AliyunApi() }, credentials: { aliyunApi } },
	);
	return { result, value, error };
}

/** Runs `call` with the emulator's account, its MNS Endpoint replaced by `mnsEndpoint`. */
export async function run(
	call: (context: IExecuteFunctions) => Promise<unknown>,
	mnsEndpoint = emulator.url,
) {
	return await runWithCredentials(call, {
		...aliyunApiDataFor(emulator.url),
		vodEndpoint: '',
		mpsEndpoint: '',
		mnsEndpoint,
	});
}

/**
 * Enqueues through the emulator's MNS API with the independent test signer, then forgets the
 * request, so the log holds only the transport's. Returns the MessageId.
 */
export async function enqueue(bodyXmlText: string): Promise<string> {
	const sent = await signedMnsRequest(emulator, 'POST', MESSAGES, {
		body: sendMessageXml(bodyXmlText),
	});
	expect(sent.status).toBe(201);
	emulator.clearRequests();
	return xmlValue(sent.text, 'MessageId') ?? '';
}

export const md5Upper = (text: string) =>
	createHash('md5').update(text).digest('hex').toUpperCase();
export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The MPS success notification of aliyun.md h (shortened). */
export const MPS_NOTIFICATION = {
	jobId: '8f91f1b630f3469eb5ecf445028f0001',
	JobId: '8f91f1b630f3469eb5ecf445028f0001',
	Type: 'Snapshot',
	State: 'Success',
	Count: 5,
	TimeArray: [10050, 50000],
};

/** The MNS requests the emulator saw (control calls are not recorded). */
export const mnsRequests = () =>
	emulator.requests().filter((request) => request.rawUrl.startsWith('/queues/'));
