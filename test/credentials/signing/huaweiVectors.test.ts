/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { describe, expect, it } from 'vitest';

import {
	formatSdkDate,
	huaweiCanonicalRequest,
	huaweiSignature,
	huaweiStringToSign,
	parseHuaweiAuthorization,
	signHuaweiRequest,
} from '../../../credentials/signing/huaweiSdkHmac';
import { loadHuaweiSdkVectors, type HuaweiSdkVector } from '../../support/vectors';

function queryPairs(query: HuaweiSdkVector['query']): Array<[string, string]> {
	return Object.entries(query).flatMap(([name, value]) =>
		(Array.isArray(value) ? value : [value]).map((element): [string, string] => [name, element]),
	);
}

const vectors = loadHuaweiSdkVectors();

function signVector(vector: HuaweiSdkVector) {
	return signHuaweiRequest({
		method: vector.method,
		url: new URL(vector.url),
		query: queryPairs(vector.query),
		headers: vector.headers,
		body: vector.body,
		accessKeyId: vector.ak,
		secretAccessKey: vector.sk,
		securityToken: vector.securityToken,
		sdkDate: vector.sdkDate,
	});
}

describe('Huawei SDK-HMAC-SHA256 vectors', () => {
	it('finds the shared vectors', () => {
		expect(vectors.length).toBeGreaterThanOrEqual(15);
	});

	it.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
		const signed = signVector(vector);
		expect(signed.canonicalRequest).toBe(vector.expected.canonicalRequest);
		expect(signed.stringToSign).toBe(vector.expected.stringToSign);
		expect(signed.signature).toBe(vector.expected.signature);
		expect(signed.authorization).toBe(vector.expected.authorization);
		expect(signed.signedHeaders).toBe(vector.expected.signedHeaders);
		expect(signed.payloadHash).toBe(vector.expected.payloadHash);
		expect(signed.headers).toStrictEqual(vector.expected.sentHeaders);
	});
});

