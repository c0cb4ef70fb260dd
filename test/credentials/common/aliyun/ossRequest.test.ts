/**
 * Which requests the `aliyunApi` credential signs as OSS, with which bucket, key and V4 region, and
 * that what it sends is accepted by a receiver that recomputes the signature (the emulator's
 * verifier, the same one the official SDK is checked against).
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { ossAddress } from '../../../../credentials/common/aliyun/ossRequest';
import { readAliyunCredentials } from '../../../../credentials/common/aliyun/settings';
import type { IncomingRequestOptions } from '../../../../credentials/common/preparedRequest';
import { aliyunAccessKey, aliyunStsKey } from '../../../emulator/accounts';
import { verifyOssRequest } from '../../../emulator/aliyun/oss/ossAuth';
import { rawQueryPairs } from '../../../emulator/aliyun/oss/ossHandler';

function fields(overrides: ICredentialDataDecryptedObject = {}) {
	return readAliyunCredentials({
		accessKeyId: aliyunAccessKey.accessKeyId,
		accessKeySecret: aliyunAccessKey.accessKeySecret,
		regionId: 'cn-beijing',
		signatureVersion: 'v3',
		...overrides,
	});
}

describe('ossAddress', () => {
	it.each([
		['https://out.oss-cn-shanghai.aliyuncs.com/a/b.jpg', 'out', 'a/b.jpg', false, 'cn-shanghai'],
		['https://out.oss-cn-shanghai-internal.aliyuncs.com/x', 'out', 'x', false, 'cn-shanghai'],
		['https://out.oss-accelerate.aliyuncs.com/x', 'out', 'x', false, 'cn-beijing'],
		['https://out.oss-accelerate-overseas.aliyuncs.com/x', 'out', 'x', false, 'cn-beijing'],
		['https://out.cn-hangzhou.oss.aliyuncs.com/x', 'out', 'x', false, 'cn-hangzhou'],
		['https://out.oss-us-west-1.aliyuncs.com/', 'out', '', false, 'us-west-1'],
		[
			'https://oss-cn-shanghai.aliyuncs.com/out/k%20y+1.jpg',
			'out',
			'k y+1.jpg',
			true,
			'cn-shanghai',
		],
		['https://oss-cn-shanghai.aliyuncs.com/', '', '', false, 'cn-shanghai'],
	])('%s → bucket %s, key %s', (url, bucket, object, pathStyle, signRegion) => {
		expect(ossAddress(new URL(url), fields())).toEqual({ bucket, object, pathStyle, signRegion });
	});

	it.each([
		'https://vod.cn-shanghai.aliyuncs.com/',
		'https://mts.cn-shanghai.aliyuncs.com/',
		'https://123.mns.cn-shanghai.aliyuncs.com/queues/q/messages',
		'https://example.com/out/a.jpg',
	])('%s is not OSS', (url) => {
		expect(ossAddress(new URL(url), fields())).toBeUndefined();
	});

	it('on the OSS Endpoint override: bucket in the path; its root stays RPC; its subdomains are not signed', () => {
		const withOverride = fields({ ossEndpoint: 'http://127.0.0.1:9000' });
		expect(ossAddress(new URL('http://127.0.0.1:9000/out/a.jpg'), withOverride)).toEqual({
			bucket: 'out',
			object: 'a.jpg',
			pathStyle: true,
			signRegion: 'cn-beijing',
		});
		expect(ossAddress(new URL('http://127.0.0.1:9000/'), withOverride)).toBeUndefined();
		const domain = fields({ ossEndpoint: 'https://files.example.com' });
		expect(ossAddress(new URL('https://files.example.com/out/a.jpg'), domain)).toMatchObject({
			bucket: 'out',
			object: 'a.jpg',
			pathStyle: true,
		});
		// The signature and STS token go to the configured origin only.
		expect(ossAddress(new URL('https://out.files.example.com/a.jpg'), domain)).toBeUndefined();
		expect(ossAddress(new URL('https://a.b.files.example.com/x'), domain)).toBeUndefined();
		expect(ossAddress(new URL('http://out.files.example.com/a.jpg'), domain)).toBeUndefined();
	});

	it('refuses a key that is not valid percent-encoding, naming it', () => {
		expect(() =>
			ossAddress(new URL('https://out.oss-cn-shanghai.aliyuncs.com/%E6%88.jpg'), fields()),
		).toThrow(/percent-encoded/);
	});
});

/** What the emulator's verifier would answer for the options `authenticate` returned. */
function verify(result: IHttpRequestOptions, bucket: string, object: string) {
	const headers = Object.fromEntries(
		Object.entries(result.headers ?? {}).map(([name, value]) => [
			name.toLowerCase(),
			String(value),
		]),
	);
	return verifyOssRequest({
		method: (result.method ?? 'GET').toUpperCase(),
		headers,
		bucket,
		location: 'oss-cn-shanghai',
		object,
		query: rawQueryPairs(result.url),
		receivedAt: Date.now(),
	});
}

