/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { HuaweiCloudApi } from '../../credentials/HuaweiCloudApi.credentials';
import { authenticateHuaweiRequest } from '../../credentials/common/huawei/requestSigner';
import { TOKEN_RENEWAL_MARGIN_MS } from '../../credentials/common/huawei/session';
import { resolveHuaweiSession } from '../../credentials/common/huawei/sessionResolver';
import { huaweiEndpoint } from '../../credentials/common/huawei/settings';
import type { IncomingRequestOptions } from '../../credentials/common/preparedRequest';
import {
	HUAWEI_REGION,
	huaweiAccessKey,
	huaweiIamUser,
	huaweiProjectId,
	huaweiTemporaryKey,
} from '../emulator/accounts';
import { loadHuaweiSdkVectors, type HuaweiSdkVector } from '../support/vectors';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DAY_MS = 24 * 60 * 60 * 1000;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const vectors = loadHuaweiSdkVectors();

/** `20191115T033655Z` → Date. */
function sdkDateToDate(sdkDate: string): Date {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(sdkDate);
	if (!match) throw new Error(`bad sdkDate ${sdkDate}`);
	return new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
}

const PROJECT_HEADER = 'x-project-id';

function headerValueIgnoringCase(
	headers: Record<string, string>,
	name: string,
): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

function withoutHeader(headers: Record<string, string>, name: string): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}

function vectorCredentials(vector: HuaweiSdkVector): ICredentialDataDecryptedObject {
	return {
		authType: 'aksk',
		accessKeyId: vector.ak,
		secretAccessKey: vector.sk,
		securityToken: vector.securityToken ?? '',
		region: 'cn-north-4',
		projectId: headerValueIgnoringCase(vector.headers, PROJECT_HEADER) ?? '',
	};
}

/** What a node passes: a parsed object for a JSON body (n8n serialises it), the exact string otherwise. */
function nodeBody(vector: HuaweiSdkVector): IDataObject | string | undefined {
	if (vector.body === '') return undefined;
	const parsed = JSON.parse(vector.body) as IDataObject;
	return Object.keys(parsed).length === 0 ? vector.body : parsed;
}

type Shape = 'url' | 'baseURL+url' | 'legacy uri';

/** The HTTP Request node's legacy options carry `uri` and no `url`. */
function legacyRequest(options: IncomingRequestOptions & { uri: string }): IncomingRequestOptions {
	return options;
}

function requestInShape(vector: HuaweiSdkVector, shape: Shape): IncomingRequestOptions {
	const headers = withoutHeader(vector.headers, PROJECT_HEADER);
	const method = vector.method as IHttpRequestOptions['method'];
	const body = nodeBody(vector);
	const target = new URL(vector.url);
	switch (shape) {
		case 'url':
			return { url: vector.url, method, qs: vector.query, body, headers };
		case 'baseURL+url':
			return {
				baseURL: target.origin,
				url: target.pathname,
				method,
				qs: vector.query,
				body,
				headers,
			};
		case 'legacy uri':
			return legacyRequest({
				uri: vector.wireQueryString === '' ? vector.url : `${vector.url}?${vector.wireQueryString}`,
				method,
				qs: {},
				body,
				headers,
				json: true,
			});
	}
}

function lowerCaseHeaderMap(headers: IDataObject | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {}))
		result[name.toLowerCase()] = String(value);
	return result;
}

const SHAPES: Shape[] = ['url', 'baseURL+url', 'legacy uri'];
const vectorCases = vectors.flatMap((vector) =>
	SHAPES.map((shape) => [vector.id, shape, vector] as const),
);

describe('authenticateHuaweiRequest with the shared SDK-HMAC-SHA256 vectors', () => {
	it.each(vectorCases)('%s (%s)', (_id, shape, vector) => {
		const result = authenticateHuaweiRequest(
			vectorCredentials(vector),
			requestInShape(vector, shape),
			sdkDateToDate(vector.sdkDate),
		);
		const sent = lowerCaseHeaderMap(result.headers);
		const expected = lowerCaseHeaderMap(vector.expected.sentHeaders);
		expect(sent).toStrictEqual(expected);
		expect(sent.authorization).toBe(vector.expected.authorization);
		expect(result.qs).toBeUndefined();
		const canonicalQuery = vector.expected.canonicalRequest.split('\n')[2];
		expect(result.url).toBe(canonicalQuery === '' ? vector.url : `${vector.url}?${canonicalQuery}`);
		expect(result.body).toBe(vector.body === '' ? undefined : vector.body);
		expect(result.method).toBe(vector.method);
	});
});

