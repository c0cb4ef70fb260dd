/**
 * n8n's retry after a failure, replayed as n8n-core 2.41.1 runs it on one decrypted credentials
 * object: `preAuthentication` again, then `authenticate` on the options the first `authenticate`
 * returned, then the send. The credential refuses whatever would send the same refused key, token
 * or password again (e2e: test/e2e/rejectedKeys.test.ts).
 */
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { HuaweiCloudApi } from '../../../../credentials/HuaweiCloudApi.credentials';
import {
	HUAWEI_REGION,
	huaweiAccessKey,
	huaweiIamUser,
	huaweiProjectId,
} from '../../../emulator/accounts';

const ORIGIN = 'https://vod.example.test';
const api = new HuaweiCloudApi();
const NOT_SENT_AGAIN =
	/n8n was kept from sending the request again with the same AK\/SK or IAM token/;

function credentials(login: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	return {
		...login,
		region: HUAWEI_REGION,
		projectId: '',
		iamEndpoint: ORIGIN,
		vodEndpoint: ORIGIN,
		resolvedFor: '',
		resolvedProjectId: '',
		iamToken: '',
		tokenExpiresAt: '',
	};
}

const akSk = () => credentials({ authType: 'aksk', ...huaweiAccessKey });
const password = () => credentials({ authType: 'password', ...huaweiIamUser });

/** An IAM that answers every request with `status`, counting them. */
function iam(answer: (sent: number) => { statusCode: number; headers?: object; body: object }) {
	const sent: IHttpRequestOptions[] = [];
	const helper: IHttpRequestHelper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				sent.push(options);
				return { headers: {}, ...answer(sent.length) };
			},
		},
	};
	return { sent, helper };
}

const refused = () => ({
	statusCode: 401,
	body: { error: { code: 401, message: 'The username or password is wrong.' } },
});

function token(value: string) {
	const now = Date.now();
	return {
		statusCode: 201,
		headers: { 'x-subject-token': value },
		body: {
			token: {
				issued_at: new Date(now).toISOString(),
				expires_at: new Date(now + 24 * 3_600_000).toISOString(),
				project: { id: huaweiProjectId },
			},
		},
	};
}

const thumbnails = (): IHttpRequestOptions => ({
	url: `${ORIGIN}/v1/{project_id}/asset/thumbnails`,
	method: 'GET',
	qs: { limit: 1 },
});

function header(options: IHttpRequestOptions, name: string): unknown {
	const headers = options.headers ?? {};
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** n8n's `Object.assign(credentialsDecrypted, data)` after preAuthentication. */
async function preAuthenticate(
	helper: IHttpRequestHelper,
	decrypted: ICredentialDataDecryptedObject,
): Promise<void> {
	Object.assign(decrypted, await api.preAuthentication.call(helper, decrypted));
}

describe('n8n sending a refused request again', () => {
	it('AK/SK: the options signed once are not signed again, so the 401 is not re-sent', async () => {
		const { helper } = iam(() => ({ statusCode: 200, body: { projects: [] } }));
		const decrypted = { ...akSk(), projectId: huaweiProjectId };
		await preAuthenticate(helper, decrypted);
		const signed = await api.authenticate(decrypted, thumbnails());
		// The send got a 401; n8n calls preAuthentication, then authenticate on `signed`.
		await preAuthenticate(helper, decrypted);

		await expect(api.authenticate(decrypted, signed)).rejects.toThrow(NOT_SENT_AGAIN);
	});

	it("AK/SK: a fresh copy of the request (the nodes' own retries) is signed as usual", async () => {
		const decrypted = { ...akSk(), projectId: huaweiProjectId };
		const first = await api.authenticate(decrypted, thumbnails());
		const second = await api.authenticate(decrypted, thumbnails());
		expect(second.url).toBe(first.url);
		expect(header(second, 'authorization')).toMatch(/^SDK-HMAC-SHA256 Access=/);
	});

	it('password: the same token is not sent again, a new token is', async () => {
		const { sent, helper } = iam((count) => token(`token-${count}`));
		const decrypted = password();
		await preAuthenticate(helper, decrypted);
		const signed = await api.authenticate(decrypted, thumbnails());
		expect(header(signed, 'x-auth-token')).toBe('token-1');

		// VOD refused token-1 while it is valid by its expiry: preAuthentication keeps it.
		await preAuthenticate(helper, decrypted);
		await expect(api.authenticate(decrypted, signed)).rejects.toThrow(NOT_SENT_AGAIN);

		// An expired token is renewed, and the request goes out again with the new one.
		decrypted.tokenExpiresAt = new Date(Date.now() - 1_000).toISOString();
		await preAuthenticate(helper, decrypted);
		const renewed = await api.authenticate(decrypted, signed);
		expect(header(renewed, 'x-auth-token')).toBe('token-2');
		expect(sent).toHaveLength(2);
	});

	it('password: a refused sign-in is not tried again on the same credentials', async () => {
		const { sent, helper } = iam(refused);
		const decrypted = password();
		const first = api.preAuthentication.call(helper, decrypted);
		await expect(first).rejects.toThrow(/HTTP 401/);
		// The HTTP Request node calls preAuthentication again after the failure it threw.
		const again = api.preAuthentication.call(helper, decrypted);
		await expect(again).rejects.toThrow(/HTTP 401/);
		expect(sent).toHaveLength(1);

		// The next request (n8n decrypts the credential again) signs in again.
		await expect(api.preAuthentication.call(helper, password())).rejects.toThrow(/HTTP 401/);
		expect(sent).toHaveLength(2);
	});

	it('AK/SK: a refused project lookup is not signed and sent again on the same credentials', async () => {
		const { sent, helper } = iam(() => ({
			statusCode: 401,
			body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
		}));
		const decrypted = akSk();
		await expect(api.preAuthentication.call(helper, decrypted)).rejects.toThrow(/APIGW\.0301/);
		await expect(api.preAuthentication.call(helper, decrypted)).rejects.toThrow(/APIGW\.0301/);
		expect(sent).toHaveLength(1);
	});
});
