import { describe, expect, it } from 'vitest';

import {
	OSS_HEADER,
	ossV1CanonicalizedResource,
	ossV1Signature,
	ossV1StringToSign,
	presignOssV1Url,
	signOssV1Header,
	type OssTarget,
} from '../../../credentials/signing/aliyunOss';
import {
	ossSignRegion,
	ossV4Parts,
	ossV4SigningKey,
	presignOssV4Url,
	signOssV4Header,
} from '../../../credentials/signing/aliyunOssV4';
import {
	ossV1HeaderDate,
	parseOssV1Authorization,
	parseOssV4Authorization,
} from '../../support/ossAuthorization';
import { expectVectorFields, loadVectors } from '../../support/vectors';

type Strings = Record<string, string>;

/** `aliyun-oss.json`: inputs as the official SDK was called, expected intermediates and result. */
interface OssVector {
	id: string;
	scheme: string;
	inputs: {
		method: string;
		region: string | null;
		host: string;
		pathStyle: boolean;
		bucket: string;
		object: string;
		accessKeyId: string;
		accessKeySecret: string;
		securityToken?: string;
		time: string;
		query: Strings;
		headers?: Strings;
		expiresIn?: number;
		additionalHeaders?: string[];
	};
	expected: Record<string, unknown>;
}

/** Headers the signer adds itself from the time and the keys; the rest are the caller's. */
const SIGNER_HEADERS: readonly string[] = [
	OSS_HEADER.ossDate,
	OSS_HEADER.contentSha256,
	OSS_HEADER.securityToken,
];

function lowerNames(headers: Strings): Strings {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

function callerHeaders(headers: Strings | undefined): Strings {
	return Object.fromEntries(
		Object.entries(lowerNames(headers ?? {})).filter(([name]) => !SIGNER_HEADERS.includes(name)),
	);
}

function target(vector: OssVector): OssTarget {
	const { inputs } = vector;
	return {
		method: inputs.method,
		origin: `https://${inputs.host}`,
		bucket: inputs.bucket,
		object: inputs.object,
		query: Object.entries(inputs.query),
		pathStyle: inputs.pathStyle,
	};
}

function keys(vector: OssVector) {
	const { accessKeyId, accessKeySecret, securityToken } = vector.inputs;
	return { accessKeyId, accessKeySecret, securityToken };
}

/** The V4 region: the vector's OSS region id without `oss-`, else the one in the bucket host. */
/** The V4 signing key of the vector's day and region, an intermediate the vectors record. */
function signingKeyHex(vector: OssVector): string {
	const day = new Date(vector.inputs.time).toISOString().slice(0, 10).replace(/-/g, '');
	return ossV4SigningKey(vector.inputs.accessKeySecret, day, signRegion(vector)).toString('hex');
}

function signRegion(vector: OssVector): string {
	const location =
		vector.inputs.region ?? /\.(oss-[a-z0-9-]+)\.aliyuncs\.com$/.exec(vector.inputs.host)?.[1];
	if (!location) throw new Error(`${vector.id}: no region`);
	return ossSignRegion(location);
}

function v1Header(vector: OssVector): Record<string, unknown> {
	const signed = signOssV1Header({
		...target(vector),
		...keys(vector),
		now: new Date(vector.inputs.time),
		headers: callerHeaders(vector.inputs.headers),
	});
	expect(signed.headers).toEqual({
		...lowerNames(vector.inputs.headers ?? {}),
		authorization: vector.expected.final,
	});
	// A receiver rebuilds the same string from the headers and resource it got.
	const received = ossV1StringToSign(
		vector.inputs.method,
		vector.inputs.headers ?? {},
		ossV1HeaderDate(vector.inputs.headers ?? {}),
		ossV1CanonicalizedResource(
			vector.inputs.bucket,
			vector.inputs.object,
			Object.entries(vector.inputs.query),
		),
	);
	expect(ossV1Signature(received, vector.inputs.accessKeySecret)).toBe(vector.expected.signature);
	expect(parseOssV1Authorization(signed.authorization)).toEqual({
		accessKeyId: vector.inputs.accessKeyId,
		signature: vector.expected.signature,
	});
	return { ...signed, final: signed.authorization };
}

function v1Url(vector: OssVector): Record<string, unknown> {
	const presigned = presignOssV1Url({
		...target(vector),
		...keys(vector),
		now: new Date(vector.inputs.time),
		expiresIn: vector.inputs.expiresIn ?? 0,
	});
	return { ...presigned, final: presigned.url };
}

function v4Header(vector: OssVector): Record<string, unknown> {
	const signed = signOssV4Header({
		...target(vector),
		...keys(vector),
		now: new Date(vector.inputs.time),
		signRegion: signRegion(vector),
		headers: callerHeaders(vector.inputs.headers),
	});
	expect(signed.headers).toEqual({
		...lowerNames(vector.inputs.headers ?? {}),
		authorization: vector.expected.final,
	});
	const parsed = parseOssV4Authorization(signed.authorization);
	expect(parsed).toMatchObject({
		accessKeyId: vector.inputs.accessKeyId,
		signature: signed.signature,
	});
	return { ...signed, signingKeyHex: signingKeyHex(vector), final: signed.authorization };
}

function v4Url(vector: OssVector): Record<string, unknown> {
	const presigned = presignOssV4Url({
		...target(vector),
		...keys(vector),
		now: new Date(vector.inputs.time),
		expiresIn: vector.inputs.expiresIn ?? 0,
		signRegion: signRegion(vector),
		headers: callerHeaders(vector.inputs.headers),
		additionalHeaders: vector.inputs.additionalHeaders,
	});
	// A receiver rebuilds the signature from the URL's own query (x-oss-signature left out).
	const url = new URL(presigned.url);
	const query = [...url.searchParams].filter(([name]) => name !== 'x-oss-signature');
	const rebuilt = ossV4Parts({
		method: vector.inputs.method,
		bucket: vector.inputs.bucket,
		object: vector.inputs.object,
		query,
		headers: vector.inputs.headers ?? {},
		additionalHeaders: vector.inputs.additionalHeaders ?? [],
		dateTime: String(url.searchParams.get('x-oss-date')),
		signRegion: signRegion(vector),
		accessKeySecret: vector.inputs.accessKeySecret,
	});
	expect(rebuilt.signature).toBe(url.searchParams.get('x-oss-signature'));
	return { ...presigned, signingKeyHex: signingKeyHex(vector), final: presigned.url };
}

const HANDLERS: Record<string, (vector: OssVector) => Record<string, unknown>> = {
	'oss-v1-header': v1Header,
	'oss-v1-url': v1Url,
	'oss-v4-header': v4Header,
	'oss-v4-url': v4Url,
};

const vectors = loadVectors<OssVector>(Object.keys(HANDLERS));

describe('OSS signing vectors', () => {
	it('finds vectors of every OSS scheme', () => {
		expect(new Set(vectors.map((vector) => vector.scheme))).toEqual(new Set(Object.keys(HANDLERS)));
	});

	it.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
		expectVectorFields(vector.id, HANDLERS[vector.scheme](vector), vector.expected);
	});
});