const listVector = vectors.find((vector) => vector.id === 'list-thumbnails-get-query');
const tempVector = vectors.find((vector) => vector.id === 'temp-credentials-get');

describe('authenticate()', () => {
	const api = new HuaweiCloudApi();

	it('has the vectors it relies on', () => {
		expect(listVector).toBeDefined();
		expect(tempVector).toBeDefined();
	});

	it.each(SHAPES)('replaces {project_id} before signing (%s)', (shape) => {
		const vector = listVector as HuaweiSdkVector;
		const templated = { ...vector, url: vector.url.replace(huaweiProjectId, '{project_id}') };
		expect(templated.url).toContain('/v1/{project_id}/asset/thumbnails');
		const result = authenticateHuaweiRequest(
			vectorCredentials(vector),
			requestInShape(templated, shape),
			sdkDateToDate(vector.sdkDate),
		);
		expect(lowerCaseHeaderMap(result.headers).authorization).toBe(vector.expected.authorization);
		expect(result.url).toBe(
			`${vector.url}?asset_id=f5f0e8a1c7a24e21b0ee84a3dd6a9a51&limit=10&offset=0`,
		);
	});

	it('signs temporary credentials with X-Security-Token, exactly as the vector', () => {
		const vector = tempVector as HuaweiSdkVector;
		const result = authenticateHuaweiRequest(
			vectorCredentials(vector),
			requestInShape(vector, 'url'),
			sdkDateToDate(vector.sdkDate),
		);
		const sent = lowerCaseHeaderMap(result.headers);
		expect(sent['x-security-token']).toBe(vector.securityToken);
		expect(sent.authorization).toContain('x-security-token');
		expect(sent.authorization).toBe(vector.expected.authorization);
	});

	it('leaves qs undefined and keeps the caller options it does not own', async () => {
		const result = await api.authenticate(
			{ ...huaweiAccessKey, authType: 'aksk', region: HUAWEI_REGION, projectId: huaweiProjectId },
			{
				url: 'https://vod.cn-north-4.myhuaweicloud.com/v1/{project_id}/asset/thumbnails',
				qs: { limit: 1 },
				method: 'GET',
				json: true,
				timeout: 1234,
				returnFullResponse: true,
			},
		);
		expect(result.qs).toBeUndefined();
		expect(result.url).toBe(
			`https://vod.cn-north-4.myhuaweicloud.com/v1/${huaweiProjectId}/asset/thumbnails?limit=1`,
		);
		expect(result).toMatchObject({
			json: true,
			timeout: 1234,
			returnFullResponse: true,
			method: 'GET',
		});
		const sent = lowerCaseHeaderMap(result.headers);
		expect(sent['x-project-id']).toBe(huaweiProjectId);
		expect(sent['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
		expect(sent.authorization).toMatch(
			/^SDK-HMAC-SHA256 Access=HWEMULATORAK00000001, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
		);
	});

	it('sends a JSON body as the exact string it signed, labelled application/json', () => {
		const result = authenticateHuaweiRequest(
			{ ...huaweiAccessKey, authType: 'aksk', region: HUAWEI_REGION, projectId: huaweiProjectId },
			{
				url: 'https://vod.cn-north-4.myhuaweicloud.com/v1.0/{project_id}/asset/process',
				method: 'POST',
				body: { asset_id: 'a1', thumbnail: { type: 'time', time: 5 } },
				headers: { 'Content-Length': '999' },
			},
			new Date('2024-03-15T10:15:00Z'),
		);
		const body = '{"asset_id":"a1","thumbnail":{"type":"time","time":5}}';
		expect(result.body).toBe(body);
		const sent = lowerCaseHeaderMap(result.headers);
		expect(sent['content-type']).toBe('application/json');
		expect(sent['content-length']).toBeUndefined();
		expect(sent.authorization).toContain(
			'SignedHeaders=content-type;host;x-project-id;x-sdk-date,',
		);
		// Hand-built canonical request for this call, hashed and signed with node:crypto directly.
		const canonical = [
			'POST',
			`/v1.0/${huaweiProjectId}/asset/process/`,
			'',
			'content-type:application/json',
			'host:vod.cn-north-4.myhuaweicloud.com',
			`x-project-id:${huaweiProjectId}`,
			'x-sdk-date:20240315T101500Z',
			'',
			'content-type;host;x-project-id;x-sdk-date',
			createHash('sha256').update(body).digest('hex'),
		].join('\n');
		const stringToSign = `SDK-HMAC-SHA256\n20240315T101500Z\n${createHash('sha256').update(canonical).digest('hex')}`;
		const signature = createHmac('sha256', huaweiAccessKey.secretAccessKey)
			.update(stringToSign)
			.digest('hex');
		expect(sent.authorization.endsWith(`Signature=${signature}`)).toBe(true);
	});

	it('signs a form body as the encoded string it sends', () => {
		const result = authenticateHuaweiRequest(
			{ ...huaweiAccessKey, authType: 'aksk', region: HUAWEI_REGION },
			legacyRequest({ uri: 'https://example.com/x', method: 'POST', form: { b: 'x y', a: '1' } }),
			new Date('2024-03-15T10:15:00Z'),
		);
		expect(result.body).toBe('b=x%20y&a=1');
		expect(lowerCaseHeaderMap(result.headers)['content-type']).toBe(
			'application/x-www-form-urlencoded',
		);
	});

	it('refuses {project_id} when no project id is configured or resolved', async () => {
		await expect(
			api.authenticate(
				{ ...huaweiAccessKey, authType: 'aksk', region: HUAWEI_REGION },
				{ url: 'https://vod.cn-north-4.myhuaweicloud.com/v1/{project_id}/asset/thumbnails' },
			),
		).rejects.toThrow(/"Project ID" is empty/);
	});

	it('refuses to send a password-mode request without a token for these settings', async () => {
		await expect(
			api.authenticate(
				{
					...huaweiIamUser,
					authType: 'password',
					region: HUAWEI_REGION,
					iamToken: 'old',
					resolvedFor: 'other',
				},
				{ url: 'https://vod.cn-north-4.myhuaweicloud.com/v1/p/asset/thumbnails' },
			),
		).rejects.toThrow(/no IAM token/);
	});
});

describe('huaweiEndpoint', () => {
	it.each([
		['vod', {}, 'https://vod.ap-southeast-3.myhuaweicloud.com'],
		['iam', {}, 'https://iam.ap-southeast-3.myhuaweicloud.com'],
		['vod', { vodEndpoint: ' http://127.0.0.1:8080/ ' }, 'http://127.0.0.1:8080'],
		['iam', { iamEndpoint: 'https://iam.example.com/prefix/' }, 'https://iam.example.com/prefix'],
		[
			'iam',
			{ vodEndpoint: 'http://127.0.0.1:8080' },
			'https://iam.ap-southeast-3.myhuaweicloud.com',
		],
	] as const)('%s with %j is %s', (service, overrides, expected) => {
		expect(huaweiEndpoint({ region: 'ap-southeast-3', ...overrides }, service)).toBe(expected);
	});
});

describe('bad credential input', () => {
	const api = new HuaweiCloudApi();
	const request: IHttpRequestOptions = {
		url: 'https://vod.cn-north-4.myhuaweicloud.com/v1/p/asset/thumbnails',
	};
	const valid = { ...huaweiAccessKey, authType: 'aksk', region: HUAWEI_REGION };

	it.each([
		['an empty access key id', { ...valid, accessKeyId: '  ' }, /"Access Key ID" is empty/],
		['an empty secret', { ...valid, secretAccessKey: '' }, /"Secret Access Key" is empty/],
		[
			'an unknown region',
			{ ...valid, region: 'xx-nowhere-9' },
			/"Region" "xx-nowhere-9" is not a known/,
		],
		[
			'a region that is not an id',
			{ ...valid, region: 'cn north 4' },
			/"Region" "cn north 4" is not a region id/,
		],
		[
			'a malformed VOD endpoint',
			{ ...valid, vodEndpoint: 'vod.example.com' },
			/"VOD Endpoint" must be an absolute URL/,
		],
		[
			'a non-http IAM endpoint',
			{ ...valid, iamEndpoint: 'ftp://iam.example.com' },
			/"IAM Endpoint" must start with https:\/\//,
		],
		[
			'an endpoint with a query',
			{ ...valid, vodEndpoint: 'https://vod.example.com/?a=1' },
			/"VOD Endpoint" must not contain/,
		],
		['a project id with a slash', { ...valid, projectId: '../x' }, /"Project ID" may contain only/],
		[
			'an empty password',
			{ ...huaweiIamUser, authType: 'password', region: HUAWEI_REGION, password: '' },
			/"IAM User Password" is empty/,
		],
		[
			'an empty user name',
			{ ...huaweiIamUser, authType: 'password', region: HUAWEI_REGION, userName: '' },
			/"IAM User Name" is empty/,
		],
	] as const)(
		'rejects %s, naming the field and never the secret',
		async (_name, credentials, message) => {
			const rejection = api.authenticate({ ...credentials }, request);
			await expect(rejection).rejects.toThrow(message);
			const error = await rejection.catch((caught: unknown) => caught);
			const text = error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error);
			expect(text).not.toContain(huaweiAccessKey.secretAccessKey);
			expect(text).not.toContain(huaweiIamUser.password);
		},
	);

	it('accepts an unknown region when both endpoints are overridden (partner clouds)', async () => {
		const result = await api.authenticate(
			{
				...valid,
				region: 'eu-partner-1',
				vodEndpoint: 'https://vod.partner.example/',
				iamEndpoint: 'https://iam.partner.example',
			},
			{ url: 'https://vod.partner.example/v1/p/asset/thumbnails' },
		);
		expect(result.url).toBe('https://vod.partner.example/v1/p/asset/thumbnails');
	});
});

interface ReceivedRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
}

