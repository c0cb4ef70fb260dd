/**
 * The four credential forms as a new user opens them from a node's "Connect to …" button in the real
 * n8n 2.41.1 editor, and the message their Test shows for bad values: it names the field, or, for a
 * network failure, says where the host comes from. One n8n, one browser and one emulator for the file;
 * every test starts on a fresh page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aliyunAccessKey, huaweiAccessKey, huaweiProjectId } from '../emulator/accounts';
import { startEmulator, type Emulator } from '../emulator/server';
import {
	CREDENTIAL_DIALOG_SELECTOR,
	createWorkflow,
	credentialFieldHelp,
	credentialForm,
	fillCredentialField,
	eachTestOnAFreshPage,
	openNewCredentialForm,
	openWorkflow,
	saveAndTestCredential,
	saveScreenshot,
	startEditor,
	stopEditor,
	type EditorSession,
} from './support/editor';
import { EDITOR_PORTS, fixedPortOrFree } from './support/ports';
import { actionNode, huaweiTriggerNode, vodTriggerNode } from './support/workflows';

const NODES = {
	vod: 'Submit Snapshot Job',
	trigger: 'VOD Trigger',
	huawei: 'Create Huawei Snapshots',
	huaweiTrigger: 'Huawei VOD Trigger',
};

let session: EditorSession;
let emulator: Emulator;
let workflowId: string;
/** A loopback port nothing listens on: connections to it are refused. */
let closedPort: number;

beforeAll(async () => {
	const [emulatorPort, closed] = [
		await fixedPortOrFree(EDITOR_PORTS.emulator),
		await fixedPortOrFree(EDITOR_PORTS.closed),
	];
	closedPort = closed;
	[session, emulator] = await Promise.all([
		startEditor('credentials'),
		startEmulator({ port: emulatorPort }),
	]);
	workflowId = await createWorkflow(session.server, {
		name: 'Credential forms',
		nodes: [
			actionNode('vod', NODES.vod, 'snapshot', 'submit'),
			vodTriggerNode(NODES.trigger),
			actionNode('huawei', NODES.huawei, 'snapshot', 'create'),
			huaweiTriggerNode(NODES.huaweiTrigger),
		],
	});
});

eachTestOnAFreshPage(() => session);

afterAll(async () => {
	await stopEditor(session);
	await emulator?.close();
});

async function openForm(nodeName: string): Promise<void> {
	await openWorkflow(session, workflowId);
	await openNewCredentialForm(session.page, nodeName);
}

/**
 * n8n 2.41.1 shows a network failure of a credential Test by its code alone (ENOTFOUND, ECONNREFUSED):
 * a credential cannot add the host to that message. The VOD Endpoint field next to it says what such a
 * code means, and its placeholder names the host an empty field stands for (the Region's).
 */
async function expectUnreachableExplained(message: string, regionEndpoint: string): Promise<void> {
	expect(message).toMatch(/^(ECONNREFUSED|ENOTFOUND)$/);
	const help = await credentialFieldHelp(session.page, 'vodEndpoint');
	expect(help.placeholder, "the Region's VOD endpoint").toBe(regionEndpoint);
	expect(help.description).toMatch(/ENOTFOUND or ECONNREFUSED could not reach this endpoint/);
	expect(help.description).toMatch(/the Region's endpoint, as in the placeholder/);
}

describe('Alibaba Cloud API', () => {
	it('asks for the AccessKey pair (required) and the endpoints; its Test names the secret; an unreachable endpoint is explained by the field', async () => {
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
		const wrongSecret = await saveAndTestCredential(page, {
			accessKeyId: aliyunAccessKey.accessKeyId,
			accessKeySecret: 'not-the-secret',
			vodEndpoint: emulator.url,
		});
		expect(wrongSecret).toMatch(/AccessKey Secret|SignatureDoesNotMatch/);

		await fillCredentialField(page, 'vodEndpoint', `http://127.0.0.1:${closedPort}`);
		const refused = await saveAndTestCredential(page, {
			vodEndpoint: `http://127.0.0.1:${closedPort}`,
		});
		await saveScreenshot(page, 'credential-alibaba-cloud-api.png', CREDENTIAL_DIALOG_SELECTOR);
		await expectUnreachableExplained(refused, 'https://vod.cn-shanghai.aliyuncs.com');
	});
});

describe('Alibaba Cloud VOD Callback Key API', () => {
	it('asks for the Auth Key; its Test names every rule a bad key breaks', async () => {
		const { page } = session;
		await openForm(NODES.trigger);
		const form = await credentialForm(page);
		expect(form.labels.some((label) => /^Auth Key/.test(label))).toBe(true);
		await fillCredentialField(page, 'authKey', 'abc-def!');
		const message = await saveAndTestCredential(page, { authKey: 'abc-def!' });
		await saveScreenshot(page, 'credential-vod-callback-key.png', CREDENTIAL_DIALOG_SELECTOR);
		expect(message).toMatch(/Auth Key/);
		expect(message, 'the missing upper-case letter').toMatch(/upper-case/i);
		expect(message, 'the missing digit').toMatch(/digit/i);
		expect(message, 'the characters VOD does not take ("-", "!"), each named').toMatch(
			/only letters and digits \(found "-", "!"\)/,
		);
	});
});

describe('Huawei Cloud API', () => {
	it('asks for the AK/SK (required) and the endpoints; its Test names the key; an unreachable endpoint is explained by the field', async () => {
		const { page } = session;
		await openForm(NODES.huawei);
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
		const wrongSecret = await saveAndTestCredential(page, {
			accessKeyId: huaweiAccessKey.accessKeyId,
			secretAccessKey: 'not-the-secret-key',
			projectId: huaweiProjectId,
			vodEndpoint: emulator.url,
			iamEndpoint: emulator.url,
		});
		expect(wrongSecret).toMatch(/Secret Access Key|Access Key|signature/i);

		await fillCredentialField(page, 'vodEndpoint', `http://127.0.0.1:${closedPort}`);
		const refused = await saveAndTestCredential(page, {
			vodEndpoint: `http://127.0.0.1:${closedPort}`,
		});
		await saveScreenshot(page, 'credential-huawei-cloud-api.png', CREDENTIAL_DIALOG_SELECTOR);
		await expectUnreachableExplained(refused, 'https://vod.cn-north-4.myhuaweicloud.com');
	});
});

describe('Huawei Cloud VOD Callback Key API', () => {
	it('asks for the Authentication Key (required) and says where VOD shows it; it has no Test (nothing to send)', async () => {
		const { page } = session;
		await openForm(NODES.huaweiTrigger);
		const form = await credentialForm(page);
		await saveScreenshot(page, 'credential-huawei-callback-key.png', CREDENTIAL_DIALOG_SELECTOR);
		expect(form.labels).toEqual(
			expect.arrayContaining(['Authentication Key *', 'Previous Authentication Key']),
		);
		const help = await credentialFieldHelp(page, 'authKey');
		expect(help.description).toMatch(/Notification Settings/);
	});
});