describe('Huawei signing steps (verify side)', () => {
	it.each(vectors.map((vector) => [vector.id, vector] as const))(
		'%s: recomputes the signature from the received parts',
		(_id, vector) => {
			const sent = vector.expected.sentHeaders;
			const authorization = parseHuaweiAuthorization(sent.Authorization);
			expect(authorization?.accessKeyId).toBe(vector.ak);
			expect(authorization?.signedHeaders.join(';')).toBe(vector.expected.signedHeaders);
			const received: Record<string, string> = {};
			for (const [name, value] of Object.entries(sent)) received[name.toLowerCase()] = value;
			const signedOnly: Record<string, string> = {};
			for (const name of authorization?.signedHeaders ?? []) signedOnly[name] = received[name];
			const canonical = huaweiCanonicalRequest({
				method: vector.method,
				path: new URL(vector.url).pathname,
				query: queryPairs(vector.query),
				headers: signedOnly,
				payloadHash: vector.expected.payloadHash,
			});
			const signature = huaweiSignature(huaweiStringToSign(vector.sdkDate, canonical), vector.sk);
			expect(signature).toBe(authorization?.signature);
		},
	);

	it('rejects an Authorization header of another shape', () => {
		expect(parseHuaweiAuthorization('Bearer abc')).toBeUndefined();
		expect(parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK, Signature=00')).toBeUndefined();
	});

	it.each([
		['2019-11-15T03:36:55.123Z', '20191115T033655Z'],
		['2024-01-02T03:04:05.000Z', '20240102T030405Z'],
		['1999-12-31T23:59:59.999Z', '19991231T235959Z'],
	])('formats %s as X-Sdk-Date %s', (iso, expected) => {
		expect(formatSdkDate(new Date(iso))).toBe(expected);
	});

	it('signs the documented example by hand-checked signature (api-sign-algorithm-004)', () => {
		// Values printed in the official guide, independent of the vector file.
		const signed = signHuaweiRequest({
			method: 'GET',
			url: new URL('https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs'),
			query: [
				['marker', '13551d6b-755d-4757-b956-536f674975c0'],
				['limit', '2'],
			],
			headers: { 'Content-Type': 'application/json' },
			body: '',
			accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
			secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
			sdkDate: '20191115T033655Z',
		});
		expect(signed.stringToSign.split('\n')[2]).toBe(
			'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
		);
		expect(signed.signature).toBe(
			'7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
		);
		expect(signed.url).toBe(
			'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
		);
	});
});

/** Deterministic pseudo-random source (mulberry32), so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const QUERY_ALPHABET = "aZ09-_.~ !*'()+/=&%:@$,;?#[]é截🎬";
/**
 * No `'` or `%`: the Node SDK's `url.parse` turns `'` into `%27` and then encodes that `%` again,
 * where the Python SDK and signer.js decode first (huawei.md 1.1); VOD paths contain neither.
 */
const PATH_ALPHABET = 'aZ09-_.~!*()';

interface DifferentialCase {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	data?: Record<string, unknown>;
	securityToken?: string;
}

function generatedCase(random: () => number): DifferentialCase {
	const pick = (alphabet: string, length: number) => {
		const characters = [...alphabet];
		return Array.from({ length }, () => characters[Math.floor(random() * characters.length)]).join(
			'',
		);
	};
	const query: Record<string, string | string[]> = {};
	for (let index = Math.floor(random() * 4); index > 0; index--) {
		const name = pick(QUERY_ALPHABET, 1 + Math.floor(random() * 4));
		query[name] =
			random() < 0.3
				? [pick(QUERY_ALPHABET, 3), pick(QUERY_ALPHABET, 2), '']
				: pick(QUERY_ALPHABET, Math.floor(random() * 6));
	}
	const headers: Record<string, string> = { 'X-Sdk-Date': '20240102T030405Z' };
	if (random() < 0.5) headers['content-type'] = 'application/json';
	if (random() < 0.5) headers['X-Project-Id'] = pick('0123456789abcdef', 32);
	const method = ['GET', 'POST', 'PUT', 'DELETE'][Math.floor(random() * 4)];
	const data =
		method === 'POST' || method === 'PUT' ? { value: pick(QUERY_ALPHABET, 5), n: 1 } : undefined;
	return {
		method,
		path: `/v1/${pick(PATH_ALPHABET, 6)}/asset/${pick(PATH_ALPHABET, 3)}`,
		query,
		headers,
		data,
		securityToken: random() < 0.3 ? `token+/=${pick(PATH_ALPHABET, 8)}` : undefined,
	};
}

function sdkAuthorization(endpoint: string, testCase: DifferentialCase): string {
	const credentials = new BasicCredentials()
		.withAk('HPUAEXAMPLEAK1234567')
		.withSk('ExampleSecretKey1/+=');
	const headers = testCase.securityToken
		? { ...testCase.headers, 'X-Security-Token': testCase.securityToken }
		: testCase.headers;
	const signed = AKSKSigner.sign(
		{
			endpoint: `${endpoint}${testCase.path}`,
			method: testCase.method,
			queryParams: structuredClone(testCase.query),
			headers,
			data: testCase.data,
		},
		credentials,
	) as Record<string, string>;
	return signed.Authorization;
}

describe('differential: signHuaweiRequest against the official SDK signer', () => {
	const random = seededRandom(20240102);
	const cases = Array.from({ length: 200 }, (_, index) => [index, generatedCase(random)] as const);

	it.each(cases)('generated case %i', (_index, testCase) => {
		const endpoint = 'https://vod.cn-north-4.myhuaweicloud.com:8443';
		const ours = signHuaweiRequest({
			method: testCase.method,
			url: new URL(`${endpoint}${testCase.path}`),
			query: queryPairs(testCase.query),
			headers: withoutDate(testCase.headers),
			body: testCase.data === undefined ? '' : JSON.stringify(testCase.data),
			accessKeyId: 'HPUAEXAMPLEAK1234567',
			secretAccessKey: 'ExampleSecretKey1/+=',
			securityToken: testCase.securityToken,
			sdkDate: '20240102T030405Z',
		});
		expect(ours.authorization).toBe(sdkAuthorization(endpoint, testCase));
	});
});

function withoutDate(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'X-Sdk-Date'));
}
