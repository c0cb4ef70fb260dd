/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { createHmac } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../credentials/AliyunApi.credentials';
import {
	signAliyunRequest,
	type AliyunSigningContext,
} from '../../credentials/common/aliyun/requestSigner';
import { readAliyunCredentials } from '../../credentials/common/aliyun/settings';
import {
	parseQueryString,
	prepareRequest,
	type IncomingRequestOptions,
	type SignedWireRequest,
} from '../../credentials/common/preparedRequest';
import {
	acs3CanonicalHeaders,
	acs3CanonicalQuery,
	acs3CanonicalRequest,
	acs3HashedPayload,
	acs3Signature,
	acs3StringToSign,
	parseAcs3Authorization,
} from '../../credentials/signing/aliyunAcs3';
import {
	rpcV1CanonicalizedQuery,
	rpcV1Signature,
	rpcV1StringToSign,
} from '../../credentials/signing/aliyunRpcV1';
import {
	mnsSignature,
	mnsStringToSign,
	parseMnsAuthorization,
} from '../../credentials/signing/mns';
import { loadVectors } from '../support/vectors';

type Strings = Record<string, string>;

interface RequestVector {
	id: string;
	scheme: string;
	method?: string;
	endpoint?: string;
	action?: string;
	version?: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	timestamp: string;
	nonce: string;
	params?: Record<string, string | number>;
	query?: Strings;
	bodyParams?: Strings;
	headers?: Strings;
	body?: string;
	captured?: {
		method: string;
		host: string;
		pathname: string;
		query: Strings;
		signedHeaders: Strings;
	};
	expected: {
		url?: string;
		body?: string;
		signature?: string;
		canonicalizedQueryString?: string;
		authorization?: string;
	};
}

const SECRET = 'TopSecretValue123';
const TOKEN = 'CAISTopSecretToken+/=';

function credentialsFor(
	vector: Pick<RequestVector, 'accessKeyId' | 'accessKeySecret' | 'securityToken'>,
	signatureVersion: 'v1' | 'v3',
): ICredentialDataDecryptedObject {
	return {
		accessKeyId: vector.accessKeyId,
		accessKeySecret: vector.accessKeySecret,
		securityToken: vector.securityToken ?? '',
		regionId: 'cn-shanghai',
		signatureVersion,
	};
}

function sign(
	options: IncomingRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	context: AliyunSigningContext,
): SignedWireRequest {
	return signAliyunRequest(prepareRequest(options), readAliyunCredentials(credentials), context);
}

/** n8n types the HTTP Request node's legacy request as IHttpRequestOptions, yet it has `uri`, not `url`. */
function legacyShape(options: Omit<IncomingRequestOptions, 'url'>): IncomingRequestOptions {
	return Object.assign({} as IncomingRequestOptions, options);
}

