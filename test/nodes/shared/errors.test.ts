/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { classifyError, toNodeApiError } from '../../../nodes/shared/errors';
import type { ErrorKind, ErrorProvider } from '../../../nodes/shared/errors';

const node: INode = {
	id: 'n1',
	name: 'Alibaba Cloud VOD',
	type: 'n8n-nodes-video-snapshots.aliyunVod',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const SECRET = 'SecretKeyValue-9f8e7d6c5b4a';
const AUTHORIZATION =
	'ACS3-HMAC-SHA256 Credential=LTAIexample,SignedHeaders=host;x-acs-date,Signature=0123456789abcdefSIGNATUREHEADER';
const QUERY_SIGNATURE = 'QUERYSIGNATUREvalue%2Bxyz%3D';

interface FakeResponse {
	status: number;
	headers?: Record<string, string>;
	data?: unknown;
}

/** Shaped like what n8n-core throws: NodeApiError(node, AxiosError) with the request config attached. */
function n8nHttpError(
	response: FakeResponse | undefined,
	options: { code?: string; message?: string } = {},
) {
	const config = {
		url: `https://vod.cn-shanghai.aliyuncs.com/?Action=GetVideoInfo&AccessKeyId=LTAIexample&Signature=${QUERY_SIGNATURE}`,
		headers: { Authorization: AUTHORIZATION, 'x-acs-security-token': SECRET },
		auth: { username: 'LTAIexample', password: SECRET },
	};
	const axiosError = Object.assign(
		new Error(
			options.message ??
				(response ? `Request failed with status code ${response.status}` : 'network'),
		),
		{
			name: 'AxiosError',
			isAxiosError: true,
			code: options.code ?? (response ? 'ERR_BAD_REQUEST' : undefined),
			config,
			request: {
				_header: `POST /?Signature=${QUERY_SIGNATURE} HTTP/1.1\r\nAuthorization: ${AUTHORIZATION}`,
			},
			response: response && {
				status: response.status,
				statusText: 'Error',
				headers: response.headers ?? {},
				data: response.data,
				config,
			},
		},
	);
	// n8n-core passes the AxiosError itself, which the JsonObject parameter type does not describe.
	const wrapped: NodeApiError = Reflect.construct(NodeApiError, [node, axiosError]);
	return wrapped;
}

function classify(provider: ErrorProvider, response: FakeResponse) {
	return classifyError(provider, n8nHttpError(response));
}

describe('classifyError — Alibaba Cloud codes (aliyun.md §f)', () => {
	it.each<[string, number, ErrorKind]>([
		['Throttling', 400, 'throttled'],
		['Throttling.User', 400, 'throttled'],
		['Throttling.Api', 503, 'throttled'],
		['ServiceUnavailable', 503, 'server'],
		['ServiceUnAvailable', 503, 'server'],
		['InternalError', 500, 'server'],
		['TransientNetWorkError', 400, 'server'],
		['SignatureDoesNotMatch', 400, 'auth'],
		['IncompleteSignature', 400, 'auth'],
		['InvalidAccessKeyId.NotFound', 404, 'auth'],
		['InvalidAccessKeyId.Inactive', 400, 'auth'],
		['InvalidSecurityToken.Expired', 400, 'auth'],
		['InvalidSecurityToken.Malformed', 403, 'auth'],
		['InvalidTimeStamp.Expired', 400, 'clock'],
		['SignatureNonceUsed', 400, 'nonce'],
		['Forbidden.RAM', 403, 'permission'],
		['Forbidden', 403, 'permission'],
		['Forbidden.NoPermission', 400, 'permission'],
		['InvalidParameter', 400, 'client'],
		['MissingVideoId', 400, 'client'],
		['InvalidTimeStamp.Format', 400, 'client'],
		['UnknownError', 500, 'server'],
	])('%s (HTTP %i) is %s', (code, status, kind) => {
		const classified = classify('aliyun', {
			status,
			data: {
				RequestId: 'REQ-1',
				HostId: 'vod.cn-shanghai.aliyuncs.com',
				Code: code,
				Message: `msg ${code}`,
			},
		});
		expect(classified).toMatchObject({
			provider: 'aliyun',
			kind,
			code,
			message: `msg ${code}`,
			httpStatus: status,
			requestId: 'REQ-1',
		});
	});

	it.each<[number, ErrorKind]>([
		[429, 'throttled'],
		[500, 'server'],
		[503, 'server'],
		[401, 'auth'],
		[403, 'permission'],
		[404, 'client'],
	])('falls back to the HTTP status %i without a code: %s', (status, kind) => {
		expect(classify('aliyun', { status, data: '' }).kind).toBe(kind);
	});

	it('reads an XML error body', () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId>\n' +
			'  <HostId>vod.cn-shanghai.aliyuncs.com</HostId>\n  <Code>Throttling.User</Code>\n' +
			'  <Message>Request was denied due to user flow control.</Message>\n</Error>';
		expect(classify('aliyun', { status: 400, data: xml })).toMatchObject({
			kind: 'throttled',
			code: 'Throttling.User',
			message: 'Request was denied due to user flow control.',
			requestId: '4C467B38-3910-447D-87BC-AC049166F216',
		});
	});

	it('reads a JSON body that arrived as a string', () => {
		const body = JSON.stringify({
			RequestId: 'R-2',
			Code: 'Forbidden.RAM',
			Message: 'User not authorized',
		});
		expect(classify('aliyun', { status: 403, data: body })).toMatchObject({
			kind: 'permission',
			code: 'Forbidden.RAM',
			requestId: 'R-2',
		});
	});

	it('takes the request id from x-acs-request-id when the body has none', () => {
		expect(
			classify('aliyun', { status: 503, headers: { 'X-Acs-Request-Id': 'HDR-9' }, data: '' }),
		).toMatchObject({
			kind: 'server',
			requestId: 'HDR-9',
		});
	});

	it('reads Retry-After in seconds', () => {
		expect(classify('aliyun', { status: 429, headers: { 'retry-after': '3' } }).retryAfterMs).toBe(
			3000,
		);
	});
});