type Reply = { status: number; headers?: Record<string, string>; body: unknown };

class IamServer {
	readonly received: ReceivedRequest[] = [];

	reply: (request: ReceivedRequest) => Reply = () => ({ status: 404, body: {} });

	private server: Server | undefined;

	origin = '';

	async start(): Promise<void> {
		this.server = createServer((req, res) => this.handle(req, res));
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		const address = this.server.address() as AddressInfo;
		this.origin = `http://127.0.0.1:${address.port}`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(req.headers)) {
				headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
			}
			const received = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			this.received.push(received);
			const reply = this.reply(received);
			res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
			res.end(JSON.stringify(reply.body));
		});
	}
}

function stringHeaders(headers: IDataObject | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) result[name] = String(value);
	return result;
}

/** A typed stand-in for n8n's `httpRequest`, covering the options the credential uses, sent with undici. */
async function undiciHttpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const body =
		options.body === undefined || typeof options.body === 'string'
			? options.body
			: JSON.stringify(options.body);
	const response = await undiciRequest(options.url, {
		method: options.method ?? 'GET',
		headers: { 'user-agent': 'n8n', ...stringHeaders(options.headers) },
		body,
	});
	const text = await response.body.text();
	const parsed: unknown = options.json && text !== '' ? JSON.parse(text) : text;
	if (response.statusCode >= 400 && options.ignoreHttpStatusErrors !== true) {
		throw new Error(`Request failed with status code ${response.statusCode}`);
	}
	if (!options.returnFullResponse) return parsed;
	return { statusCode: response.statusCode, headers: response.headers, body: parsed };
}