function stringParams(params: Record<string, string | number>): IDataObject {
	return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

/** The node shape (url), the baseURL+url shape, and the HTTP Request node's legacy uri shape. */
function requestShapes(
	endpoint: string,
	method: string,
	qs: IDataObject,
): Array<[string, IncomingRequestOptions]> {
	const origin = new URL(endpoint).origin;
	return [
		['url', { url: endpoint, method: method as IHttpRequestOptions['method'], qs, json: true }],
		[
			'baseURL+url',
			{ baseURL: origin, url: '/', method: method as IHttpRequestOptions['method'], qs },
		],
		[
			'legacy uri',
			legacyShape({
				uri: endpoint,
				method: method as IHttpRequestOptions['method'],
				qs,
				headers: {},
				json: true,
			}),
		],
	];
}

function queryOf(url: string): Strings {
	return Object.fromEntries(parseQueryString(new URL(url).search));
}

const rpcVectors = loadVectors<RequestVector>(['rpc-v1']);
const acs3Vectors = loadVectors<RequestVector>(['acs3-hmac-sha256']);
const mnsVectors = loadVectors<MnsRequestVector>(['mns-hmac-sha1']).filter(
	(vector) => vector.url !== undefined,
);

/**
 * One request shape of one vector: the options n8n would pass, the credential and the pinned clock
 * and nonce, and the comparison of the signed request with the vector. Run through the signing core
 * and through `authenticate`, so both are held to the same expected bytes.
 */
interface VectorCase {
	shape: string;
	options: IncomingRequestOptions;
	credentials: ICredentialDataDecryptedObject;
	context: AliyunSigningContext;
	check: (signed: SignedWireRequest) => void;
}

function contextOf(vector: Pick<RequestVector, 'timestamp' | 'nonce'>): AliyunSigningContext {
	return { now: new Date(vector.timestamp), nonce: vector.nonce };
}

function rpcPlainCases(vector: RequestVector): VectorCase[] {
	const endpoint = vector.endpoint ?? '';
	const method = vector.method ?? '';
	const credentials = credentialsFor(vector, 'v1');
	const context = contextOf(vector);
	const qs = {
		Action: vector.action,
		Version: vector.version,
		...stringParams(vector.params ?? {}),
	};

	// pop-core sends a POST's signed parameters as the form body; we send the same bytes as the URL
	// query (what openapi-core's V1 path does), so the expected URL is the vector's URL + its body.
	const expectedUrl =
		vector.expected.body === undefined
			? vector.expected.url
			: `${vector.expected.url}?${vector.expected.body}`;

	const qsCases = requestShapes(endpoint, method, qs).map(
		([shape, options]): VectorCase => ({
			shape: `parameters in qs, ${shape}`,
			options,
			credentials,
			context,
			check: (signed) => {
				expect(signed.url).toBe(expectedUrl);
				expect(signed.headers).toEqual({});
				expect(signed.body ?? '').toBe('');
			},
		}),
	);

	const formCase: VectorCase = {
		shape: 'API parameters in a form body (legacy form)',
		options: legacyShape({ uri: endpoint, method: 'POST', form: { ...qs }, json: true }),
		credentials,
		context,
		check: (signed) => {
			expect(signed.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
			const sent = [
				...parseQueryString(new URL(signed.url).search),
				...parseQueryString(String(signed.body)),
			];
			const signature = sent.find(([name]) => name === 'Signature')?.[1];
			const canonical = rpcV1CanonicalizedQuery(sent);
			// A form body is always POST; the vector's GET requests sign the same parameters under GET:
			// same canonical string, and the signature of that string under POST.
			expect(canonical).toBe(vector.expected.canonicalizedQueryString);
			expect(signature).toBe(
				rpcV1Signature(rpcV1StringToSign('POST', canonical), vector.accessKeySecret),
			);
			if (method === 'POST') expect(signature).toBe(vector.expected.signature);
			expect(new URL(signed.url).search).not.toContain('VideoId=');
		},
	};

	return [...qsCases, formCase];
}

/** openapi-core V1 layout, identical to ours. */
function rpcCapturedCases(vector: RequestVector): VectorCase[] {
	const request = vector.captured;
	if (!request) throw new Error(`${vector.id}: no captured request`);
	const qs: IDataObject = { ...request.query };
	delete qs.Signature;
	return requestShapes(`https://${request.host}${request.pathname}`, request.method, qs).map(
		([shape, options]): VectorCase => ({
			shape: `openapi-core V1 layout, ${shape}`,
			options,
			credentials: credentialsFor(vector, 'v1'),
			context: contextOf(vector),
			check: (signed) => {
				expect(queryOf(signed.url)).toEqual(request.query);
				expect(queryOf(signed.url).Signature).toBe(vector.expected.signature);
				expect(signed.headers).toEqual({});
				expect(signed.body ?? '').toBe('');
			},
		}),
	);
}

function acs3PlainCases(vector: RequestVector): VectorCase[] {
	const endpoint = vector.endpoint ?? '';
	const method = vector.method ?? '';
	const credentials = credentialsFor(vector, 'v3');
	const context = contextOf(vector);
	const qs = { Action: vector.action, Version: vector.version, ...(vector.query ?? {}) };
	const expectedHeaders = { ...vector.headers, authorization: vector.expected.authorization };

	if (vector.bodyParams) {
		const form = vector.bodyParams;
		const formShapes: Array<[string, IncomingRequestOptions]> = [
			[
				'url + form content type',
				{
					url: endpoint,
					method: 'POST',
					qs,
					body: form,
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				},
			],
			['legacy uri + form', legacyShape({ uri: endpoint, method: 'POST', qs, form, json: true })],
		];
		return formShapes.map(([shape, options]) => ({
			shape: `form body, ${shape}`,
			options,
			credentials,
			context,
			check: (signed) => {
				expect(signed.url).toBe(vector.expected.url);
				expect(signed.headers).toEqual(expectedHeaders);
				expect(signed.body).toBe(vector.body);
			},
		}));
	}

	return requestShapes(endpoint, method, qs).map(([shape, options]) => ({
		shape: `parameters in qs, ${shape}`,
		options,
		credentials,
		context,
		check: (signed) => {
			expect(signed.url).toBe(vector.expected.url);
			expect(signed.headers).toEqual(expectedHeaders);
			expect(signed.body ?? '').toBe('');
		},
	}));
}

/** The SDK-only `x-acs-credentials-provider` header is passed as a caller header. */
function acs3CapturedCases(vector: RequestVector): VectorCase[] {
	const request = vector.captured;
	if (!request) throw new Error(`${vector.id}: no captured request`);
	const qs = {
		Action: request.signedHeaders['x-acs-action'],
		Version: request.signedHeaders['x-acs-version'],
		...request.query,
	};
	const extra = {
		'x-acs-credentials-provider': request.signedHeaders['x-acs-credentials-provider'],
	};
	return requestShapes(`https://${request.host}${request.pathname}`, request.method, qs).map(
		([shape, options]): VectorCase => ({
			shape: `SDK x-acs-credentials-provider as a caller header, ${shape}`,
			options: { ...options, headers: extra },
			credentials: credentialsFor(vector, 'v3'),
			context: contextOf(vector),
			check: (signed) => {
				expect(signed.headers).toEqual({
					...request.signedHeaders,
					authorization: vector.expected.authorization,
				});
				expect(queryOf(signed.url)).toEqual(request.query);
				expect(signed.body ?? '').toBe('');
			},
		}),
	);
}

/** An `mns-hmac-sha1` vector of a whole request (`@alicloud/mns` `Client#buildHeaders`). */
interface MnsRequestVector {
	id: string;
	scheme: string;
	verb: string;
	url?: string;
	resource: string;
	body: string;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	date: string;
	expected: { headers: Strings; stringToSign: string; authorization: string };
}

function without(record: Strings, names: readonly string[]): Strings {
	return Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));
}