const KEYS = [
	['AccessKey', aliyunAccessKey],
	['STS', aliyunStsKey],
] as const;

describe('authenticate on OSS requests, checked by a verifying receiver', () => {
	const api = new AliyunApi();

	it.each(
		KEYS.flatMap(([label, key]) =>
			['v1', 'v3'].map((version) => [label, version, key] as const),
		),
	)(
		'%s, %s: GET, HEAD and ListObjectsV2 in both request shapes are accepted',
		async (_label, signatureVersion, key) => {
			const credentials = {
				...key,
				securityToken: 'securityToken' in key ? key.securityToken : '',
				regionId: 'cn-shanghai',
				signatureVersion,
			};
			const host = 'https://out.oss-cn-shanghai.aliyuncs.com';
			const requests: Array<[IncomingRequestOptions, string]> = [
				[{ url: `${host}/snap/帧 1.jpg`, method: 'GET' }, 'snap/帧 1.jpg'],
				[
					Object.assign({} as IncomingRequestOptions, { uri: `${host}/a+b.jpg`, method: 'head' }),
					'a+b.jpg',
				],
				[
					Object.assign({} as IncomingRequestOptions, {
						uri: `${host}/`,
						method: 'GET',
						qs: { 'list-type': '2', prefix: '' },
						json: true,
					}),
					'',
				],
			];
			for (const [options, object] of requests) {
				const result = await api.authenticate(credentials, options);
				const sts = result.headers?.['x-oss-security-token'];
				expect(sts).toBe('securityToken' in key ? key.securityToken : undefined);
				expect(verify(result, 'out', object).accessKeyId).toBe(key.accessKeyId);
			}
		},
	);

	it('a wrong secret is refused with SignatureDoesNotMatch', async () => {
		const result = await api.authenticate(
			{ ...aliyunAccessKey, accessKeySecret: 'not-the-right-one', regionId: 'cn-shanghai' },
			{ url: 'https://out.oss-cn-shanghai.aliyuncs.com/a.jpg', method: 'GET' },
		);
		expect(() => verify(result, 'out', 'a.jpg')).toThrow(
			expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
		);
	});

	it.each([
		['a string', 'hello', 'text/plain', 'hello'],
		['a Buffer', Buffer.from([1, 2, 3]), 'application/octet-stream', Buffer.from([1, 2, 3])],
	])('sends %s body as given, its content type signed', async (_label, body, type, sent) => {
		for (const signatureVersion of ['v1', 'v3']) {
			const result = await api.authenticate(
				{ ...aliyunAccessKey, regionId: 'cn-shanghai', signatureVersion },
				{
					url: 'https://out.oss-cn-shanghai.aliyuncs.com/up.bin',
					method: 'PUT',
					body,
					headers: { 'Content-Type': type, 'X-Oss-Meta-Author': 'n8n' },
				},
			);
			expect(result.body).toEqual(sent);
			expect(result.headers).toMatchObject({ 'content-type': type, 'x-oss-meta-author': 'n8n' });
			expect(verify(result, 'out', 'up.bin').accessKeyId).toBe(aliyunAccessKey.accessKeyId);
		}
	});

	it('keeps RPC signing at "/" and MNS signing on /queues when the OSS Endpoint is the same origin', async () => {
		const emulator = 'http://127.0.0.1:9000';
		const credentials = {
			...aliyunAccessKey,
			regionId: 'cn-shanghai',
			mnsEndpoint: emulator,
			ossEndpoint: emulator,
		};
		const rpc = await api.authenticate(credentials, {
			url: `${emulator}/`,
			qs: { Action: 'QuerySnapshotJobList', Version: '2014-06-18' },
		});
		expect(String(rpc.headers?.authorization)).toMatch(/^ACS3-HMAC-SHA256 /);
		const mns = await api.authenticate(credentials, { url: `${emulator}/queues/q/messages` });
		expect(String(mns.headers?.authorization)).toMatch(/^MNS /);
		const oss = await api.authenticate(credentials, { url: `${emulator}/out/a.jpg` });
		expect(String(oss.headers?.authorization)).toMatch(/^OSS4-HMAC-SHA256 /);
		expect(oss.url).toBe(`${emulator}/out/a.jpg`);
	});
});
