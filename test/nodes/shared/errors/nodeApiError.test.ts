import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { classifyError, toNodeApiError } from '../../../../nodes/shared/errors';
import { n8nHttpError, node } from './httpErrors';

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

	it('says how long the server asked to wait', () => {
		const original = n8nHttpError({
			status: 429,
			headers: { 'Retry-After': '120' },
			data: { error_code: 'APIGW.0308', error_msg: 'over ratelimit' },
		});
		const error = toNodeApiError(node, classifyError('huawei', original), original);
		expect(error.description).toContain('The server asked to wait 120 s.');
	});

	it('says a submit met by "nonce used" has an unknown outcome: a copy of it reached the gateway', () => {
		const original = n8nHttpError({
			status: 400,
			data: {
				RequestId: 'N-1',
				Code: 'SignatureNonceUsed',
				Message: 'Specified signature nonce was used already.',
			},
		});
		const error = toNodeApiError(
			node,
			classifyError('aliyun', original),
			original,
			0,
			'SubmitSnapshotJob',
			'check the job list before running again.',
		);
		expect(error.message).toBe(
			'SignatureNonceUsed: Specified signature nonce was used already. The outcome of SubmitSnapshotJob is unknown: check the job list before running again.',
		);
		expect(error.description).toContain('check the job list before running again.');
	});

	it('does not speak of a submitted job when a read times out', () => {
		const original = n8nHttpError(undefined, {
			code: 'ETIMEDOUT',
			message: 'connect ETIMEDOUT 10.0.0.1:443',
		});
		const error = toNodeApiError(
			node,
			classifyError('aliyun', original),
			original,
			0,
			'GetVideoInfo',
		);
		expect(error.description).toContain('The request timed out.');
		expect(error.description).not.toContain('job');
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
});
