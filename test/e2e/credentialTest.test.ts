/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * Each credential's "Test" run by n8n itself (n8n start → POST /rest/credentials/test →
 * CredentialsService.testWithCredentials → CredentialsTester), against the emulator: success for good
 * keys, a clear failure for a wrong secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aliyunStsKey, huaweiIamUser, huaweiTemporaryKey } from '../emulator/accounts';
import { startEmulator, type Emulator } from '../emulator/server';
import { lastRequestSeq } from './fixtures/batchRun';
import {
	aliyunCredential,
	authScheme,
	describeRequests,
	huaweiAkSkCredential,
	huaweiPasswordCredential,
} from './fixtures/clouds';
import { N8nInstance, type CredentialJson, type RunningN8n } from './harness';

interface CredentialCase {
	label: string;
	credential: (emulatorUrl: string) => CredentialJson;
}

const goodCredentials: CredentialCase[] = [
	{
		label: 'aliyunApi V1, AccessKey',
		credential: (url) => aliyunCredential('CredTestAliV1Key1', url, 'v1'),
	},
	{
		label: 'aliyunApi V3, AccessKey',
		credential: (url) => aliyunCredential('CredTestAliV3Key1', url, 'v3'),
	},
	{
		label: 'aliyunApi V1, STS token',
		credential: (url) => aliyunCredential('CredTestAliV1Sts1', url, 'v1', aliyunStsKey),
	},
	{
		label: 'aliyunApi V3, STS token',
		credential: (url) => aliyunCredential('CredTestAliV3Sts1', url, 'v3', aliyunStsKey),
	},
	{
		label: 'huaweiCloudApi AK/SK',
		credential: (url) => huaweiAkSkCredential('CredTestHwAkSk1', url),
	},
	{
		label: 'huaweiCloudApi temporary AK/SK',
		credential: (url) => huaweiAkSkCredential('CredTestHwTemp1', url, huaweiTemporaryKey),
	},
	{
		label: 'huaweiCloudApi IAM password',
		credential: (url) => huaweiPasswordCredential('CredTestHwPwd1', url),
	},
];

interface FailureCase {
	label: string;
	/** Index into goodCredentials of the stored credential whose data is replaced for the test. */
	base: number;
	data: Record<string, string>;
	expected: RegExp;
}

const failures: FailureCase[] = [
	{
		label: 'aliyunApi V1 with a wrong AccessKey secret',
		base: 0,
		data: { accessKeySecret: 'not-the-secret' },
		expected: /SignatureDoesNotMatch|secret|signature/i,
	},
	{
		label: 'aliyunApi V3 with a wrong AccessKey secret',
		base: 1,
		data: { accessKeySecret: 'not-the-secret' },
		expected: /SignatureDoesNotMatch|secret|signature/i,
	},
	{
		label: 'aliyunApi with an unknown AccessKey ID',
		base: 1,
		data: { accessKeyId: 'LTAI5tUnknownKey0000' },
		expected: /InvalidAccessKeyId|AccessKey ID/i,
	},
	{
		label: 'huaweiCloudApi AK/SK with a wrong secret key',
		base: 4,
		data: { secretAccessKey: 'not-the-secret-key' },
		expected: /APIGW\.0301|signature|secret|access key|AK\/SK/i,
	},
	{
		label: 'huaweiCloudApi IAM with a wrong password',
		base: 6,
		data: { password: 'Wrong-Passw0rd!' },
		expected: /password/i,
	},
	{
		label: 'huaweiCloudApi IAM with an unknown user',
		base: 6,
		data: { userName: `${huaweiIamUser.userName}-other` },
		expected: /user|password/i,
	},
];

