/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- tests drive the official SDKs with made-up keys */
import Mts, * as $Mts from '@alicloud/mts20140618';
import OpenApi, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';
import { describe, expect, it } from 'vitest';

import { aliyunAccessKey, aliyunStsKey, ALIYUN_REGION } from '../../accounts';
import { seedVideoIds } from '../../aliyun/vod/videos';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import {
	lastRequest,
	MPS_VERSION,
	popClient,
	replaceParam,
	resend,
	VOD_VERSION,
	type AliyunTestKey,
} from '../../clients/aliyunRpc';

const UPPER_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const MINUTE = 60_000;

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { start: { jobDurationMs: 50 } });

function openApiConfig(
	key: AliyunTestKey,
	extra: Partial<$OpenApiUtil.Config> = {},
): $OpenApiUtil.Config {
	return new $OpenApiUtil.Config({
		...key,
		endpoint: `127.0.0.1:${emulator.port}`,
		protocol: 'http',
		regionId: ALIYUN_REGION,
		...extra,
	});
}

function mtsClient(
	key: AliyunTestKey = aliyunAccessKey,
	extra: Partial<$OpenApiUtil.Config> = {},
): Mts {
	return new Mts(openApiConfig(key, extra));
}

const mpsInput = JSON.stringify({
	Bucket: 'example-bucket',
	Location: 'oss-cn-shanghai',
	Object: 'videos%2Fclip.mp4',
});
const mpsSnapshotConfig = JSON.stringify({
	OutputFile: {
		Bucket: 'example-output',
		Location: 'oss-cn-shanghai',
		Object: 'snap%2F%7BCount%7D.jpg',
	},
	Time: '5',
	Num: '3',
	FrameType: 'intra',
});

function lastOutcome(): { status: number; code?: string } {
	const last = emulator.requests().at(-1);
	if (!last) throw new Error('no request recorded');
	return last.outcome;
}

