import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { signAcs3 } from '../../../credentials/signing/aliyunAcs3';
import {
	rpcV1CanonicalizedQuery,
	rpcV1Signature,
	rpcV1StringToSign,
	signRpcV1,
} from '../../../credentials/signing/aliyunRpcV1';
import {
	mnsAuthorization,
	mnsContentMd5,
	mnsSignature,
	mnsStringToSign,
	signMnsRequest,
} from '../../../credentials/signing/mns';
import {
	isTrustedMnsCertUrl,
	mnsPushCertUrl,
	mnsPushStringToSign,
	verifyMnsPushSignature,
} from '../../../credentials/signing/mnsPush';
import { encodeQuery } from '../../../credentials/signing/percentEncode';
import {
	verifyVodCallback,
	vodCallbackMd5Content,
	vodCallbackSignature,
} from '../../../credentials/signing/vodCallback';
import { expectVectorFields, loadVectors } from '../../support/vectors';

type Strings = Record<string, string>;

interface CapturedSdkRequest {
	method: string;
	host: string;
	pathname: string;
	query: Strings;
	body: string;
	signedHeaders: Strings;
	authorization: string | null;
}

/** Union of the fields the Aliyun vector shapes use; each handler reads the ones of its shape. */
interface AliyunVector {
	id: string;
	scheme: string;
	method?: string;
	endpoint?: string;
	action?: string;
	version?: string;
	accessKeyId?: string;
	accessKeySecret?: string;
	securityToken?: string;
	timestamp?: string;
	nonce?: string;
	params?: Record<string, string | number>;
	query?: Strings;
	bodyParams?: Strings;
	headers?: Strings;
	body?: string;
	captured?: CapturedSdkRequest;
	verb?: string;
	url?: string;
	resource?: string;
	date?: string;
	path?: string;
	requestHeaders?: Strings;
	certificatePem?: string;
	decodedCertUrl?: string;
	callbackUrl?: string;
	'X-VOD-TIMESTAMP'?: string;
	privateKey?: string;
	expected: Record<string, unknown>;
}

/** What a handler computed, and the expected values it is compared with (normally the vector's). */
interface Outcome {
	actual: Record<string, unknown>;
	expected: Record<string, unknown>;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

function need<T>(value: T | undefined | null, field: string): T {
	if (value === undefined || value === null) throw new Error(`vector has no "${field}"`);
	return value;
}

function pairs(record: Record<string, string | number>): Array<[string, string]> {
	return Object.entries(record).map(([name, value]) => [name, String(value)]);
}

function without(record: Strings, names: readonly string[]): Strings {
	return Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));
}

/** pop-core layout: GET puts the signed query in the URL; POST sends it as the form body. */
function rpcParamsVector(vector: AliyunVector): Outcome {
	const method = need(vector.method, 'method');
	const endpoint = need(vector.endpoint, 'endpoint');
	const secret = need(vector.accessKeySecret, 'accessKeySecret');
	const signed = signRpcV1({
		method,
		params: [
			['Action', need(vector.action, 'action')],
			['Version', need(vector.version, 'version')],
			...pairs(need(vector.params, 'params')),
		],
		accessKeyId: need(vector.accessKeyId, 'accessKeyId'),
		accessKeySecret: secret,
		securityToken: vector.securityToken,
		timestamp: need(vector.timestamp, 'timestamp'),
		nonce: need(vector.nonce, 'nonce'),
	});
	const hmacKey = `${secret}&`;
	const isForm = method === 'POST';
	const actual: Record<string, unknown> = {
		allParams: Object.fromEntries(signed.params),
		canonicalizedQueryString: signed.canonicalizedQuery,
		stringToSign: signed.stringToSign,
		hmacKey,
		signature: signed.signature,
		url: isForm ? endpoint : `${endpoint}?${signed.signedQuery}`,
	};
	if (isForm) {
		actual.contentType = FORM_CONTENT_TYPE;
		actual.body = signed.signedQuery;
	}
	// The vector's key must really produce the signature: HMAC computed here, independently.
	expect(createHmac('sha1', hmacKey).update(signed.stringToSign).digest('base64')).toBe(
		signed.signature,
	);
	return { actual, expected: vector.expected };
}

