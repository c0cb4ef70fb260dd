import { describe, expect, it } from 'vitest';

import { toNodeApiError } from '../../../../../nodes/shared/errors';
import type { ErrorKind } from '../../../../../nodes/shared/errors';
import { classify, node } from '../httpErrors';

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