/**
 * The signer test's comparison rules (test/credentials/signing/aliyunVectors.test.ts): `host` and
 * `content-length` are the HTTP client's; the SDK sends only the unsigned `security-token` for STS,
 * so it is passed as a caller header (our STS token headers are covered above). One more difference
 * here: the SDK sends content-type and content-md5 even for an empty DELETE body, whereas
 * `authenticate` sends no content-type without a body (a caller's would be stale), so for an empty
 * body both are left out and the expected string to sign is the vector's with those two lines empty.
 */
function mnsCases(vector: MnsRequestVector): VectorCase[] {
	const url = new URL(vector.url ?? '');
	const sdkHeaders = without(vector.expected.headers, ['host', 'content-length']);
	const callerHeaders: Strings = {};
	if (sdkHeaders['security-token']) callerHeaders['security-token'] = sdkHeaders['security-token'];
	const bodyless = vector.body === '';
	// Only the empty-body request whose SDK headers carry a content-type or content-md5 is adapted;
	// every other vector is compared with its own headers, Authorization and string to sign as is.
	const adapted = bodyless && ('content-type' in sdkHeaders || 'content-md5' in sdkHeaders);
	const stringToSignLines = vector.expected.stringToSign.split('\n');
	if (adapted) stringToSignLines.splice(1, 2, '', '');
	const stringToSign = stringToSignLines.join('\n');
	const expectedHeaders = adapted
		? {
				...without(sdkHeaders, ['content-type', 'content-md5']),
				authorization: `MNS ${vector.accessKeyId}:${createHmac('sha1', vector.accessKeySecret).update(stringToSign, 'utf8').digest('base64')}`,
			}
		: sdkHeaders;

	const credentials: ICredentialDataDecryptedObject = {
		...credentialsFor({ ...vector, securityToken: undefined }, 'v3'),
		mnsEndpoint: url.origin,
	};
	const context: AliyunSigningContext = { now: new Date(vector.date), nonce: 'unused-by-mns' };
	const method = vector.verb as IHttpRequestOptions['method'];
	const body = bodyless ? {} : { body: vector.body };
	const shapes: Array<[string, IncomingRequestOptions]> = [
		['url', { url: vector.url, method, headers: callerHeaders, ...body }],
		[
			'baseURL+url',
			{ baseURL: url.origin, url: vector.resource, method, headers: callerHeaders, ...body },
		],
		[
			'legacy uri',
			legacyShape({ uri: vector.url, method, headers: callerHeaders, json: false, ...body }),
		],
	];
	return shapes.map(([shape, options]) => ({
		shape: `MNS request, ${shape}`,
		options,
		credentials,
		context,
		check: (signed) => {
			expect(`${url.pathname}${url.search}`).toBe(vector.resource);
			expect(sdkHeaders.authorization).toBe(vector.expected.authorization);
			expect(signed.url).toBe(vector.url);
			expect(signed.headers).toEqual(expectedHeaders);
			expect(mnsStringToSign(vector.verb, signed.headers, vector.resource)).toBe(stringToSign);
			expect(signed.body ?? '').toBe(vector.body);
		},
	}));
}

