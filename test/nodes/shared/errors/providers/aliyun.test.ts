import { describe, expect, it } from 'vitest';

import type { ErrorKind } from '../../../../../nodes/shared/errors';
import { classify } from '../httpErrors';

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
