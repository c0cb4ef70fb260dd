/**
 * The three credential forms as a new user opens them from a node's "Connect to …" button in the real
 * n8n 2.41.1 editor, and the message their Test shows for bad values: it must name the field or the host.
 * One n8n, one browser and one emulator for the file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { aliyunAccessKey, huaweiAccessKey, huaweiProjectId } from '../emulator/accounts';
import { startEmulator, type Emulator } from '../emulator/server';
import { freePort } from '../e2e/harness';
import {
	CREDENTIAL_DIALOG_SELECTOR,
	closeCredentialForm,
	closeNode,
	createWorkflow,
	credentialForm,
	fillCredentialField,
	openNewCredentialForm,
	openWorkflow,
	saveAndTestCredential,
	saveScreenshot,
	startEditor,
	stopEditor,
	type EditorSession,
} from './support/editor';
import { httpRequestWithCredential, vodNode, vodTriggerNode } from './support/workflows';

const NODES = { vod: 'Submit Snapshot Job', trigger: 'VOD Trigger', http: 'Huawei VOD Request' };

let session: EditorSession;
let emulator: Emulator;
let workflowId: string;
/** A loopback port nothing listens on: connections to it are refused. */
let closedPort: number;

beforeAll(async () => {
	[session, emulator, closedPort] = await Promise.all([
		startEditor('credentials'),
		startEmulator(),
		freePort(),
	]);
	workflowId = await createWorkflow(session.server, {
		name: 'Credential forms',
		nodes: [
			vodNode(NODES.vod, 'snapshot', 'submit'),
			vodTriggerNode(NODES.trigger),
			httpRequestWithCredential(NODES.http, 'huaweiCloudApi'),
		],
	});
});

afterEach(() => {
	expect(session.problems.take(), 'page and console errors').toEqual([]);
});

afterAll(async () => {
	await stopEditor(session);
	await emulator?.close();
});

async function openForm(nodeName: string): Promise<void> {
	await openWorkflow(session, workflowId);
	await openNewCredentialForm(session.page, nodeName);
}

async function closeForm(): Promise<void> {
	await closeCredentialForm(session.page);
	await closeNode(session.page);
}

describe('Alibaba Cloud API', () => {
	it('asks for the AccessKey pair (required) and the endpoints; its Test names the secret, then the unreachable host', async () => {
		const { page } = session;
		await openForm(NODES.vod);
		const form = await credentialForm(page);
		expect(form.labels).toEqual(
			expect.arrayContaining([
				'AccessKey ID *',
				'AccessKey Secret *',
				'Security Token',
				'Region',
				'Signature Version',
				'VOD Endpoint',
			]),
		);
		await fillCredentialField(page, 'accessKeyId', aliyunAccessKey.accessKeyId);
		await fillCredentialField(page, 'accessKeySecret', 'not-the-secret');
		await fillCredentialField(page, 'vodEndpoint', emulator.url);
		const wrongSecret = await saveAndTestCredential(page);
		expect(wrongSecret).toMatch(/AccessKey Secret|SignatureDoesNotMatch/);

		const unreachable = `127.0.0.1:${closedPort}`;
		await fillCredentialField(page, 'vodEndpoint', `http://${unreachable}`);
		const refused = await saveAndTestCredential(page);
		await saveScreenshot(page, 'credential-alibaba-cloud-api.png', CREDENTIAL_DIALOG_SELECTOR);
		expect(refused, 'a network failure names the host it tried').toContain(unreachable);
		await closeForm();
	});
});

describe('Alibaba Cloud VOD Callback Key API', () => {
	it('asks for the Auth Key; its Test names every rule a bad key breaks', async () => {
		const { page } = session;
		await openForm(NODES.trigger);
		const form = await credentialForm(page);
		expect(form.labels.some((label) => /^Auth Key/.test(label))).toBe(true);
		await fillCredentialField(page, 'authKey', 'abc-def!');
		const message = await saveAndTestCredential(page);
		await saveScreenshot(page, 'credential-vod-callback-key.png', CREDENTIAL_DIALOG_SELECTOR);
		expect(message).toMatch(/Auth Key/);
		expect(message, 'the missing upper-case letter').toMatch(/upper-case/i);
		expect(message, 'the missing digit').toMatch(/digit/i);
		expect(message, 'the characters VOD does not take ("-", "!")').toMatch(/character/i);
		await closeForm();
	});
});

describe('Huawei Cloud API', () => {
	it('asks for the AK/SK (required) and the endpoints; its Test names the key, then the unreachable host', async () => {
		const { page } = session;
		await openForm(NODES.http);
		const form = await credentialForm(page);
		expect(form.labels).toEqual(
			expect.arrayContaining([
				'Authentication',
				'Access Key ID *',
				'Secret Access Key *',
				'Region',
				'Project ID',
				'VOD Endpoint',
				'IAM Endpoint',
			]),
		);
		await fillCredentialField(page, 'accessKeyId', huaweiAccessKey.accessKeyId);
		await fillCredentialField(page, 'secretAccessKey', 'not-the-secret-key');
		await fillCredentialField(page, 'projectId', huaweiProjectId);
		await fillCredentialField(page, 'vodEndpoint', emulator.url);
		await fillCredentialField(page, 'iamEndpoint', emulator.url);
		const wrongSecret = await saveAndTestCredential(page);
		expect(wrongSecret).toMatch(/Secret Access Key|Access Key|signature/i);

		const unreachable = `127.0.0.1:${closedPort}`;
		await fillCredentialField(page, 'vodEndpoint', `http://${unreachable}`);
		const refused = await saveAndTestCredential(page);
		await saveScreenshot(page, 'credential-huawei-cloud-api.png', CREDENTIAL_DIALOG_SELECTOR);
		expect(refused, 'a network failure names the host it tried').toContain(unreachable);
		await closeForm();
	});
});