/** Input the credential refuses before signing: nothing may reach the emulator, and the message names the field. */
const badInputs: FailureCase[] = [
	{
		label: 'aliyunApi with an empty AccessKey ID',
		base: 1,
		data: { accessKeyId: '' },
		expected: /"AccessKey ID"/,
	},
	{
		label: 'aliyunApi with an unknown region',
		base: 1,
		data: { regionId: 'xx-nowhere-9' },
		expected: /"Region"/,
	},
	{
		label: 'aliyunApi with a malformed VOD endpoint',
		base: 1,
		data: { vodEndpoint: 'ftp://127.0.0.1/vod' },
		expected: /"VOD Endpoint"/,
	},
	{
		label: 'huaweiCloudApi with an empty Access Key ID',
		base: 4,
		data: { accessKeyId: '' },
		expected: /"Access Key ID"/,
	},
	{
		label: 'huaweiCloudApi with a malformed VOD endpoint',
		base: 4,
		data: { vodEndpoint: 'ftp://127.0.0.1/vod' },
		expected: /"VOD Endpoint"/,
	},
];

/** What n8n shows when a test request gets a 4xx and the credential has no `responseCode` rule for it. */
const BARE_STATUS_TEXT =
	/^(Bad Request|Unauthorized|Forbidden|Not Found|Received HTTP status code: \d+)$/;

describe("credentials' Test, run by n8n itself", () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let server: RunningN8n;
	let stored: CredentialJson[];

	beforeAll(async () => {
		emulator = await startEmulator();
		stored = goodCredentials.map((testCase) => testCase.credential(emulator.url));
		n8n = await N8nInstance.create({ label: 'credential-test' });
		await n8n.importCredentials(stored);
		server = await n8n.start();
		await server.ensureOwnerSession();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	it.each(goodCredentials.map((testCase, index) => ({ ...testCase, index })))(
		'$label: the test succeeds',
		async ({ index }) => {
			const before = lastRequestSeq(emulator);
			const result = await server.testCredential(stored[index]);
			const received = emulator.requests(before);
			expect(result, describeRequests(received)).toEqual({
				status: 'OK',
				message: expect.any(String),
			});
			// The test really went to the emulator, authenticated.
			const authenticated = received.filter((request) => authScheme(request) !== 'none');
			expect(authenticated.length, describeRequests(received)).toBeGreaterThanOrEqual(1);
			expect(authenticated.every((request) => request.outcome.status < 300)).toBe(true);
		},
	);

	const failureResults = new Map<string, { status: string; message: string }>();

	it.each(failures)('$label: the test fails', async ({ label, base, data }) => {
		const before = lastRequestSeq(emulator);
		const credential = stored[base];
		const result = await server.testCredential(credential, { ...credential.data, ...data });
		failureResults.set(label, result);
		const received = emulator.requests(before);
		expect(result.status, `${result.message}\n${describeRequests(received)}`).toBe('Error');
		expect(received.length, 'the test reached the emulator').toBeGreaterThanOrEqual(1);
	});

	/**
	 * n8n's CredentialsTester applies `responseSuccessBody` rules to 2xx answers only; for a 4xx it uses a
	 * `responseCode` rule of the credential's `test`, or else shows the bare status text ("Bad Request").
	 */
	it.each(failures)('$label: the failure message says what is wrong', ({ label, expected }) => {
		const result = failureResults.get(label);
		expect(result, 'the previous test ran').toBeDefined();
		const message = result?.message ?? '';
		expect(message).not.toMatch(BARE_STATUS_TEXT);
		expect(message).toMatch(expected);
	});

	it.each(badInputs)(
		'$label: the test fails naming the field, and sends nothing',
		async ({ base, data, expected }) => {
			const before = lastRequestSeq(emulator);
			const credential = stored[base];
			const result = await server.testCredential(credential, { ...credential.data, ...data });
			expect(result.status, result.message).toBe('Error');
			expect(result.message).toMatch(expected);
			expect(emulator.requests(before)).toEqual([]);
		},
	);

	it.each([
		{ base: 1, code: 'SignatureDoesNotMatch', expected: /AccessKey Secret does not match/ },
		{ base: 4, code: 'APIGW.0301', expected: /Huawei Cloud answered an error/ },
	])('a 200 whose body carries $code fails the test', async ({ base, code, expected }) => {
		emulator.injectFault({ kind: 'errorBody200', code, count: 1 });
		const result = await server.testCredential(stored[base]);
		expect(result.status, result.message).toBe('Error');
		expect(result.message).toMatch(expected);
	});

	it('the stored credential is unchanged by a failed test with replaced data', async () => {
		const result = await server.testCredential(stored[0]);
		expect(result.status).toBe('OK');
	});
});