describe('classifyError — MNS XML', () => {
	it('reads the namespaced <Error> with entities and x-mns-request-id', () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?><Error xmlns="http://mns.aliyuncs.com/doc/v1/">' +
			'<Code>SignatureDoesNotMatch</Code><Message>The request signature &amp; the &lt;calculated&gt; one differ</Message>' +
			'<HostId>http://1.mns.cn-shanghai.aliyuncs.com</HostId></Error>';
		expect(
			classify('mns', { status: 403, headers: { 'x-mns-request-id': 'MNS-REQ' }, data: xml }),
		).toMatchObject({
			provider: 'mns',
			kind: 'auth',
			code: 'SignatureDoesNotMatch',
			message: 'The request signature & the <calculated> one differ',
			requestId: 'MNS-REQ',
		});
	});
});

describe('classifyError — MNS codes (MNS "Error codes" and "Throttling policy" pages)', () => {
	const mnsXml = (code: string) =>
		`<?xml version="1.0" encoding="UTF-8"?><Error xmlns="http://mns.aliyuncs.com/doc/v1/"><Code>${code}</Code><Message>m</Message><RequestId>R</RequestId></Error>`;

	it.each<[string, number, ErrorKind]>([
		['TooManyRequests', 429, 'throttled'],
		['InternalError', 500, 'server'],
		['InternalServerError', 500, 'server'],
		['SignatureDoesNotMatch', 403, 'auth'],
		['InvalidAccessKeyId', 403, 'auth'],
		['InvalidAuthorizationHeader', 400, 'auth'],
		['AccessDenied', 403, 'permission'],
		['TimeExpired', 403, 'clock'],
		['QueueNotExist', 404, 'client'],
		['MessageNotExist', 404, 'client'],
		['ReceiptHandleError', 400, 'client'],
		['InvalidArgument', 400, 'client'],
	])('%s (HTTP %i) is %s', (code, status, kind) => {
		expect(classify('mns', { status, data: mnsXml(code) })).toMatchObject({
			provider: 'mns',
			kind,
			code,
			requestId: 'R',
		});
	});

	it('explains QueueNotExist instead of the generic 404 hint', () => {
		const classified = classify('mns', { status: 404, data: mnsXml('QueueNotExist') });
		const error = toNodeApiError(node, classified, undefined);
		expect(error.description).toContain('check the queue name');
		expect(error.description).not.toContain('The API was not found');
	});
});