const rpcCases = rpcVectors.map(
	(vector) =>
		[vector.id, vector.captured ? rpcCapturedCases(vector) : rpcPlainCases(vector)] as const,
);
const acs3Cases = acs3Vectors.map(
	(vector) =>
		[vector.id, vector.captured ? acs3CapturedCases(vector) : acs3PlainCases(vector)] as const,
);
const mnsCasesById = mnsVectors.map((vector) => [vector.id, mnsCases(vector)] as const);

class PinnedAliyunApi extends AliyunApi {
	constructor(private readonly pinned: AliyunSigningContext) {
		super();
	}

	protected override signingContext(): AliyunSigningContext {
		return this.pinned;
	}
}

function caseTable(cases: VectorCase[]): Array<[string, VectorCase]> {
	return cases.map((vectorCase) => [vectorCase.shape, vectorCase]);
}

describe.each([
	['RPC V1', rpcCases],
	['ACS3', acs3Cases],
] as const)('%s vectors through the signing core', (_scheme, byId) => {
	describe.each(byId)('%s', (_id, cases) => {
		it.each(caseTable(cases))('%s shape', (_shape, vectorCase) => {
			vectorCase.check(sign(vectorCase.options, vectorCase.credentials, vectorCase.context));
		});
	});
});

describe.each([
	['RPC V1', rpcCases],
	['ACS3', acs3Cases],
	['MNS', mnsCasesById],
] as const)('%s vectors through authenticate (pinned clock and nonce)', (_scheme, byId) => {
	it('finds vectors', () => {
		expect(byId.length).toBeGreaterThan(0);
	});

	describe.each(byId)('%s', (_id, cases) => {
		it.each(caseTable(cases))('%s shape', async (_shape, vectorCase) => {
			const result = await new PinnedAliyunApi(vectorCase.context).authenticate(
				vectorCase.credentials,
				vectorCase.options,
			);
			expect(result.qs).toBeUndefined();
			vectorCase.check({
				url: result.url,
				headers: result.headers as Strings,
				body: result.body as string | Buffer | undefined,
			});
		});
	});
});

