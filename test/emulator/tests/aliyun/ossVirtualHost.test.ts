/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a raw HTTP client, to send a proxy's request line */
/**
 * The emulated OSS on the bucket's own host, `<bucket>.oss-<region>.aliyuncs.com`, with no DNS
 * change: a client uses the emulator's address as its HTTP proxy, so the request line carries the
 * bucket-host URL (n8n's HTTP Request node has a Proxy option; the SDK gets a proxying client). The
 * official SDK, ali-oss 6.23.0, is accepted in V1 and V4 (header and pre-signed links, STS), a
 * tampered request is refused with OSS's own code, and so is the package's credential.
 */
import { request } from 'node:http';

import { describe, expect, it } from 'vitest';

import { AliyunApi } from '../../../../credentials/AliyunApi.credentials';
import { aliyunAccessKey, aliyunStsKey } from '../../accounts';
import { aliOssClient, aliOssFailure, throughProxy, type AliOssClient } from '../../clients/aliOss';
import { TINY_JPEG } from '../../core/jpeg';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';

const BUCKET = 'mps-output';
const LOCATION = 'oss-cn-shanghai';
const BUCKET_HOST = `${BUCKET}.${LOCATION}.aliyuncs.com`;

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), {
	eachTest: () => {
		for (const key of ['snap/00001.jpg', 'snap/00002.jpg', "截图/it's (1)+.jpg", 'snap/sub/x.jpg'])
			emulator.putOssObject(BUCKET, key);
	},
});

type Key = { accessKeyId: string; accessKeySecret: string; securityToken?: string };

/** ali-oss on its default endpoint for the region, the bucket in the host, through the emulator. */
function client(options: { key?: Key; v4?: boolean; bucket?: string; region?: string } = {}) {
	const key: Key = options.key ?? aliyunAccessKey;
	return aliOssClient({
		accessKeyId: key.accessKeyId,
		accessKeySecret: key.accessKeySecret,
		stsToken: key.securityToken,
		bucket: options.bucket ?? BUCKET,
		region: options.region ?? LOCATION,
		secure: false,
		authorizationV4: options.v4,
		urllib: throughProxy(emulator.port),
	});
}

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** Sends a bucket-host URL to the emulator as to an HTTP proxy: the URL on the request line. */
async function viaProxy(
	link: string,
	options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
	const url = new URL(link);
	return await new Promise((resolve, reject) => {
		const outgoing = request(
			{
				host: '127.0.0.1',
				port: emulator.port,
				method: options.method ?? 'GET',
				path: url.href,
				headers: { ...options.headers, host: url.host },
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						headers: response.headers,
						body: Buffer.concat(chunks),
					}),
				);
			},
		);
		outgoing.on('error', reject);
		outgoing.end();
	});
}