describe('@alicloud/pop-core (RPC V1) against VOD', () => {
	it('accepts a signed GET GetVideoInfo and answers the documented shape', async () => {
		const body = await popClient(emulator).request<Record<string, unknown>>(
			'GetVideoInfo',
			{ VideoId: seedVideoIds.normal },
			{ method: 'GET' },
		);
		expect(body.RequestId).toMatch(UPPER_UUID);
		expect(body.Video).toMatchObject({
			VideoId: seedVideoIds.normal,
			Status: 'Normal',
			Duration: 120.5,
		});
		expect(lastRequest(emulator, 'GetVideoInfo')).toMatchObject({
			method: 'GET',
			identity: aliyunAccessKey.accessKeyId,
			outcome: { status: 200 },
		});
	});

	it('accepts a signed POST form SubmitSnapshotJob with a sprite config', async () => {
		const body = await popClient(emulator).request<{
			RequestId: string;
			SnapshotJob: { JobId: string };
		}>(
			'SubmitSnapshotJob',
			{
				VideoId: seedVideoIds.normal,
				Count: 4,
				SpriteSnapshotConfig: JSON.stringify({ Lines: 2, Columns: 2 }),
			},
			{ method: 'POST' },
		);
		expect(body.SnapshotJob.JobId).toMatch(/^[0-9a-f]{32}$/);
		const recorded = lastRequest(emulator, 'SubmitSnapshotJob');
		expect(recorded.rawUrl).toBe('/');
		expect(recorded.headers['content-type']).toBe('application/x-www-form-urlencoded');
	});

	it('accepts STS credentials that carry their SecurityToken', async () => {
		const body = await popClient(emulator, VOD_VERSION, aliyunStsKey).request<
			Record<string, unknown>
		>('GetVideoInfo', { VideoId: seedVideoIds.normal });
		expect(body.Video).toBeDefined();
	});

	it.each([
		{
			name: 'a wrong secret',
			key: { accessKeyId: aliyunAccessKey.accessKeyId, accessKeySecret: 'not-the-secret' },
			code: 'SignatureDoesNotMatch',
			status: 400,
		},
		{
			name: 'an unknown key',
			key: { accessKeyId: 'LTAI5tUnknownKey', accessKeySecret: 'x' },
			code: 'InvalidAccessKeyId.NotFound',
			status: 404,
		},
		{
			name: 'an STS key without its token',
			key: { accessKeyId: aliyunStsKey.accessKeyId, accessKeySecret: aliyunStsKey.accessKeySecret },
			code: 'InvalidSecurityToken.MismatchWithAccessKey',
			status: 400,
		},
		{
			name: 'an STS key with another token',
			key: { ...aliyunStsKey, securityToken: 'CAISsomeOtherToken' },
			code: 'InvalidSecurityToken.MismatchWithAccessKey',
			status: 400,
		},
	])('rejects $name with $code', async ({ key, code, status }) => {
		await expect(
			popClient(emulator, VOD_VERSION, key).request('GetVideoInfo', {
				VideoId: seedVideoIds.normal,
			}),
		).rejects.toMatchObject({ code });
		expect(lastOutcome()).toEqual({ status, code });
	});

	it('reports the server string to sign on a signature mismatch, as the gateway does', async () => {
		const wrong = { accessKeyId: aliyunAccessKey.accessKeyId, accessKeySecret: 'wrong' };
		const error: unknown = await popClient(emulator, VOD_VERSION, wrong)
			.request('GetVideoInfo', { VideoId: seedVideoIds.normal }, { method: 'GET' })
			.catch((caught: unknown) => caught);
		expect(error).toMatchObject({
			data: {
				Code: 'SignatureDoesNotMatch',
				HostId: expect.any(String),
				Recommend: expect.any(String),
			},
		});
		// The real gateway's wording (aliyun.md a, GitHub issues quoting it).
		expect(String((error as { data: { Message: string } }).data.Message)).toMatch(
			/^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3D/,
		);
	});

	it('rejects a GET whose parameter was changed after signing', async () => {
		await popClient(emulator).request(
			'GetVideoInfo',
			{ VideoId: seedVideoIds.normal },
			{ method: 'GET' },
		);
		const recorded = lastRequest(emulator, 'GetVideoInfo');
		const [path, query] = recorded.rawUrl.split('?');
		const tampered = await resend(emulator, recorded, {
			rawUrl: `${path}?${replaceParam(query, 'VideoId', seedVideoIds.unicode)}`,
		});
		expect(tampered.status).toBe(400);
		expect(tampered.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
	});

	it('rejects a POST whose form parameter was changed after signing', async () => {
		await popClient(emulator).request(
			'SubmitSnapshotJob',
			{ VideoId: seedVideoIds.normal, Count: 3 },
			{ method: 'POST' },
		);
		const recorded = lastRequest(emulator, 'SubmitSnapshotJob');
		const tampered = await resend(emulator, recorded, {
			body: replaceParam(recorded.body, 'Count', '30'),
		});
		expect(tampered.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
	});

	it('rejects the same request sent twice with SignatureNonceUsed', async () => {
		await popClient(emulator).request(
			'GetVideoInfo',
			{ VideoId: seedVideoIds.normal },
			{ method: 'GET' },
		);
		const replay = await resend(emulator, lastRequest(emulator, 'GetVideoInfo'));
		expect(replay.status).toBe(400);
		expect(replay.json()).toMatchObject({ Code: 'SignatureNonceUsed' });
	});

	it.each([
		{ skewMs: 16 * MINUTE, code: 'InvalidTimeStamp.Expired' },
		{ skewMs: -16 * MINUTE, code: 'InvalidTimeStamp.Expired' },
	])('rejects a timestamp $skewMs ms away from the server clock', async ({ skewMs, code }) => {
		emulator.setClockSkew(skewMs);
		await expect(
			popClient(emulator).request('GetVideoInfo', { VideoId: seedVideoIds.normal }),
		).rejects.toMatchObject({ code });
		expect(lastOutcome()).toEqual({ status: 400, code });
	});

	it('accepts a timestamp 14 minutes off', async () => {
		emulator.setClockSkew(14 * MINUTE);
		await expect(
			popClient(emulator).request('GetVideoInfo', { VideoId: seedVideoIds.normal }),
		).resolves.toBeDefined();
	});

	it('accepts V1 for MPS too', async () => {
		const body = await popClient(emulator, MPS_VERSION).request<{
			SnapshotJobList: { SnapshotJob: unknown[] };
		}>('QuerySnapshotJobList', {
			SnapshotJobIds: 'ffffffffffffffffffffffffffffffff',
		});
		expect(body).toMatchObject({
			SnapshotJobList: { SnapshotJob: [] },
			NonExistSnapshotJobIds: { String: ['ffffffffffffffffffffffffffffffff'] },
		});
	});
});

describe('@alicloud/mts20140618 Client against MPS', () => {
	it('is accepted on its default ACS3-HMAC-SHA256 path', async () => {
		const response = await mtsClient().submitSnapshotJob(
			new $Mts.SubmitSnapshotJobRequest({
				input: mpsInput,
				snapshotConfig: mpsSnapshotConfig,
				userData: 'n8n-42',
			}),
		);
		expect(response.body?.requestId).toMatch(UPPER_UUID);
		expect(response.body?.snapshotJob).toMatchObject({
			state: 'Submitted',
			userData: 'n8n-42',
			input: { bucket: 'example-bucket' },
		});
		const recorded = lastRequest(emulator, 'SubmitSnapshotJob');
		expect(recorded.headers.authorization).toMatch(
			/^ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorKey0001,SignedHeaders=/,
		);
		const id = response.body?.snapshotJob?.id ?? '';
		const listed = await mtsClient().querySnapshotJobList(
			new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: id }),
		);
		expect(listed.body?.snapshotJobList?.snapshotJob?.[0]?.id).toBe(id);
	});

	it("is accepted with signatureAlgorithm 'v2' (RPC V1 in the query)", async () => {
		const response = await mtsClient(aliyunAccessKey, {
			signatureAlgorithm: 'v2',
		}).querySnapshotJobList(new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: 'abc' }));
		expect(response.body?.nonExistSnapshotJobIds?.string).toEqual(['abc']);
		expect(lastRequest(emulator, 'QuerySnapshotJobList').rawUrl).toContain('Signature=');
	});

	it('is accepted with STS credentials (x-acs-security-token)', async () => {
		const response = await mtsClient(aliyunStsKey).querySnapshotJobList(
			new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: 'abc' }),
		);
		expect(response.statusCode).toBe(200);
		expect(lastRequest(emulator, 'QuerySnapshotJobList').headers['x-acs-security-token']).toBe(
			aliyunStsKey.securityToken,
		);
	});

	describe('tampered copies of an ACS3 request', () => {
		async function captured() {
			await mtsClient().querySnapshotJobList(
				new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: 'abc' }),
			);
			return lastRequest(emulator, 'QuerySnapshotJobList');
		}

		it('rejects a changed query parameter', async () => {
			const recorded = await captured();
			const [path, query] = recorded.rawUrl.split('?');
			const tampered = await resend(emulator, recorded, {
				rawUrl: `${path}?${replaceParam(query, 'SnapshotJobIds', 'xyz')}`,
			});
			expect(tampered.status).toBe(400);
			expect(tampered.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
			expect(String((tampered.json() as { Message: string }).Message)).toContain(
				'server string to sign is:ACS3-HMAC-SHA256\n',
			);
		});

		it('rejects a body that does not match x-acs-content-sha256', async () => {
			const recorded = await captured();
			const tampered = await resend(emulator, recorded, { body: 'State=Success' });
			expect(tampered.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
		});

		it('rejects a changed signed header', async () => {
			const recorded = await captured();
			const tampered = await resend(emulator, recorded, {
				headers: { 'x-acs-action': 'SubmitSnapshotJob' },
			});
			expect(tampered.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
		});

		it('rejects a replay with SignatureNonceUsed', async () => {
			const replay = await resend(emulator, await captured());
			expect(replay.json()).toMatchObject({ Code: 'SignatureNonceUsed' });
		});

		it('rejects a request whose STS token was removed', async () => {
			await mtsClient(aliyunStsKey).querySnapshotJobList(
				new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: 'abc' }),
			);
			const recorded = lastRequest(emulator, 'QuerySnapshotJobList');
			const tampered = await resend(emulator, recorded, {
				headers: { 'x-acs-security-token': undefined },
			});
			expect(tampered.json()).toMatchObject({ Code: 'InvalidSecurityToken.MismatchWithAccessKey' });
		});
	});

	it.each([
		{
			name: 'wrong secret',
			key: { accessKeyId: aliyunAccessKey.accessKeyId, accessKeySecret: 'wrong' },
			code: 'SignatureDoesNotMatch',
		},
		{
			name: 'unknown key',
			key: { accessKeyId: 'LTAI5tNobody', accessKeySecret: 'wrong' },
			code: 'InvalidAccessKeyId.NotFound',
		},
	])('rejects a $name', async ({ key, code }) => {
		await expect(
			mtsClient(key).querySnapshotJobList(
				new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: 'abc' }),
			),
		).rejects.toMatchObject({
			code,
		});
	});

	it('rejects an old x-acs-date', async () => {
		emulator.setClockSkew(-20 * MINUTE);
		await expect(
			mtsClient().querySnapshotJobList(
				new $Mts.QuerySnapshotJobListRequest({ snapshotJobIds: 'abc' }),
			),
		).rejects.toMatchObject({
			code: 'InvalidTimeStamp.Expired',
		});
	});
});