const credentials: ICredentialDataDecryptedObject = {
	accessKeyId: 'LTAI5tTestKey',
	accessKeySecret: SECRET,
	securityToken: '',
	regionId: 'cn-shanghai',
	signatureVersion: 'v3',
	vodEndpoint: '',
	mpsEndpoint: '',
	mnsEndpoint: '',
};

const vodRequest: IHttpRequestOptions = {
	url: 'https://vod.cn-shanghai.aliyuncs.com/',
	method: 'POST',
	qs: { Action: 'GetVideoInfo', Version: '2017-03-21', VideoId: 'abc' },
	json: true,
};

/** Recomputes a V1 signature from what goes on the wire, as the emulator does. */
function verifyRpcV1(options: IHttpRequestOptions, secret: string): boolean {
	const sent = [
		...parseQueryString(new URL(options.url).search),
		...parseQueryString(String(options.body ?? '')),
	];
	const signature = sent.find(([name]) => name === 'Signature')?.[1];
	const stringToSign = rpcV1StringToSign(options.method ?? 'GET', rpcV1CanonicalizedQuery(sent));
	return signature === rpcV1Signature(stringToSign, secret);
}

/** Recomputes an ACS3 signature from what goes on the wire, as the emulator does. */
function verifyAcs3(options: IHttpRequestOptions, secret: string): boolean {
	const headers = (options.headers ?? {}) as Strings;
	const parsed = parseAcs3Authorization(headers.authorization);
	if (!parsed) return false;
	const url = new URL(options.url);
	const canonicalRequest = acs3CanonicalRequest({
		method: options.method ?? 'GET',
		path: url.pathname,
		canonicalQuery: acs3CanonicalQuery(parseQueryString(url.search)),
		canonicalHeaders: acs3CanonicalHeaders(headers, parsed.signedHeaders),
		signedHeaders: parsed.signedHeaders.join(';'),
		hashedPayload: acs3HashedPayload(typeof options.body === 'string' ? options.body : ''),
	});
	return acs3Signature(acs3StringToSign(canonicalRequest), secret) === parsed.signature;
}