describe('ali-oss against the emulated OSS on the bucket host', () => {
	it.each([
		['V1', false, aliyunAccessKey],
		['V4', true, aliyunAccessKey],
		['V1 + STS', false, aliyunStsKey],
		['V4 + STS', true, aliyunStsKey],
	] as const)('%s: GetObject, HeadObject, ListObjectsV2', async (_name, v4, key) => {
		const oss: AliOssClient = client({ key, v4 });
		const got = await oss.get("截图/it's (1)+.jpg");
		expect(got.content.equals(TINY_JPEG)).toBe(true);
		expect((await oss.head('snap/00001.jpg')).res.headers['content-length']).toBe(
			String(TINY_JPEG.length),
		);
		const listed = await oss.listV2({ prefix: 'snap/', delimiter: '/', 'max-keys': 1 });
		expect(listed.objects?.map((object) => object.name)).toEqual(['snap/00001.jpg']);
		const rest = await oss.listV2({
			prefix: 'snap/',
			delimiter: '/',
			'continuation-token': String(listed.nextContinuationToken),
		});
		expect(rest.objects?.map((object) => object.name)).toEqual(['snap/00002.jpg']);
		expect(rest.prefixes).toEqual(['snap/sub/']);
		// Every request reached the emulator as a proxy receives it: the bucket-host URL on the line.
		const lines = emulator.requests().map((entry) => entry.rawUrl);
		expect(lines).toHaveLength(4);
		for (const line of lines) expect(line.startsWith(`http://${BUCKET_HOST}/`)).toBe(true);
	});

	it.each([
		['V1', false],
		['V4', true],
	] as const)('%s: a wrong secret is refused with SignatureDoesNotMatch', async (_name, v4) => {
		const tampered = client({ v4, key: { ...aliyunAccessKey, accessKeySecret: 'NotTheSecret' } });
		expect(await aliOssFailure(tampered.get('snap/00001.jpg'))).toMatchObject({
			status: 403,
			code: 'SignatureDoesNotMatch',
		});
		expect(await aliOssFailure(tampered.head('snap/00001.jpg'))).toMatchObject({
			status: 403,
			code: 'SignatureDoesNotMatch',
		});
	});

	it("tells NoSuchKey, NoSuchBucket, AccessDenied on another region's host and unsigned requests", async () => {
		expect(await aliOssFailure(client().get('missing.jpg'))).toMatchObject({
			status: 404,
			code: 'NoSuchKey',
		});
		expect(await aliOssFailure(client({ bucket: 'no-such-bucket' }).get('a.jpg'))).toMatchObject({
			status: 404,
			code: 'NoSuchBucket',
		});
		expect(
			await aliOssFailure(client({ region: 'oss-cn-beijing' }).get('snap/00001.jpg')),
		).toMatchObject({ status: 403, code: 'AccessDenied' });
		const unsigned = await viaProxy(`http://${BUCKET_HOST}/snap/00001.jpg`);
		expect(unsigned.status).toBe(403);
		expect(unsigned.body.toString()).toContain('<Code>AccessDenied</Code>');
		expect(unsigned.headers['x-oss-request-id']).toBeTruthy();
	});

	it('accepts V1 and V4 pre-signed links for the bucket host and refuses tampered ones', async () => {
		const key = "截图/it's (1)+.jpg";
		const v1 = client().signatureUrl(key, { expires: 60 });
		const v4 = await client().signatureUrlV4('GET', 60, {}, key);
		const sts = client({ key: aliyunStsKey }).signatureUrl(key, { expires: 60 });
		for (const link of [v1, v4, sts]) {
			expect(new URL(link).host).toBe(BUCKET_HOST);
			const answer = await viaProxy(link);
			expect(answer.status).toBe(200);
			expect(answer.body.equals(TINY_JPEG)).toBe(true);
		}
		const other = new URL(v4);
		other.pathname = '/snap/00001.jpg';
		const tampered = await viaProxy(other.href);
		expect(tampered.status).toBe(403);
		expect(tampered.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');
		expect((await viaProxy(v1, { method: 'HEAD' })).status).toBe(403);
	});
});

describe("the package's aliyunApi credential against the emulated bucket host", () => {
	it.each([
		['V1', 'v1', aliyunAccessKey],
		['V3 (OSS V4)', 'v3', aliyunAccessKey],
		['V1 + STS', 'v1', aliyunStsKey],
		['V3 (OSS V4) + STS', 'v3', aliyunStsKey],
	] as const)(
		'%s: GET, HEAD and a listing are accepted; a wrong secret is not',
		async (...args) => {
			const [, signatureVersion, key] = args;
			const credentials = { ...key, regionId: 'cn-shanghai', signatureVersion };
			const api = new AliyunApi();
			const send = async (url: string, method: 'GET' | 'HEAD', secret = key.accessKeySecret) => {
				const signed = await api.authenticate(
					{ ...credentials, accessKeySecret: secret },
					{
						url,
						method,
					},
				);
				return await viaProxy(signed.url, {
					method,
					headers: signed.headers as Record<string, string>,
				});
			};
			const object = `http://${BUCKET_HOST}/${encodeURIComponent("截图/it's (1)+.jpg")}`;
			const got = await send(object, 'GET');
			expect(got.status).toBe(200);
			expect(got.body.equals(TINY_JPEG)).toBe(true);
			expect((await send(object, 'HEAD')).status).toBe(200);
			const listing = await send(`http://${BUCKET_HOST}/?list-type=2&prefix=snap%2F`, 'GET');
			expect(listing.body.toString()).toContain('<Key>snap/00002.jpg</Key>');
			const refused = await send(object, 'GET', 'not-the-secret');
			expect(refused.status).toBe(403);
			expect(refused.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');
		},
	);
});
