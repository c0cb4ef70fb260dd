import { describe, expect, it } from 'vitest';

import { toNodeApiError } from '../../../../../nodes/shared/errors';
import type { ErrorKind } from '../../../../../nodes/shared/errors';
import { classify, node } from '../httpErrors';

/** OSS's `<Error>` as aliyun.md §i shows it, SignatureDoesNotMatch's echo elements included. */
function ossXml(code: string, extra = ''): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error>' +
		`<Code>${code}</Code><Message>Message of ${code}</Message>` +
		'<RequestId>5C3D9175B6FC201293AD0001</RequestId>' +
		`<HostId>example-output.oss-cn-shanghai.aliyuncs.com</HostId>${extra}<EC>0002-00000040</EC></Error>`
	);
}

describe('classifyError — OSS XML', () => {
	it.each<[string, number, ErrorKind]>([
		['SignatureDoesNotMatch', 403, 'auth'],
		['InvalidAccessKeyId', 403, 'auth'],
		['InvalidSecurityToken', 403, 'auth'],
		['SecurityTokenExpired', 403, 'auth'],
		['AccessKeyIdAndSecurityTokenNotMatch', 403, 'auth'],
		['RequestTimeTooSkewed', 403, 'clock'],
		['AccessDenied', 403, 'permission'],
		['NoSuchKey', 404, 'client'],
		['NoSuchBucket', 404, 'client'],
		['InternalError', 500, 'server'],
		['ServiceUnavailable', 503, 'server'],
	])('%s (HTTP %i) is %s, with message and request id', (code, status, kind) => {
		expect(classify('oss', { status, data: ossXml(code) })).toEqual({
			provider: 'oss',
			kind,
			code,
			message: `Message of ${code}`,
			httpStatus: status,
			requestId: '5C3D9175B6FC201293AD0001',
			retryAfterMs: undefined,
		});
	});

	it('becomes a NodeApiError with code, message, status and request id; the echoed string to sign is dropped', () => {
		const xml = ossXml(
			'SignatureDoesNotMatch',
			'<StringToSign>GET\n\n\nThu, 02 Jan 2025 03:04:05 GMT\n/example-output/a.jpg</StringToSign><OSSAccessKeyId>LTAIexample</OSSAccessKeyId>',
		);
		const error = toNodeApiError(node, classify('oss', { status: 403, data: xml }), undefined);
		expect(error.message).toBe('SignatureDoesNotMatch: Message of SignatureDoesNotMatch');
		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('Error code: SignatureDoesNotMatch.');
		expect(error.description).toContain('Request ID: 5C3D9175B6FC201293AD0001.');
		expect(error.description).toContain('Alibaba Cloud OSS credential');
		expect(JSON.stringify(error)).not.toContain('/example-output/a.jpg');
	});

	it('names the RAM actions on AccessDenied and explains NoSuchKey and NoSuchBucket', () => {
		const hint = (code: string, status: number) =>
			toNodeApiError(node, classify('oss', { status, data: ossXml(code) }), undefined).description;
		expect(hint('AccessDenied', 403)).toMatch(/oss:GetObject.*oss:ListObjects/);
		expect(hint('NoSuchKey', 404)).toContain('wait until the job has finished');
		expect(hint('NoSuchBucket', 404)).toContain("bucket's region");
	});
});

describe('classifyError — OSS HEAD errors (no body)', () => {
	it('reads the base64 <Error> of x-oss-err when OSS sends it', () => {
		const headers = {
			'x-oss-request-id': 'HEAD-REQ-1',
			'x-oss-err': Buffer.from(ossXml('NoSuchBucket')).toString('base64'),
		};
		expect(classify('oss', { status: 404, headers, data: '' })).toMatchObject({
			kind: 'client',
			code: 'NoSuchBucket',
			message: 'Message of NoSuchBucket',
			requestId: '5C3D9175B6FC201293AD0001',
			httpStatus: 404,
		});
	});

	it('maps a bare 404 to NoSuchKey as the official SDK does, with x-oss-request-id and x-oss-ec', () => {
		const classified = classify('oss', {
			status: 404,
			headers: { 'x-oss-request-id': 'HEAD-REQ-2', 'x-oss-ec': '0026-00000001' },
		});
		expect(classified).toMatchObject({
			code: 'NoSuchKey',
			requestId: 'HEAD-REQ-2',
			httpStatus: 404,
		});
		const error = toNodeApiError(node, classified, undefined);
		expect(error.message).toContain('EC 0026-00000001');
		expect(error.description).toContain('Request ID: HEAD-REQ-2.');
	});

	it('a bare 403 has no code: the status decides (permission), the request id is kept', () => {
		expect(
			classify('oss', { status: 403, headers: { 'x-oss-request-id': 'HEAD-REQ-3' } }),
		).toMatchObject({
			kind: 'permission',
			code: undefined,
			requestId: 'HEAD-REQ-3',
		});
	});

	it('other providers keep reading the body only', () => {
		expect(classify('aliyun', { status: 404, headers: { 'x-oss-ec': '1' } }).code).toBeUndefined();
	});
});
