import { request } from 'undici';
import { describe, expect, it } from 'vitest';

import { HUAWEI_REGION, huaweiIamUser, huaweiProjectId } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import { sdkSend, send } from '../../clients/huaweiSdk';
import type { Emulator } from '../../server';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => {
		emulator.setClockSkew(0);
	},
});

const DAY_MS = 24 * 60 * 60 * 1000;

// huawei.md 2: password method, IAM user + password + account (domain) name, scope by project.
function passwordAuth(scope: Record<string, unknown>, password = huaweiIamUser.password) {
	return {
		auth: {
			identity: {
				methods: ['password'],
				password: {
					user: {
						name: huaweiIamUser.userName,
						password,
						domain: { name: huaweiIamUser.domainName },
					},
				},
			},
			scope,
		},
	};
}

interface TokenResponse {
	token: { expires_at: string; methods: string[]; project?: { id: string; name: string } };
}

async function createToken(body: unknown) {
	const response = await request(`${emulator.url}/v3/auth/tokens`, {
		method: 'POST',
		headers: { 'content-type': 'application/json;charset=utf8' },
		body: JSON.stringify(body),
	});
	return {
		status: response.statusCode,
		subjectToken: response.headers['x-subject-token'],
		requestId: response.headers['x-request-id'],
		json: (await response.body.json()) as TokenResponse & { error?: { code: number } },
	};
}

async function withToken(path: string, token: string) {
	return await send<Record<string, unknown>>({
		method: 'GET',
		url: `${emulator.url}${path}`,
		headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
	});
}

async function projectToken(): Promise<string> {
	const created = await createToken(passwordAuth({ project: { name: HUAWEI_REGION } }));
	expect(typeof created.subjectToken).toBe('string');
	return String(created.subjectToken);
}

describe('IAM tokens (POST /v3/auth/tokens)', () => {
	it('issues a 24-hour project-scoped token in X-Subject-Token (scope by project name)', async () => {
		const before = Date.now();
		const created = await createToken(passwordAuth({ project: { name: HUAWEI_REGION } }));
		expect(created.status).toBe(201);
		expect(created.subjectToken).toMatch(/\S{20,}/);
		expect(created.requestId).toMatch(/\S/);
		expect(created.json.token.methods).toEqual(['password']);
		expect(created.json.token.project).toMatchObject({ id: huaweiProjectId, name: HUAWEI_REGION });
		const expiresAt = Date.parse(created.json.token.expires_at);
		expect(expiresAt).toBeGreaterThanOrEqual(before + DAY_MS - 1000);
		expect(expiresAt).toBeLessThanOrEqual(Date.now() + DAY_MS + 1000);
	});

	it('accepts a scope by project id', async () => {
		const created = await createToken(passwordAuth({ project: { id: huaweiProjectId } }));
		expect(created.status).toBe(201);
		expect(created.json.token.project?.id).toBe(huaweiProjectId);
	});

	it('answers a wrong password with a Keystone-style 401', async () => {
		const created = await createToken(passwordAuth({ project: { name: HUAWEI_REGION } }, 'wrong'));
		expect(created.status).toBe(401);
		expect(created.subjectToken).toBeUndefined();
		expect(created.json.error?.code).toBe(401);
	});

	it('lets the token call VOD until it expires 24 hours later', async () => {
		const token = await projectToken();
		expect((await withToken(`/v1/${huaweiProjectId}/asset/thumbnails`, token)).status).toBe(200);
		emulator.setClockSkew(DAY_MS - 60_000);
		expect((await withToken(`/v1/${huaweiProjectId}/asset/thumbnails`, token)).status).toBe(200);
		emulator.setClockSkew(DAY_MS + 1000);
		const expired = await withToken(`/v1/${huaweiProjectId}/asset/thumbnails`, token);
		expect(expired.status).toBe(401);
		expect(expired.json.error_code).toBe('APIGW.0301');
	});

	it('refuses a token it never issued', async () => {
		const response = await withToken(`/v1/${huaweiProjectId}/asset/thumbnails`, 'MIIforgedtoken');
		expect(response.status).toBe(401);
		expect(response.json).toMatchObject({
			error_code: 'APIGW.0301',
			request_id: response.headers['x-request-id'],
		});
	});

	it('refuses a domain-scoped token on a project-level VOD API', async () => {
		const created = await createToken(passwordAuth({ domain: { name: huaweiIamUser.domainName } }));
		expect(created.status).toBe(201);
		const response = await withToken(
			`/v1/${huaweiProjectId}/asset/thumbnails`,
			String(created.subjectToken),
		);
		expect(response.status).toBe(403);
	});
});

describe('project lookup (GET /v3/projects?name=<region>)', () => {
	it('finds the project with an AK/SK signature from the official SDK', async () => {
		const response = await sdkSend<{ projects: Array<Record<string, unknown>> }>(emulator.url, {
			method: 'GET',
			path: '/v3/projects',
			query: { name: HUAWEI_REGION },
		});
		expect(response.status).toBe(200);
		expect(response.json.projects).toHaveLength(1);
		expect(response.json.projects[0]).toMatchObject({
			id: huaweiProjectId,
			name: HUAWEI_REGION,
			enabled: true,
		});
		expect(typeof response.json.projects[0].domain_id).toBe('string');
	});

	it('finds the project with an IAM token', async () => {
		const response = await withToken(`/v3/projects?name=${HUAWEI_REGION}`, await projectToken());
		expect(response.status).toBe(200);
		expect(response.json.projects).toEqual([expect.objectContaining({ id: huaweiProjectId })]);
	});

	it('returns no project for another region', async () => {
		const response = await withToken('/v3/projects?name=ap-southeast-3', await projectToken());
		expect(response.json.projects).toEqual([]);
	});

	it('requires authentication', async () => {
		const response = await send<Record<string, string>>({
			method: 'GET',
			url: `${emulator.url}/v3/projects?name=${HUAWEI_REGION}`,
			headers: {},
		});
		expect(response.status).toBe(401);
		expect(response.json.error_code).toBe('APIGW.0301');
	});
});