/** openapi-core `signatureAlgorithm: 'v2'`: everything, Signature included, in the query of a POST. */
function rpcCapturedVector(vector: AliyunVector): Outcome {
	const captured = need(vector.captured, 'captured');
	const secret = need(vector.accessKeySecret, 'accessKeySecret');
	const paramsAsSent = pairs(without(captured.query, ['Signature']));
	const stringToSign = rpcV1StringToSign(captured.method, rpcV1CanonicalizedQuery(paramsAsSent));
	expect(rpcV1Signature(stringToSign, secret)).toBe(captured.query.Signature);
	// Rebuilt from the API parameters only: the signer adds the common ones from key, time and nonce.
	const rebuilt = signRpcV1({
		method: captured.method,
		params: pairs(captured.query),
		accessKeyId: need(vector.accessKeyId, 'accessKeyId'),
		accessKeySecret: secret,
		timestamp: need(vector.timestamp, 'timestamp'),
		nonce: need(vector.nonce, 'nonce'),
	});
	expect(Object.fromEntries(rebuilt.params)).toEqual(without(captured.query, ['Signature']));
	return {
		actual: { stringToSign: rebuilt.stringToSign, signature: rebuilt.signature },
		expected: vector.expected,
	};
}

function acs3Vector(vector: AliyunVector): Outcome {
	const headers = need(vector.headers, 'headers');
	const body = need(vector.body, 'body');
	const endpoint = need(vector.endpoint, 'endpoint');
	if (vector.bodyParams) expect(encodeQuery(pairs(vector.bodyParams))).toBe(body);
	const signed = signAcs3({
		method: need(vector.method, 'method'),
		path: new URL(endpoint).pathname,
		query: pairs(need(vector.query, 'query')),
		body,
		host: headers.host,
		action: headers['x-acs-action'],
		version: headers['x-acs-version'],
		timestamp: need(vector.timestamp, 'timestamp'),
		nonce: need(vector.nonce, 'nonce'),
		accessKeyId: need(vector.accessKeyId, 'accessKeyId'),
		accessKeySecret: need(vector.accessKeySecret, 'accessKeySecret'),
		securityToken: vector.securityToken,
		headers: headers['content-type'] ? { 'content-type': headers['content-type'] } : {},
	});
	expect(without(signed.headers, ['authorization'])).toEqual(headers);
	const actual: Record<string, unknown> = {
		canonicalQueryString: signed.canonicalQuery,
		canonicalHeaders: signed.canonicalHeaders,
		signedHeaders: signed.signedHeaders,
		hashedRequestPayload: signed.hashedPayload,
		canonicalRequest: signed.canonicalRequest,
		hashedCanonicalRequest: signed.hashedCanonicalRequest,
		stringToSign: signed.stringToSign,
		signature: signed.signature,
		authorization: signed.authorization,
		url: signed.canonicalQuery === '' ? endpoint : `${endpoint}?${signed.canonicalQuery}`,
	};
	return { actual, expected: vector.expected };
}

/** openapi-core default path: V3, API parameters in the query of a POST, SDK-only extra header signed. */
function acs3CapturedVector(vector: AliyunVector): Outcome {
	const captured = need(vector.captured, 'captured');
	const signed = signAcs3({
		method: captured.method,
		path: captured.pathname,
		query: pairs(captured.query),
		body: captured.body,
		host: captured.host,
		action: captured.signedHeaders['x-acs-action'],
		version: captured.signedHeaders['x-acs-version'],
		timestamp: need(vector.timestamp, 'timestamp'),
		nonce: need(vector.nonce, 'nonce'),
		accessKeyId: need(vector.accessKeyId, 'accessKeyId'),
		accessKeySecret: need(vector.accessKeySecret, 'accessKeySecret'),
		headers: captured.signedHeaders,
	});
	expect(without(signed.headers, ['authorization'])).toEqual(captured.signedHeaders);
	expect(signed.authorization).toBe(captured.authorization);
	return {
		actual: {
			canonicalRequest: signed.canonicalRequest,
			stringToSign: signed.stringToSign,
			signature: signed.signature,
			authorization: signed.authorization,
		},
		expected: vector.expected,
	};
}

/** `Client#sign(verb, headers, resource)`: the string to sign from given headers. */
function mnsHeadersVector(vector: AliyunVector): Outcome {
	const stringToSign = mnsStringToSign(
		need(vector.verb, 'verb'),
		need(vector.headers, 'headers'),
		need(vector.resource, 'resource'),
	);
	const signature = mnsSignature(stringToSign, need(vector.accessKeySecret, 'accessKeySecret'));
	return {
		actual: {
			stringToSign,
			signature,
			authorization: mnsAuthorization(need(vector.accessKeyId, 'accessKeyId'), signature),
		},
		expected: vector.expected,
	};
}