const helper: IHttpRequestHelper = { helpers: { httpRequest: undiciHttpRequest } };

/** Independent check of the received signature: the canonical request for a bodiless GET, built by hand. */
function expectedAuthorizationForProjectsGet(received: ReceivedRequest, region: string): string {
	const sdkDate = received.headers['x-sdk-date'];
	const canonical = [
		'GET',
		'/v3/projects/',
		`name=${region}`,
		`host:${received.headers.host}`,
		`x-sdk-date:${sdkDate}`,
		'',
		'host;x-sdk-date',
		EMPTY_SHA256,
	].join('\n');
	const stringToSign = `SDK-HMAC-SHA256\n${sdkDate}\n${createHash('sha256').update(canonical).digest('hex')}`;
	const signature = createHmac('sha256', huaweiAccessKey.secretAccessKey)
		.update(stringToSign)
		.digest('hex');
	return `SDK-HMAC-SHA256 Access=${huaweiAccessKey.accessKeyId}, SignedHeaders=host;x-sdk-date, Signature=${signature}`;
}

describe('preAuthentication against a local IAM', () => {
	const iam = new IamServer();
	const api = new HuaweiCloudApi();

	beforeAll(async () => await iam.start());
	afterAll(async () => await iam.stop());
	beforeEach(() => {
		iam.received.length = 0;
	});

	/** Credentials whose IAM and VOD endpoints are the fake IAM server, nothing resolved yet. */
	function againstIam(login: IDataObject, overrides: IDataObject): ICredentialDataDecryptedObject {
		return {
			...login,
			region: HUAWEI_REGION,
			projectId: '',
			iamEndpoint: iam.origin,
			vodEndpoint: iam.origin,
			resolvedFor: '',
			resolvedProjectId: '',
			iamToken: '',
			tokenExpiresAt: '',
			...overrides,
		};
	}

	function akSkCredentials(overrides: IDataObject = {}): ICredentialDataDecryptedObject {
		return againstIam({ authType: 'aksk', ...huaweiAccessKey }, overrides);
	}

	function passwordCredentials(overrides: IDataObject = {}): ICredentialDataDecryptedObject {
		return againstIam({ authType: 'password', ...huaweiIamUser }, overrides);
	}

	const oneProject = (): Reply => ({
		status: 200,
		body: {
			projects: [{ id: huaweiProjectId, name: HUAWEI_REGION, enabled: true }],
			links: {},
		},
	});

	it('resolves the project id with a correctly signed GET /v3/projects?name=<region>', async () => {
		iam.reply = oneProject;
		const session = await api.preAuthentication.call(helper, akSkCredentials());
		expect(session.resolvedProjectId).toBe(huaweiProjectId);
		expect(session.iamToken).toBe('');
		expect(session.resolvedFor).not.toBe('');
		expect(iam.received).toHaveLength(1);
		const [received] = iam.received;
		expect(received.method).toBe('GET');
		expect(received.url).toBe(`/v3/projects?name=${HUAWEI_REGION}`);
		expect(received.headers.host).toBe(new URL(iam.origin).host);
		expect(received.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
		expect(received.headers.authorization).toBe(
			expectedAuthorizationForProjectsGet(received, HUAWEI_REGION),
		);
	});

	it('signs the lookup with the security token of temporary keys', async () => {
		iam.reply = oneProject;
		await resolveHuaweiSession(
			undiciHttpRequest,
			akSkCredentials({ ...huaweiTemporaryKey }),
			new Date('2024-06-01T00:00:00Z'),
		);
		const [received] = iam.received;
		expect(received.headers['x-security-token']).toBe(huaweiTemporaryKey.securityToken);
		expect(received.headers['x-sdk-date']).toBe('20240601T000000Z');
		expect(received.headers.authorization).toContain(
			'SignedHeaders=host;x-sdk-date;x-security-token,',
		);
	});

	it('then signs VOD requests with the resolved project id, and does not call IAM again', async () => {
		iam.reply = oneProject;
		const credentials = akSkCredentials();
		Object.assign(credentials, await api.preAuthentication.call(helper, credentials));
		// n8n calls preAuthentication again after a 401; with a session for these settings nothing is
		// sent, and nothing is returned, so n8n keeps the stored session and does not re-send the request.
		const again = await api.preAuthentication.call(helper, credentials);
		expect(again).toEqual({});
		expect(iam.received).toHaveLength(1);
		const result = await api.authenticate(credentials, {
			baseURL: iam.origin,
			url: '/v1/{project_id}/asset/thumbnails',
			qs: { limit: 1 },
		});
		expect(result.url).toBe(`${iam.origin}/v1/${huaweiProjectId}/asset/thumbnails?limit=1`);
		expect(lowerCaseHeaderMap(result.headers)['x-project-id']).toBe(huaweiProjectId);
	});

	it('resolves again when the settings changed since the stored session', async () => {
		iam.reply = oneProject;
		const credentials = akSkCredentials();
		Object.assign(credentials, await api.preAuthentication.call(helper, credentials));
		credentials.region = 'ap-southeast-3';
		iam.reply = () => ({
			status: 200,
			body: { projects: [{ id: 'p-sg', name: 'ap-southeast-3' }] },
		});
		const session = await api.preAuthentication.call(helper, credentials);
		expect(session.resolvedProjectId).toBe('p-sg');
		expect(iam.received.map((received) => received.url)).toStrictEqual([
			`/v3/projects?name=${HUAWEI_REGION}`,
			'/v3/projects?name=ap-southeast-3',
		]);
	});

	it('makes no network call when the project id is configured', async () => {
		const session = await api.preAuthentication.call(
			helper,
			akSkCredentials({ projectId: huaweiProjectId }),
		);
		expect(session.resolvedProjectId).toBe(huaweiProjectId);
		expect(iam.received).toHaveLength(0);
	});

	it.each([
		['no project', []],
		[
			'two projects',
			[
				{ id: 'a', name: HUAWEI_REGION },
				{ id: 'b', name: HUAWEI_REGION },
			],
		],
	])('requires exactly one match (%s)', async (_name, projects) => {
		iam.reply = () => ({ status: 200, body: { projects } });
		await expect(api.preAuthentication.call(helper, akSkCredentials())).rejects.toThrow(
			new RegExp(
				`IAM lists ${projects.length} projects named "${HUAWEI_REGION}"; enter "Project ID"`,
			),
		);
	});

	it('reports a rejected signature once, with the gateway code and without the secret', async () => {
		iam.reply = () => ({
			status: 401,
			body: {
				error_code: 'APIGW.0301',
				error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
				request_id: 'r1',
			},
		});
		const rejection = api.preAuthentication.call(helper, akSkCredentials());
		await expect(rejection).rejects.toThrow(
			/HTTP 401 APIGW\.0301: Incorrect IAM authentication information/,
		);
		const error = await rejection.catch((caught: unknown) => caught);
		expect(String(error)).not.toContain(huaweiAccessKey.secretAccessKey);
		expect(iam.received).toHaveLength(1);
	});

	it('reports an unreachable IAM endpoint', async () => {
		await expect(
			api.preAuthentication.call(helper, akSkCredentials({ iamEndpoint: 'http://127.0.0.1:1' })),
		).rejects.toThrow(/could not reach http:\/\/127\.0\.0\.1:1/);
	});

	it('names the likely cause of an unreachable IAM endpoint: the Region, or the IAM Endpoint field', async () => {
		await expect(
			api.preAuthentication.call(helper, akSkCredentials({ iamEndpoint: 'http://127.0.0.1:1' })),
		).rejects.toThrow(/Check the "Region" field, and "IAM Endpoint" if it is set/);
	});

	it('signs in with a password scoped to the region project and stores token and project id', async () => {
		iam.reply = () => ({
			status: 201,
			headers: { 'X-Subject-Token': 'MIIEmulatorToken' },
			body: {
				token: {
					issued_at: '2098-12-31T00:00:00.000000Z',
					expires_at: '2099-01-01T00:00:00.000000Z',
					project: { id: huaweiProjectId, name: HUAWEI_REGION },
				},
			},
		});
		const credentials = passwordCredentials();
		const before = Date.now();
		const session = await api.preAuthentication.call(helper, credentials);
		expect(session.iamToken).toBe('MIIEmulatorToken');
		expect(session.resolvedProjectId).toBe(huaweiProjectId);
		// IAM's 24 h lifetime counted on this host's clock from just before the sign-in, whatever IAM's clock says.
		const expiresAt = Date.parse(String(session.tokenExpiresAt));
		expect(expiresAt - before).toBeGreaterThanOrEqual(DAY_MS);
		expect(expiresAt - Date.now()).toBeLessThanOrEqual(DAY_MS);
		const [received] = iam.received;
		expect(received.method).toBe('POST');
		expect(received.url).toBe('/v3/auth/tokens?nocatalog=true');
		expect(received.headers['content-type']).toBe('application/json;charset=utf8');
		expect(received.headers.authorization).toBeUndefined();
		expect(JSON.parse(received.body)).toStrictEqual({
			auth: {
				identity: {
					methods: ['password'],
					password: {
						user: {
							name: huaweiIamUser.userName,
							password: huaweiIamUser.password,
							domain: { name: huaweiIamUser.domainName },
						},
					},
				},
				scope: { project: { name: HUAWEI_REGION } },
			},
		});

		Object.assign(credentials, session);
		const result = await api.authenticate(
			credentials,
			legacyRequest({
				uri: `${iam.origin}/v1/{project_id}/asset/thumbnails?limit=1`,
				method: 'GET',
				json: true,
			}),
		);
		const sent = lowerCaseHeaderMap(result.headers);
		expect(sent['x-auth-token']).toBe('MIIEmulatorToken');
		expect(sent.authorization).toBeUndefined();
		expect(sent['x-sdk-date']).toBeUndefined();
		expect(result.url).toBe(`${iam.origin}/v1/${huaweiProjectId}/asset/thumbnails?limit=1`);
	});

	/** IAM's answer to a password sign-in: a numbered token living `lifetimeMs` on IAM's (skewed) clock. */
	function issueToken(lifetimeMs = DAY_MS): () => Reply {
		const issuedAt = Date.UTC(2001, 0, 1);
		return () => ({
			status: 201,
			headers: { 'X-Subject-Token': `token-${iam.received.length}` },
			body: {
				token: {
					issued_at: new Date(issuedAt).toISOString(),
					expires_at: new Date(issuedAt + lifetimeMs).toISOString(),
					project: { id: huaweiProjectId },
				},
			},
		});
	}

	it('scopes the password sign-in by project id when one is configured', async () => {
		iam.reply = issueToken();
		const session = await api.preAuthentication.call(
			helper,
			passwordCredentials({ projectId: huaweiProjectId }),
		);
		expect(session.iamToken).toBe('token-1');
		expect(JSON.parse(iam.received[0].body).auth.scope).toStrictEqual({
			project: { id: huaweiProjectId },
		});
	});

	it('keeps a valid token: no sign-in, and nothing returned, so n8n re-sends no failed request', async () => {
		iam.reply = issueToken();
		const credentials = passwordCredentials();
		Object.assign(credentials, await api.preAuthentication.call(helper, credentials));
		// n8n calls preAuthentication after any failed HTTP Request node call (5xx, reset, 4xx) and
		// re-sends whenever it returns a session: with a valid token it must return none.
		for (let call = 0; call < 3; call += 1) {
			expect(await api.preAuthentication.call(helper, credentials)).toEqual({});
		}
		expect(iam.received).toHaveLength(1);
		const result = await api.authenticate(credentials, {
			url: `${iam.origin}/v1/{project_id}/asset/thumbnails`,
		});
		expect(lowerCaseHeaderMap(result.headers)['x-auth-token']).toBe('token-1');
	});

	it.each([
		['expired', -60_000],
		['inside the renewal margin', TOKEN_RENEWAL_MARGIN_MS - 10_000],
		['unreadable', Number.NaN],
	])('signs in again when the stored token is %s', async (_label, expiresInMs) => {
		iam.reply = issueToken();
		const credentials = passwordCredentials();
		Object.assign(credentials, await api.preAuthentication.call(helper, credentials), {
			tokenExpiresAt: Number.isNaN(expiresInMs)
				? 'soon'
				: new Date(Date.now() + expiresInMs).toISOString(),
		});
		const renewed = await api.preAuthentication.call(helper, credentials);
		expect(renewed.iamToken).toBe('token-2');
		expect(Date.parse(String(renewed.tokenExpiresAt))).toBeGreaterThan(Date.now() + DAY_MS / 2);
		expect(iam.received).toHaveLength(2);
	});

	it('signs in again when the stored token was obtained for other settings', async () => {
		iam.reply = issueToken();
		const credentials = passwordCredentials();
		Object.assign(credentials, await api.preAuthentication.call(helper, credentials));
		credentials.userName = 'another-user';
		expect((await api.preAuthentication.call(helper, credentials)).iamToken).toBe('token-2');
	});

	it.each([
		['without issued_at', { expires_at: '2001-01-02T00:00:00Z' }],
		['without expires_at', { issued_at: '2001-01-01T00:00:00Z' }],
		[
			'expiring before it was issued',
			{ issued_at: '2001-01-02T00:00:00Z', expires_at: '2001-01-01T00:00:00Z' },
		],
	])('refuses an IAM token %s', async (_label, times) => {
		iam.reply = () => ({
			status: 201,
			headers: { 'X-Subject-Token': 'token' },
			body: { token: { ...times, project: { id: huaweiProjectId } } },
		});
		await expect(api.preAuthentication.call(helper, passwordCredentials())).rejects.toThrow(
			/token\.issued_at and token\.expires_at/,
		);
	});

	it('reports a wrong password with the IAM message and never the password', async () => {
		iam.reply = () => ({
			status: 401,
			body: {
				error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
			},
		});
		const rejection = api.preAuthentication.call(helper, passwordCredentials());
		await expect(rejection).rejects.toThrow(/HTTP 401 401: The username or password is wrong\./);
		const error = await rejection.catch((caught: unknown) => caught);
		expect(String(error)).not.toContain(huaweiIamUser.password);
	});

	it('requires the X-Subject-Token header', async () => {
		iam.reply = () => ({ status: 201, body: { token: { project: { id: huaweiProjectId } } } });
		await expect(api.preAuthentication.call(helper, passwordCredentials())).rejects.toThrow(
			/X-Subject-Token/,
		);
	});
});

describe('credential description', () => {
	const api = new HuaweiCloudApi();
	const property = (name: string) => api.properties.find((candidate) => candidate.name === name);

	it('is named huaweiCloudApi and stores the session in one expirable hidden field', () => {
		expect(api.name).toBe('huaweiCloudApi');
		expect(api.displayName).toBe('Huawei Cloud API');
		const expirable = api.properties.filter(
			(candidate) => candidate.type === 'hidden' && candidate.typeOptions?.expirable === true,
		);
		expect(expirable.map((candidate) => candidate.name)).toStrictEqual(['resolvedFor']);
		expect(property('iamToken')).toMatchObject({ type: 'hidden', typeOptions: { password: true } });
		expect(property('resolvedProjectId')?.type).toBe('hidden');
		expect(property('tokenExpiresAt')?.type).toBe('hidden');
	});

	it.each(['secretAccessKey', 'securityToken', 'password'])('masks %s', (name) => {
		expect(property(name)?.typeOptions?.password).toBe(true);
	});

	it('defaults to AK/SK in cn-north-4', () => {
		expect(property('authType')?.default).toBe('aksk');
		expect(property('region')?.default).toBe('cn-north-4');
		expect(property('password')?.displayOptions?.show?.authType).toStrictEqual(['password']);
		expect(property('accessKeyId')?.displayOptions?.show?.authType).toStrictEqual(['aksk']);
	});

	it('tests with a read-only, region-bound thumbnail list and fails on 401 and on error codes in a 200', () => {
		expect(api.test.request).toMatchObject({
			url: '/v1/{project_id}/asset/thumbnails',
			method: 'GET',
			qs: { limit: 1 },
		});
		expect(api.test.request.baseURL).toContain('$credentials.vodEndpoint');
		expect(api.test.request.baseURL).toContain('$credentials.region');
		const rules = api.test.rules ?? [];
		const bodyRules = rules.filter((rule) => rule.type === 'responseSuccessBody');
		for (const rule of bodyRules) expect(rule.properties).toMatchObject({ key: 'error_code' });
		expect(bodyRules.map((rule) => rule.properties.value)).toContain('APIGW.0301');
		const statusRules = rules.filter((rule) => rule.type === 'responseCode');
		expect(statusRules.map((rule) => rule.properties.value)).toContain(401);
	});

	it('has distinct light and dark icons on disk', () => {
		const icon = api.icon as { light: string; dark: string };
		const credentialsDir = path.join(REPO_ROOT, 'credentials');
		const light = readFileSync(
			path.resolve(credentialsDir, icon.light.replace(/^file:/, '')),
			'utf8',
		);
		const dark = readFileSync(
			path.resolve(credentialsDir, icon.dark.replace(/^file:/, '')),
			'utf8',
		);
		expect(light).toContain('<svg');
		expect(dark).toContain('<svg');
		expect(light).not.toBe(dark);
	});
});

/** As for aliyunApi: n8n's tester shows a network failure of the VOD request by its code alone. */
it('the VOD Endpoint field explains a bare network failure of the Test', () => {
	const field = new HuaweiCloudApi().properties.find((property) => property.name === 'vodEndpoint');
	expect(field?.description).toMatch(/ENOTFOUND or ECONNREFUSED could not reach this endpoint/);
	expect(field?.description).toMatch(/Region's endpoint/);
});