describe('classifyError — Huawei Cloud codes (huawei.md §1.7, §5)', () => {
	it.each<[string, number, ErrorKind]>([
		['APIGW.0301', 401, 'auth'],
		['APIG.0301', 401, 'auth'],
		['APIGW.0308', 429, 'throttled'],
		['APIG.0308', 429, 'throttled'],
		['APIGW.0302', 403, 'permission'],
		['APIGW.0101', 404, 'client'],
		['APIGW.0201', 502, 'server'],
		['APIGW.0201', 400, 'client'],
		['VOD.10053', 400, 'client'],
		['VOD.10062', 403, 'client'],
		['VOD.10051', 403, 'client'],
	])('%s (HTTP %i) is %s', (code, status, kind) => {
		const classified = classify('huawei', {
			status,
			data: { error_code: code, error_msg: `msg ${code}`, request_id: 'hw-req' },
		});
		expect(classified).toMatchObject({
			provider: 'huawei',
			kind,
			code,
			message: `msg ${code}`,
			requestId: 'hw-req',
		});
	});

	it('treats a 5xx without a code as a server error and reads X-Request-Id', () => {
		expect(
			classify('huawei', { status: 500, headers: { 'X-Request-Id': 'hdr-id' }, data: '' }),
		).toMatchObject({
			kind: 'server',
			requestId: 'hdr-id',
			httpStatus: 500,
		});
	});

	it('reads the {"error":{"code","message"}} shape', () => {
		expect(
			classify('huawei', {
				status: 400,
				data: { error: { code: 'VOD.10081', message: 'illegal' } },
			}),
		).toMatchObject({ kind: 'client', code: 'VOD.10081', message: 'illegal' });
	});
});