/**
 * `Client#buildHeaders`: the whole request. Differences from our signer, fed in as caller headers so
 * the math is still compared byte for byte: the SDK sends content-type/content-md5 even for an empty
 * DELETE body, and sends only the unsigned `security-token` for STS (we send both token headers;
 * covered in mns.test.ts). `host` and `content-length` are the HTTP client's, not the signer's.
 */
function mnsRequestVector(vector: AliyunVector): Outcome {
	const expected = vector.expected;
	const sdkHeaders = need(expected.headers as Strings | undefined, 'expected.headers');
	const url = new URL(need(vector.url, 'url'));
	const resource = need(vector.resource, 'resource');
	const body = need(vector.body, 'body');
	expect(`${url.pathname}${url.search}`).toBe(resource);
	if (sdkHeaders['content-md5']) expect(mnsContentMd5(body)).toBe(sdkHeaders['content-md5']);
	const callerHeaders =
		body === ''
			? without(sdkHeaders, [
					'date',
					'host',
					'x-mns-date',
					'x-mns-version',
					'content-length',
					'authorization',
				])
			: {};
	if (sdkHeaders['security-token']) callerHeaders['security-token'] = sdkHeaders['security-token'];
	const signed = signMnsRequest({
		verb: need(vector.verb, 'verb'),
		resource,
		body,
		date: need(vector.date, 'date'),
		accessKeyId: need(vector.accessKeyId, 'accessKeyId'),
		accessKeySecret: need(vector.accessKeySecret, 'accessKeySecret'),
		headers: callerHeaders,
	});
	return {
		actual: {
			headers: signed.headers,
			stringToSign: signed.stringToSign,
			signature: signed.signature,
			authorization: signed.authorization,
		},
		expected: { ...expected, headers: without(sdkHeaders, ['host', 'content-length']) },
	};
}

function mnsPushVector(vector: AliyunVector): Outcome {
	const headers = need(vector.requestHeaders, 'requestHeaders');
	const body = need(vector.body, 'body');
	const stringToSign = mnsPushStringToSign('POST', need(vector.path, 'path'), headers);
	expect(mnsContentMd5(body)).toBe(headers['content-md5']);
	const certUrl = mnsPushCertUrl(headers);
	expect(certUrl).toBe(vector.decodedCertUrl);
	expect(isTrustedMnsCertUrl(need(certUrl, 'decodedCertUrl'))).toBe(true);
	const valid = verifyMnsPushSignature({
		stringToSign,
		signature: headers.authorization,
		certificatePem: need(vector.certificatePem, 'certificatePem'),
	});
	return {
		actual: { stringToSign, authorization: headers.authorization, valid },
		expected: vector.expected,
	};
}

function vodCallbackVector(vector: AliyunVector): Outcome {
	const callbackUrl = need(vector.callbackUrl, 'callbackUrl');
	const timestamp = need(vector['X-VOD-TIMESTAMP'], 'X-VOD-TIMESTAMP');
	const key = need(vector.privateKey, 'privateKey');
	const signature = vodCallbackSignature(callbackUrl, timestamp, key);
	expect(
		verifyVodCallback({
			callbackUrl,
			timestamp,
			signature: String(vector.expected['X-VOD-SIGNATURE']),
			keys: [key],
			nowSeconds: Number(timestamp),
			maxAgeSeconds: 300,
		}),
	).toEqual({ valid: true, keyIndex: 0 });
	return {
		actual: {
			md5Content: vodCallbackMd5Content(callbackUrl, timestamp, key),
			'X-VOD-SIGNATURE': signature,
		},
		expected: vector.expected,
	};
}

const HANDLERS: Record<string, (vector: AliyunVector) => Outcome> = {
	'rpc-v1': (vector) => (vector.captured ? rpcCapturedVector(vector) : rpcParamsVector(vector)),
	'acs3-hmac-sha256': (vector) =>
		vector.captured ? acs3CapturedVector(vector) : acs3Vector(vector),
	'mns-hmac-sha1': (vector) =>
		vector.headers ? mnsHeadersVector(vector) : mnsRequestVector(vector),
	'mns-push-rsa-sha1': mnsPushVector,
	'vod-callback-md5': vodCallbackVector,
};

const vectors = loadVectors<AliyunVector>(Object.keys(HANDLERS));

describe('Aliyun signing vectors', () => {
	it('finds vectors of every Aliyun scheme', () => {
		expect(new Set(vectors.map((vector) => vector.scheme))).toEqual(new Set(Object.keys(HANDLERS)));
	});

	it.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
		const { actual, expected } = HANDLERS[vector.scheme](vector);
		expectVectorFields(vector.id, actual, expected);
	});
});
