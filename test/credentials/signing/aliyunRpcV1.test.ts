import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
	aliyunTimestamp,
	rpcV1CanonicalizedQuery,
	rpcV1StringToSign,
	signRpcV1,
	type RpcV1Input,
} from '../../../credentials/signing/aliyunRpcV1';

const base: RpcV1Input = {
	method: 'GET',
	params: [
		['Action', 'GetVideoInfo'],
		['Version', '2017-03-21'],
		['VideoId', 'v1'],
	],
	accessKeyId: 'id',
	accessKeySecret: 'secret',
	timestamp: '2025-01-02T03:04:05Z',
	nonce: 'n-1',
};

describe('aliyunTimestamp', () => {
	it('is UTC ISO 8601 without milliseconds', () => {
		expect(aliyunTimestamp(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)))).toBe(
			'2025-01-02T03:04:05Z',
		);
	});
});

describe('signRpcV1', () => {
	it('adds the common parameters, Format JSON by default, and signs with secret&', () => {
		const signed = signRpcV1(base);
		const canonical =
			'AccessKeyId=id&Action=GetVideoInfo&Format=JSON&SignatureMethod=HMAC-SHA1&SignatureNonce=n-1' +
			'&SignatureVersion=1.0&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-03-21&VideoId=v1';
		expect(signed.canonicalizedQuery).toBe(canonical);
		expect(signed.stringToSign).toBe(`GET&%2F&${encodeURIComponent(canonical)}`);
		const expectedSignature = createHmac('sha1', 'secret&')
			.update(signed.stringToSign)
			.digest('base64');
		expect(signed.signature).toBe(expectedSignature);
		expect(signed.signedQuery).toBe(
			`${canonical}&Signature=${encodeURIComponent(expectedSignature)}`,
		);
		expect(signed.body).toBe('');
	});

	it('replaces caller values of the parameters the signer owns', () => {
		const signed = signRpcV1({
			...base,
			params: [
				...base.params,
				['AccessKeyId', 'forged'],
				['Timestamp', '1999-01-01T00:00:00Z'],
				['Signature', 'stale'],
				['SecurityToken', 'stale-token'],
			],
		});
		const names = signed.params.map(([name]) => name);
		expect(names.filter((name) => name === 'AccessKeyId')).toHaveLength(1);
		expect(names).not.toContain('Signature');
		expect(names).not.toContain('SecurityToken');
		expect(Object.fromEntries(signed.params)).toMatchObject({
			AccessKeyId: 'id',
			Timestamp: '2025-01-02T03:04:05Z',
		});
	});

	it('signs SecurityToken as an ordinary parameter when a token is given', () => {
		const signed = signRpcV1({ ...base, securityToken: 'tok+/=' });
		expect(signed.canonicalizedQuery).toContain('&SecurityToken=tok%2B%2F%3D&');
	});

	it('does not add SecurityToken for an empty token', () => {
		expect(signRpcV1({ ...base, securityToken: '' }).canonicalizedQuery).not.toContain(
			'SecurityToken',
		);
	});

	it('signs body parameters together with the query but leaves them out of the URL query', () => {
		const inQuery = signRpcV1({
			...base,
			method: 'POST',
			params: [...base.params, ['Title', 'a b']],
		});
		const inBody = signRpcV1({ ...base, method: 'POST', bodyParams: [['Title', 'a b']] });
		expect(inBody.stringToSign).toBe(inQuery.stringToSign);
		expect(inBody.signature).toBe(inQuery.signature);
		expect(inBody.signedQuery).not.toContain('Title');
		expect(inBody.signedQuery.startsWith('AccessKeyId=id&Action=GetVideoInfo&Format=JSON&')).toBe(
			true,
		);
		expect(inBody.body).toBe('Title=a%20b');
	});

	it('starts the string to sign with the upper-case method', () => {
		expect(rpcV1StringToSign('post', 'A=1')).toBe('POST&%2F&A%3D1');
	});

	it('never puts Signature into the canonical query', () => {
		expect(
			rpcV1CanonicalizedQuery([
				['Signature', 'x'],
				['A', '1'],
			]),
		).toBe('A=1');
	});
});
