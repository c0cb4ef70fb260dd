/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { describe, expect, it } from 'vitest';

import { classifyError, redactSecrets, toNodeApiError } from '../../../../nodes/shared/errors';
import { AUTHORIZATION, n8nHttpError, node, QUERY_SIGNATURE, SECRET } from './httpErrors';

describe('toNodeApiError — redaction', () => {
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

describe('redactSecrets', () => {
	it.each([
		[
			'an XML element',
			'<Error><AuthKey>Key With Spaces 123</AuthKey></Error>',
			'Key With Spaces 123',
		],
		[
			'an XML security token',
			'<SecurityToken>CAIS token+part/2==</SecurityToken>',
			'CAIS token+part/2==',
		],
		['a quoted JSON value with a space', '{"password":"correct horse, battery"}', 'horse, battery'],
		['a quoted value with an escaped quote', '{"AuthKey":"ab\\"cd ef"}', 'cd ef'],
	])('hides the whole value in %s', (_form, text, secretPart) => {
		const redacted = redactSecrets(text);
		expect(redacted).not.toContain(secretPart);
		expect(redacted).toContain('[redacted]');
	});
});
