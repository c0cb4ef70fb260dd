import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { classifyError } from '../../../../nodes/shared/errors';
import type { ErrorKind } from '../../../../nodes/shared/errors';
import { n8nHttpError, node } from './httpErrors';

describe('classifyError — failures without a response', () => {
	it.each<[string | undefined, string, ErrorKind]>([
		['ECONNRESET', 'read ECONNRESET', 'network'],
		['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'network'],
		['ENOTFOUND', 'getaddrinfo ENOTFOUND vod.nowhere.aliyuncs.com', 'network'],
		['EAI_AGAIN', 'getaddrinfo EAI_AGAIN vod.cn-shanghai.aliyuncs.com', 'network'],
		[undefined, 'socket hang up', 'network'],
		// codes outside the known lists still mean the exchange broke after the request may have left
		['ERR_STREAM_PREMATURE_CLOSE', 'Premature close', 'network'],
		['EPROTO', 'write EPROTO 80F8:error:0A00010B:SSL routines', 'network'],
		['ERR_BAD_RESPONSE', 'stream has been aborted', 'network'],
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

	it('keeps our own errors, which carry no code, client errors', () => {
		const own = new NodeOperationError(node, 'The "Video ID" parameter is empty.');
		expect(classifyError('aliyun', own)).toEqual({
			provider: 'aliyun',
			kind: 'client',
			networkCode: undefined,
			message: undefined,
		});
	});
});
