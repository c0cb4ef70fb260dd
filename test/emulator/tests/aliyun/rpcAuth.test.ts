import { describe, expect, it } from 'vitest';

import { signAcs3 } from '../../../../credentials/signing/aliyunAcs3';
import { signRpcV1 } from '../../../../credentials/signing/aliyunRpcV1';
import { mnsDate, signMnsRequest } from '../../../../credentials/signing/mns';
import { encodeQuery } from '../../../../credentials/signing/percentEncode';
import { aliyunAccessKey, aliyunStsKey } from '../../accounts';
import { seedVideoIds } from '../../aliyun/vod/videos';
import { isoSeconds } from '../../core/ids';
import { emulatorPerFile } from '../../lifecycle';
import type { Emulator } from '../../server';
import { send, VOD_VERSION } from '../../clients/aliyunRpc';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

let nonce = 0;

/** An ACS3 request for GetVideoInfo whose parameters travel in a form body (aliyun.md b). */
function formBodyRequest(extraHeaders: Record<string, string> = {}) {
	const body = encodeQuery([['VideoId', seedVideoIds.normal]]);
	const signed = signAcs3({
		method: 'POST',
		path: '/',
		query: [],
		body,
		host: `127.0.0.1:${emulator.port}`,
		action: 'GetVideoInfo',
		version: VOD_VERSION,
		timestamp: isoSeconds(Date.now()),
		nonce: `form-body-${nonce++}`,
		...aliyunAccessKey,
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...extraHeaders },
	});
	return { body, headers: signed.headers };
}

describe('Aliyun gateway authentication details', () => {
	it('accepts ACS3 with the parameters in a signed form body', async () => {
		const { body, headers } = formBodyRequest();
		const response = await send(emulator, 'POST', '/', headers, body);
		expect(response.status).toBe(200);
		expect(response.json()).toMatchObject({ Video: { VideoId: seedVideoIds.normal } });
	});

	it('rejects an x-acs-* header left out of SignedHeaders with IncompleteSignature', async () => {
		const { body, headers } = formBodyRequest();
		const response = await send(
			emulator,
			'POST',
			'/',
			{ ...headers, 'x-acs-extra': 'unsigned' },
			body,
		);
		expect(response.json()).toMatchObject({ Code: 'IncompleteSignature' });
	});

	it('rejects a malformed Authorization header with IncompleteSignature', async () => {
		const { body, headers } = formBodyRequest();
		const response = await send(
			emulator,
			'POST',
			'/',
			{ ...headers, authorization: 'ACS3-HMAC-SHA256 Credential=x' },
			body,
		);
		expect(response.json()).toMatchObject({ Code: 'IncompleteSignature' });
	});

	it('rejects an unknown API version', async () => {
		const response = await send(emulator, 'GET', '/?Action=GetVideoInfo&Version=2099-01-01');
		expect(response.status).toBe(400);
		expect(response.json()).toMatchObject({ Code: 'InvalidVersion' });
	});

	it('asks for a missing V1 signature parameter by name', async () => {
		const response = await send(
			emulator,
			'GET',
			`/?Action=GetVideoInfo&Version=${VOD_VERSION}&AccessKeyId=${aliyunAccessKey.accessKeyId}`,
		);
		expect(response.json()).toMatchObject({ Code: 'MissingSignature' });
	});

	it('gives every response a RequestId in upper-case UUID form, errors included', async () => {
		const response = await send(emulator, 'GET', '/?Action=GetVideoInfo&Version=2099-01-01');
		expect(response.json()).toMatchObject({
			RequestId: expect.stringMatching(
				/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
			),
			HostId: `127.0.0.1:${emulator.port}`,
			Recommend: expect.stringContaining('https://api.aliyun.com/troubleshoot?q=InvalidVersion'),
		});
	});
});

describe("the project's own signers against the emulator", () => {
	it('signRpcV1 over a POST form body is accepted', async () => {
		const signed = signRpcV1({
			method: 'POST',
			params: [
				['Action', 'GetVideoInfo'],
				['Version', VOD_VERSION],
				['VideoId', seedVideoIds.unicode],
			],
			...aliyunStsKey,
			timestamp: isoSeconds(Date.now()),
			nonce: 'project-signer-v1',
		});
		const response = await send(
			emulator,
			'POST',
			'/',
			{ 'content-type': 'application/x-www-form-urlencoded' },
			signed.signedQuery,
		);
		expect(response.json()).toMatchObject({ Video: { Title: '截图 测试 clip' } });
	});

	it('signMnsRequest with STS credentials is accepted by the queue API', async () => {
		emulator.createQueue('signed');
		const resource = '/queues/signed/messages?waitseconds=0';
		const signed = signMnsRequest({
			verb: 'GET',
			resource,
			body: '',
			date: mnsDate(new Date()),
			...aliyunStsKey,
		});
		const response = await send(emulator, 'GET', resource, signed.headers);
		expect(response.status).toBe(404);
		expect(response.text).toContain('<Code>MessageNotExist</Code>');
	});
});
