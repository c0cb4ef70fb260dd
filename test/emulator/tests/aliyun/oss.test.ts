/**
 * The emulator's OSS is checked with the official SDK, ali-oss 6.23.0: what the SDK signs is
 * accepted (V1 and V4, header and pre-signed URL, STS), a tampered request is refused with OSS's
 * own code. The emulator verifies with the project's signer steps; agreeing with ali-oss here is
 * what keeps those steps honest.
 */
import { describe, expect, it } from 'vitest';

import { aliyunAccessKey, aliyunStsKey } from '../../accounts';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { aliOssClient, type AliOssClient, type AliOssError } from '../../clients/aliOss';
import { callRpc, MPS_VERSION, waitFor } from '../../clients/aliyunRpc';
import { TINY_JPEG } from '../../core/jpeg';

const BUCKET = 'mps-output';
const LOCATION = 'oss-cn-shanghai';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(20) });

type Key = { accessKeyId: string; accessKeySecret: string; securityToken?: string };

function client(options: { key?: Key; v4?: boolean; host?: string } = {}): AliOssClient {
	const key: Key = options.key ?? aliyunAccessKey;
	return aliOssClient({
		accessKeyId: key.accessKeyId,
		accessKeySecret: key.accessKeySecret,
		stsToken: key.securityToken,
		bucket: BUCKET,
		region: LOCATION,
		endpoint: `http://${options.host ?? '127.0.0.1'}:${emulator.port}`,
		sldEnable: true,
		authorizationV4: options.v4,
	});
}

async function failure(promise: Promise<unknown>): Promise<AliOssError> {
	try {
		await promise;
	} catch (error) {
		return error as AliOssError;
	}
	throw new Error('expected the SDK call to fail');
}

/** A link made for `localhost` (ali-oss refuses an IP for links) sent to the emulator's address. */
async function fetchLink(link: string, method = 'GET'): Promise<Response> {
	return await fetch(link.replace(`//localhost:${emulator.port}`, `//127.0.0.1:${emulator.port}`), {
		method,
	});
}

async function finishedMpsJob(config: Record<string, unknown>): Promise<string> {
	const body = await callRpc<{ SnapshotJob: { Id: string } }>(
		emulator,
		'SubmitSnapshotJob',
		{
			Input: JSON.stringify({ Bucket: 'in', Location: LOCATION, Object: 'v.mp4' }),
			SnapshotConfig: JSON.stringify(config),
		},
		{ version: MPS_VERSION },
	);
	const id = body.SnapshotJob.Id;
	await waitFor(() => (emulator.mpsJob(id)?.state === 'Success' ? true : undefined));
	return id;
}

describe('OSS objects MPS writes', () => {
	it('writes {Count} images (URL-encoded key decoded once) and {TileCount} sprite sheets', async () => {
		await finishedMpsJob({
			OutputFile: {
				Bucket: BUCKET,
				Location: LOCATION,
				Object: encodeURIComponent('截图 1/{Count}.jpg'),
			},
			Num: '3',
			Time: '0',
			TileOut: { Lines: '1', Columns: '2' },
			TileOutputFile: { Bucket: BUCKET, Location: LOCATION, Object: 'tiles%2F%7BTileCount%7D.jpg' },
		});
		expect(emulator.ossKeys(BUCKET)).toEqual([
			'tiles/00001.jpg',
			'tiles/00002.jpg',
			'截图 1/00001.jpg',
			'截图 1/00002.jpg',
			'截图 1/00003.jpg',
		]);
	});
});