describe('@alicloud/openapi-core generic callApi against VOD (ACS3)', () => {
	async function getVideoInfo(key: AliyunTestKey, videoId: string) {
		const params = new $OpenApiUtil.Params({
			action: 'GetVideoInfo',
			version: VOD_VERSION,
			protocol: 'HTTPS',
			pathname: '/',
			method: 'POST',
			authType: 'AK',
			style: 'RPC',
			reqBodyType: 'formData',
			bodyType: 'json',
		});
		const request = new $OpenApiUtil.OpenApiRequest({
			query: OpenApiUtil.query({ VideoId: videoId }),
		});
		return await new OpenApi(openApiConfig(key)).callApi(
			params,
			request,
			new $dara.RuntimeOptions({}),
		);
	}

	it('is accepted and answers the documented GetVideoInfo shape', async () => {
		const response = await getVideoInfo(aliyunAccessKey, seedVideoIds.normal);
		expect(response.statusCode).toBe(200);
		expect(response.body).toMatchObject({
			RequestId: expect.stringMatching(UPPER_UUID),
			Video: { VideoId: seedVideoIds.normal, Title: 'Emulator sample clip' },
		});
		expect(lastRequest(emulator, 'GetVideoInfo').headers.authorization).toMatch(
			/^ACS3-HMAC-SHA256 /,
		);
	});

	it('gets the documented 404 for an unknown video', async () => {
		await expect(
			getVideoInfo(aliyunAccessKey, 'ffffffffffffffffffffffffffffffff'),
		).rejects.toMatchObject({ code: 'InvalidVideo.NotFound' });
		expect(lastOutcome()).toEqual({ status: 404, code: 'InvalidVideo.NotFound' });
	});
});