describe('classifyError — failures without a response', () => {
	it.each<[string | undefined, string, ErrorKind]>([
		['ECONNRESET', 'read ECONNRESET', 'network'],
		['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'network'],
		['ENOTFOUND', 'getaddrinfo ENOTFOUND vod.nowhere.aliyuncs.com', 'network'],
		['EAI_AGAIN', 'getaddrinfo EAI_AGAIN vod.cn-shanghai.aliyuncs.com', 'network'],
		[undefined, 'socket hang up', 'network'],
		['ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443', 'timeout'],
		['ECONNABORTED', 'timeout of 5000ms exceeded', 'timeout'],
		[undefined, 'timeout of 100ms exceeded', 'timeout'],
	])('%s / "%s" is %s', (code, message, kind) => {
		const classified = classifyError('aliyun', n8nHttpError(undefined, { code, message }));
		expect(classified.kind).toBe(kind);
		expect(classified.networkCode).toBe(code);
		expect(classified.httpStatus).toBeUndefined();
	});

	it('reports an unrecognised failure as a client error', () => {
		expect(classifyError('aliyun', new Error('Signing failed: missing AccessKey ID')).kind).toBe(
			'client',
		);
	});
});

describe('toNodeApiError', () => {
	it('builds "<Code>: <message>" with status, request id and a hint', () => {
		const original = n8nHttpError({
			status: 400,
			data: {
				RequestId: 'RID-7',
				Code: 'InvalidTimeStamp.Expired',
				Message: 'Specified time stamp or date value is expired.',
			},
		});
		const error = toNodeApiError(
			node,
			classifyError('aliyun', original),
			original,
			2,
			'GetVideoInfo',
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'InvalidTimeStamp.Expired: Specified time stamp or date value is expired.',
		);
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain('15 minutes');
		expect(error.description).toContain('Error code: InvalidTimeStamp.Expired.');
		expect(error.description).toContain('Request ID: RID-7.');
		expect(error.context.itemIndex).toBe(2);
		expect(error.errorResponse).toMatchObject({
			code: 'InvalidTimeStamp.Expired',
			requestId: 'RID-7',
			httpStatus: 400,
		});
	});

	it('names the action in a permission hint', () => {
		const original = n8nHttpError({
			status: 403,
			data: {
				Code: 'Forbidden.RAM',
				Message: 'User not authorized to operate on the specified resource.',
			},
		});
		const error = toNodeApiError(
			node,
			classifyError('aliyun', original),
			original,
			0,
			'SubmitSnapshotJob',
		);
		expect(error.description).toContain('"SubmitSnapshotJob"');
		expect(error.description).toContain('RAM');
		expect(error.failure).toEqual({ cause: 'configuration-invalid' });
	});

	it('warns about the Huawei 5-minute lockout on an auth failure', () => {
		const original = n8nHttpError({
			status: 401,
			data: { error_code: 'APIGW.0301', error_msg: 'verify aksk signature fail', request_id: 'h1' },
		});
		const error = toNodeApiError(node, classifyError('huawei', original), original);
		expect(error.message).toBe('APIGW.0301: verify aksk signature fail');
		expect(error.description).toContain('5 minutes');
		expect(error.failure).toEqual({ cause: 'credential-invalid' });
	});

	it('declares rate limiting with the wait the server asked for', () => {
		const original = n8nHttpError({
			status: 429,
			headers: { 'Retry-After': '2' },
			data: { error_code: 'APIGW.0308', error_msg: 'over ratelimit' },
		});
		const error = toNodeApiError(node, classifyError('huawei', original), original);
		expect(error.failure).toEqual({ cause: 'rate-limited', retryAfterMs: 2000 });
	});

	it('hints at the endpoint for a wrong path', () => {
		const original = n8nHttpError({
			status: 404,
			data: {
				error_code: 'APIGW.0101',
				error_msg: 'The API does not exist or has not been published in the environment',
			},
		});
		expect(toNodeApiError(node, classifyError('huawei', original), original).description).toContain(
			'region or endpoint',
		);
	});

	it('never carries the secret, the Authorization header or the Signature', () => {
		const original = n8nHttpError({
			status: 400,
			data: {
				RequestId: 'R',
				Code: 'SignatureDoesNotMatch',
				Message: `Specified signature is not matched with our calculation. Signature=${QUERY_SIGNATURE}`,
			},
		});
		const error = toNodeApiError(node, classifyError('aliyun', original), original);
		const texts = [
			JSON.stringify(error),
			JSON.stringify(error.errorResponse),
			JSON.stringify(error.context),
			error.message,
			error.description ?? '',
			error.messages.join('\n'),
			error.stack ?? '',
		];
		for (const text of texts) {
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain(AUTHORIZATION);
			expect(text).not.toContain('SIGNATUREHEADER');
			expect(text).not.toContain(QUERY_SIGNATURE);
		}
		expect(error.cause).toBeUndefined();
		expect(error.message).toContain('SignatureDoesNotMatch');
	});

	it("drops the gateway's echoed string to sign, which carries an STS token percent-encoded", () => {
		// The real V1 message ends with the server's string to sign (aliyun.md §a "Debug aid").
		const stsToken = 'CAISStsTokenValue+/=0001';
		const encodedTwice = encodeURIComponent(encodeURIComponent(stsToken));
		const original = n8nHttpError({
			status: 400,
			data: {
				RequestId: 'R',
				Code: 'SignatureDoesNotMatch',
				Message: `Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3DSTS.x%26SecurityToken%3D${encodedTwice}%26Version%3D2017-03-21`,
			},
		});
		const error = toNodeApiError(node, classifyError('aliyun', original), original);
		for (const text of [JSON.stringify(error), error.message, error.description ?? '']) {
			expect(text).not.toContain(encodedTwice);
			expect(text).not.toContain(encodeURIComponent(stsToken));
		}
		expect(error.message).toContain('server string to sign is: [omitted]');
	});
});