describe('ali-oss against the emulated OSS', () => {
	it.each([
		['V1', false, aliyunAccessKey],
		['V4', true, aliyunAccessKey],
		['V1 + STS', false, aliyunStsKey],
		['V4 + STS', true, aliyunStsKey],
	] as const)(
		'%s header signature: GetObject, HeadObject, ListObjectsV2 pages',
		async (_name, v4, key) => {
			for (const name of [
				'snap/00001.jpg',
				'snap/00002.jpg',
				"odd~*(1)/it's!+.jpg",
				'snap/sub/x.jpg',
			])
				emulator.putOssObject(BUCKET, name);
			const oss = client({ key, v4 });
			const got = await oss.get("odd~*(1)/it's!+.jpg");
			expect(got.res.status).toBe(200);
			expect(Buffer.compare(got.content, TINY_JPEG)).toBe(0);
			expect((await oss.head('snap/00001.jpg')).res.headers['content-length']).toBe(
				String(TINY_JPEG.length),
			);
			const first = await oss.listV2({ prefix: 'snap/', 'max-keys': 1, delimiter: '/' });
			expect(first.objects?.map((object) => object.name)).toEqual(['snap/00001.jpg']);
			expect(first.isTruncated).toBe(true);
			const rest = await oss.listV2({
				prefix: 'snap/',
				'max-keys': 10,
				delimiter: '/',
				'continuation-token': String(first.nextContinuationToken),
			});
			expect(rest.objects?.map((object) => object.name)).toEqual(['snap/00002.jpg']);
			expect(rest.prefixes).toEqual(['snap/sub/']);
			expect(rest.isTruncated).toBe(false);
		},
	);

	it.each([
		['V1', false],
		['V4', true],
	] as const)('%s: a wrong secret is refused with SignatureDoesNotMatch', async (_name, v4) => {
		emulator.putOssObject(BUCKET, 'a.jpg');
		const error = await failure(
			client({ v4, key: { ...aliyunAccessKey, accessKeySecret: 'NotTheSecret' } }).get('a.jpg'),
		);
		expect(error).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
	});

	it('refuses STS without its token, an unknown key id, and tells NoSuchKey on GET and HEAD', async () => {
		emulator.putOssObject(BUCKET, 'a.jpg');
		const noToken = {
			accessKeyId: aliyunStsKey.accessKeyId,
			accessKeySecret: aliyunStsKey.accessKeySecret,
		};
		expect(await failure(client({ key: noToken }).get('a.jpg'))).toMatchObject({
			status: 403,
			code: 'InvalidSecurityToken',
		});
		expect(
			await failure(
				client({ key: { ...aliyunAccessKey, accessKeyId: 'LTAI5tNobody' } }).get('a.jpg'),
			),
		).toMatchObject({
			code: 'InvalidAccessKeyId',
		});
		expect(await failure(client().get('missing.jpg'))).toMatchObject({
			status: 404,
			code: 'NoSuchKey',
		});
		expect(await failure(client({ v4: true }).head('missing.jpg'))).toMatchObject({
			status: 404,
			code: 'NoSuchKey',
		});
	});

	it('accepts V1 and V4 pre-signed links and refuses tampered, expired, re-purposed and unsigned ones', async () => {
		emulator.putOssObject(BUCKET, '截图/a b+1.jpg');
		emulator.putOssObject(BUCKET, 'other.jpg');
		const links = client({ host: 'localhost' });
		const v1 = links.signatureUrl('截图/a b+1.jpg', { expires: 60 });
		const v4 = await links.signatureUrlV4('GET', 60, {}, '截图/a b+1.jpg');
		const sts = client({ host: 'localhost', key: aliyunStsKey }).signatureUrl('截图/a b+1.jpg', {
			expires: 60,
		});
		for (const link of [v1, v4, sts]) {
			const response = await fetchLink(link);
			expect(response.status).toBe(200);
			expect(Buffer.from(await response.arrayBuffer()).equals(TINY_JPEG)).toBe(true);
		}
		const tampered = await fetchLink(v4.replace('%E6%88%AA%E5%9B%BE/a%20b%2B1.jpg', 'other.jpg'));
		expect(tampered.status).toBe(403);
		expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
		expect((await fetchLink(v1, 'HEAD')).status).toBe(403);
		const expired = links.signatureUrl('other.jpg', { expires: -5 });
		expect(await (await fetchLink(expired)).text()).toContain('<Code>AccessDenied</Code>');
		const unsigned = await fetch(`${emulator.url}/${BUCKET}/other.jpg`);
		expect(unsigned.status).toBe(403);
		expect(unsigned.headers.get('x-oss-request-id')).toBeTruthy();
	});
});