describe('authenticate', () => {
	const aliyunApi = new AliyunApi();

	it('V3: signs into url and headers, clears qs, keeps json, and a receiver can verify it', async () => {
		const result = await aliyunApi.authenticate(credentials, vodRequest);
		expect(result.qs).toBeUndefined();
		expect(result.json).toBe(true);
		expect(result.url).toBe('https://vod.cn-shanghai.aliyuncs.com/?VideoId=abc');
		const headers = result.headers as Strings;
		expect(headers['x-acs-action']).toBe('GetVideoInfo');
		expect(headers['x-acs-version']).toBe('2017-03-21');
		expect(headers['x-acs-signature-nonce']).toMatch(/^[0-9a-f]{32}$/);
		expect(headers['x-acs-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(Math.abs(Date.parse(headers['x-acs-date']) - Date.now())).toBeLessThan(60_000);
		expect(verifyAcs3(result, SECRET)).toBe(true);
	});

	it('V3: every returned header except authorization is signed', async () => {
		const result = await aliyunApi.authenticate(credentials, {
			...vodRequest,
			headers: { Accept: 'application/json' },
		});
		const headers = result.headers as Strings;
		const signed = parseAcs3Authorization(headers.authorization)?.signedHeaders;
		expect(signed).toEqual(
			Object.keys(headers)
				.filter((name) => name !== 'authorization')
				.sort(),
		);
	});

	it('V3: uses a fresh nonce per request', async () => {
		const first = (await aliyunApi.authenticate(credentials, vodRequest)).headers as Strings;
		const second = (await aliyunApi.authenticate(credentials, vodRequest)).headers as Strings;
		expect(first['x-acs-signature-nonce']).not.toBe(second['x-acs-signature-nonce']);
	});

	it('V1: puts the signed query with Signature into the url, no body', async () => {
		const result = await aliyunApi.authenticate(
			{ ...credentials, signatureVersion: 'v1' },
			vodRequest,
		);
		expect(result.qs).toBeUndefined();
		expect(result.body).toBeUndefined();
		const query = queryOf(result.url);
		expect(query).toMatchObject({
			Action: 'GetVideoInfo',
			Version: '2017-03-21',
			VideoId: 'abc',
			Format: 'JSON',
			SignatureMethod: 'HMAC-SHA1',
			SignatureVersion: '1.0',
			AccessKeyId: 'LTAI5tTestKey',
		});
		expect(query.Signature).toBeTruthy();
		expect(query.SignatureNonce).toMatch(/^[0-9a-f-]{36}$/);
		expect(verifyRpcV1(result, SECRET)).toBe(true);
	});

	it('V1: keeps a form body as a form body, signed together with the query', async () => {
		const result = await aliyunApi.authenticate(
			{ ...credentials, signatureVersion: 'v1' },
			legacyShape({
				uri: 'https://vod.cn-shanghai.aliyuncs.com/',
				method: 'POST',
				form: { Action: 'UpdateVideoInfo', Version: '2017-03-21', Title: "测试 it's" },
				json: true,
			}),
		);
		expect(result.body).toBe(
			'Action=UpdateVideoInfo&Version=2017-03-21&Title=%E6%B5%8B%E8%AF%95%20it%27s',
		);
		expect((result.headers as Strings)['content-type']).toBe('application/x-www-form-urlencoded');
		expect(verifyRpcV1(result, SECRET)).toBe(true);
	});

	it('STS V1: SecurityToken is a signed query parameter', async () => {
		const result = await aliyunApi.authenticate(
			{ ...credentials, signatureVersion: 'v1', securityToken: TOKEN },
			vodRequest,
		);
		expect(queryOf(result.url).SecurityToken).toBe(TOKEN);
		expect(verifyRpcV1(result, SECRET)).toBe(true);
	});

	it('STS V3: x-acs-security-token and x-acs-accesskey-id are signed headers', async () => {
		const result = await aliyunApi.authenticate(
			{ ...credentials, securityToken: TOKEN },
			vodRequest,
		);
		const headers = result.headers as Strings;
		expect(headers['x-acs-security-token']).toBe(TOKEN);
		expect(headers['x-acs-accesskey-id']).toBe('LTAI5tTestKey');
		expect(parseAcs3Authorization(headers.authorization)?.signedHeaders).toContain(
			'x-acs-security-token',
		);
		expect(verifyAcs3(result, SECRET)).toBe(true);
	});

	describe('MNS', () => {
		const mnsUrl = 'https://1234567890123456.mns.cn-shanghai.aliyuncs.com/queues/q/messages';

		function verifyMns(options: IHttpRequestOptions): boolean {
			const headers = options.headers as Strings;
			const url = new URL(options.url);
			const parsed = parseMnsAuthorization(headers.authorization);
			const stringToSign = mnsStringToSign(
				options.method ?? 'GET',
				headers,
				`${url.pathname}${url.search}`,
			);
			return parsed?.signature === mnsSignature(stringToSign, SECRET);
		}

		it('signs an *.mns.<region>.aliyuncs.com request with the MNS scheme, url unchanged', async () => {
			const handle = 'MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0';
			const result = await aliyunApi.authenticate(credentials, {
				url: `${mnsUrl}?ReceiptHandle=${handle}`,
				method: 'DELETE',
			});
			expect(result.url).toBe(`${mnsUrl}?ReceiptHandle=${handle}`);
			const headers = result.headers as Strings;
			expect(headers.authorization.startsWith('MNS LTAI5tTestKey:')).toBe(true);
			expect(headers['x-mns-version']).toBe('2015-06-06');
			expect(headers.date).toBe(headers['x-mns-date']);
			expect(verifyMns(result)).toBe(true);
		});

		it('appends qs to the signed resource (legacy uri shape) and sends a body as text/xml with Content-MD5', async () => {
			const get = await aliyunApi.authenticate(
				credentials,
				legacyShape({
					uri: mnsUrl,
					method: 'GET',
					qs: { waitseconds: 10 },
					json: false,
				}),
			);
			expect(get.url).toBe(`${mnsUrl}?waitseconds=10`);
			expect(get.qs).toBeUndefined();
			expect(verifyMns(get)).toBe(true);

			const post = await aliyunApi.authenticate(credentials, {
				url: mnsUrl,
				method: 'POST',
				body: '<Message><MessageBody>x</MessageBody></Message>',
				headers: { 'Content-Type': 'text/xml' },
			});
			expect((post.headers as Strings)['content-md5']).toBeTruthy();
			expect(post.body).toBe('<Message><MessageBody>x</MessageBody></Message>');
			expect(verifyMns(post)).toBe(true);
		});

		it('routes a non-root path under the configured MNS endpoint (emulator) to MNS, and "/" to RPC', async () => {
			const local = {
				...credentials,
				mnsEndpoint: 'http://127.0.0.1:9000',
				vodEndpoint: 'http://127.0.0.1:9000',
			};
			const mns = await aliyunApi.authenticate(local, {
				url: 'http://127.0.0.1:9000/queues/q/messages',
				method: 'GET',
			});
			expect((mns.headers as Strings).authorization.startsWith('MNS ')).toBe(true);
			const rpc = await aliyunApi.authenticate(local, {
				...vodRequest,
				url: 'http://127.0.0.1:9000/',
			});
			expect((rpc.headers as Strings).authorization.startsWith('ACS3-HMAC-SHA256 ')).toBe(true);
			expect((rpc.headers as Strings).host).toBe('127.0.0.1:9000');
			expect(verifyAcs3(rpc, SECRET)).toBe(true);
		});

		it('sends the STS token both as security-token and as the signed x-mns-security-token', async () => {
			const result = await aliyunApi.authenticate(
				{ ...credentials, securityToken: TOKEN },
				{ url: mnsUrl, method: 'GET' },
			);
			const headers = result.headers as Strings;
			expect(headers['security-token']).toBe(TOKEN);
			expect(headers['x-mns-security-token']).toBe(TOKEN);
			expect(verifyMns(result)).toBe(true);
		});
	});
});

describe('bad input', () => {
	const aliyunApi = new AliyunApi();

	it.each([
		['an empty AccessKey ID', { accessKeyId: '' }, vodRequest, /AccessKey ID/],
		['a blank AccessKey Secret', { accessKeySecret: '   ' }, vodRequest, /AccessKey Secret/],
		['an unknown region', { regionId: 'mars-north-1' }, vodRequest, /"Region"/],
		['an unknown signature version', { signatureVersion: 'v2' }, vodRequest, /Signature Version/],
		['a non-http endpoint', { vodEndpoint: 'ftp://vod.example.com' }, vodRequest, /VOD Endpoint/],
		[
			'an endpoint with a path',
			{ mpsEndpoint: 'https://mts.example.com/api' },
			vodRequest,
			/MPS Endpoint/,
		],
		[
			'an endpoint with a query',
			{ vodEndpoint: 'https://vod.example.com/?x=1' },
			vodRequest,
			/VOD Endpoint/,
		],
		[
			'an endpoint with user info',
			{ mnsEndpoint: `https://user:${SECRET}@mns.example.com` },
			vodRequest,
			/MNS Endpoint/,
		],
		['an endpoint that is not a URL', { vodEndpoint: 'vod example' }, vodRequest, /VOD Endpoint/],
		['a missing Action', {}, { ...vodRequest, qs: { Version: '2017-03-21' } }, /"Action"/],
		[
			'a missing Version',
			{ signatureVersion: 'v1' },
			{ ...vodRequest, qs: { Action: 'GetVideoInfo' } },
			/"Version"/,
		],
		[
			'a JSON body on an RPC API',
			{},
			{ ...vodRequest, body: { Action: 'GetVideoInfo' } },
			/form body/,
		],
		[
			'a non-root path on a non-MNS host',
			{},
			{ ...vodRequest, url: 'https://vod.cn-shanghai.aliyuncs.com/x' },
			/path "\/"/,
		],
	] as Array<[string, IDataObject, IHttpRequestOptions, RegExp]>)(
		'rejects %s with a message naming the field, without secrets',
		async (_case, change, request, message) => {
			const withToken = {
				...credentials,
				securityToken: TOKEN,
				...change,
			} as ICredentialDataDecryptedObject;
			const error = await aliyunApi.authenticate(withToken, request).then(
				() => undefined,
				(reason: unknown) => reason,
			);
			expect(error).toBeInstanceOf(Error);
			const text = (error as Error).message;
			expect(text).toMatch(message);
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain(TOKEN);
		},
	);
});

describe('credential description', () => {
	const aliyunApi = new AliyunApi();

	it('declares the fields authenticate reads, secrets as passwords', () => {
		const byName = new Map(aliyunApi.properties.map((property) => [property.name, property]));
		expect([...byName.keys()].sort()).toEqual([
			'accessKeyId',
			'accessKeySecret',
			'mnsEndpoint',
			'mpsEndpoint',
			'ossEndpoint',
			'regionId',
			'securityToken',
			'signatureVersion',
			'vodEndpoint',
		]);
		expect(byName.get('accessKeySecret')?.typeOptions?.password).toBe(true);
		expect(byName.get('securityToken')?.typeOptions?.password).toBe(true);
		expect(byName.get('signatureVersion')?.default).toBe('v3');
		expect(aliyunApi.name).toBe('aliyunApi');
		expect(aliyunApi.documentationUrl).toMatch(/^https:\/\//);
	});

	it('tests with a read-only, region-bound SearchMedia call and fails on error codes in a 200 body', () => {
		const { request, rules } = aliyunApi.test;
		expect(request.qs).toEqual({
			Action: 'SearchMedia',
			Version: '2017-03-21',
			SearchType: 'video',
			PageSize: 1,
		});
		expect(request.baseURL).toContain('$credentials.vodEndpoint');
		expect(request.baseURL).toContain('$credentials.regionId');
		const codes = (rules ?? []).map((rule) =>
			rule.type === 'responseSuccessBody' ? rule.properties.value : undefined,
		);
		expect(codes).toEqual(
			expect.arrayContaining([
				'Forbidden.RAM',
				'InvalidAccessKeyId.NotFound',
				'SignatureDoesNotMatch',
			]),
		);
	});
});

/**
 * n8n 2.41.1's CredentialsTester answers a network failure of a `test` request with
 * `error.cause.code` alone ("ENOTFOUND"), which neither `authenticate` nor `rules` can change: the
 * field the failure is about says what that bare code means.
 */
it('the VOD Endpoint field explains a bare network failure of the Test', () => {
	const field = new AliyunApi().properties.find((property) => property.name === 'vodEndpoint');
	expect(field?.description).toMatch(/ENOTFOUND or ECONNREFUSED could not reach this endpoint/);
	expect(field?.description).toMatch(/Region's endpoint/);
});
