/**
 * `aliyunApi`'s authenticate on OSS requests: every vector of aliyun-oss.json, in the node shape
 * (`url` + `qs`) and the HTTP Request node's legacy shape (`uri` + `qs`), with the clock pinned.
 * Header vectors must come out with the SDK's URL and Authorization byte for byte; a pre-signed
 * link (the URL vectors) must go out exactly as it is, with nothing added.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import type { IncomingRequestOptions } from '../../credentials/common/preparedRequest';
import { parseQueryString } from '../../credentials/common/preparedRequest';
import {
	callerHeaders,
	lowerNames,
	OSS_VECTOR_SCHEMES,
	vectorSignRegion,
	type OssVector,
} from '../support/ossVectors';
import { PinnedAliyunApi } from '../support/pinnedAliyunApi';
import { loadVectors } from '../support/vectors';

type Method = IHttpRequestOptions['method'];

const vectors = loadVectors<OssVector>(OSS_VECTOR_SCHEMES);
const headerVectors = vectors.filter((vector) => vector.scheme.endsWith('-header'));
const urlVectors = vectors.filter((vector) => vector.scheme.endsWith('-url'));

function credentialsOf(vector: OssVector): ICredentialDataDecryptedObject {
	return {
		accessKeyId: vector.inputs.accessKeyId,
		accessKeySecret: vector.inputs.accessKeySecret,
		securityToken: vector.inputs.securityToken ?? '',
		regionId: vectorSignRegion(vector),
		signatureVersion: vector.scheme.startsWith('oss-v4') ? 'v3' : 'v1',
	};
}

function pinned(vector: OssVector): PinnedAliyunApi {
	return new PinnedAliyunApi({ now: new Date(vector.inputs.time), nonce: 'unused-by-oss' });
}

/** `https://<host>[/<bucket>]/` and the key, either as the SDK encodes it or as a user types it. */
function objectUrl(vector: OssVector, key: 'encoded' | 'typed'): string {
	const { inputs } = vector;
	const path =
		key === 'encoded' ? encodeURIComponent(inputs.object).replace(/%2F/g, '/') : inputs.object;
	const bucket = inputs.pathStyle ? `/${inputs.bucket}` : '';
	return `https://${inputs.host}${bucket}/${path}`;
}

function withQuery(url: string, query: Record<string, string>): string {
	const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
	return search === '' ? url : `${url}?${search}`;
}

/** n8n types the HTTP Request node's legacy request as IHttpRequestOptions, yet it has `uri`. */
function legacy(options: Omit<IncomingRequestOptions, 'url'>): IncomingRequestOptions {
	return Object.assign({} as IncomingRequestOptions, options);
}

/** The shapes n8n hands `authenticate` for one request. */
function headerShapes(vector: OssVector): Array<[string, IncomingRequestOptions]> {
	const { inputs } = vector;
	const qs: IDataObject = { ...inputs.query };
	const headers = callerHeaders(inputs.headers);
	const method = inputs.method as Method;
	const lower = inputs.method.toLowerCase() as Method;
	return [
		['url + qs', { url: objectUrl(vector, 'encoded'), method, qs, headers }],
		[
			'legacy uri + qs, lower-case method',
			legacy({ uri: objectUrl(vector, 'encoded'), method: lower, qs, headers, json: true }),
		],
		[
			'legacy uri, key as typed, query in the URI',
			legacy({ uri: withQuery(objectUrl(vector, 'typed'), inputs.query), method, headers }),
		],
		[
			'url with the query, empty body string',
			{ url: withQuery(objectUrl(vector, 'encoded'), inputs.query), method, headers, body: '' },
		],
	];
}

const headerCases = headerVectors.flatMap((vector) =>
	headerShapes(vector).map(([shape, options]) => [vector.id, shape, vector, options] as const),
);

describe('OSS header vectors through authenticate (pinned clock)', () => {
	it('finds header and URL vectors of both versions', () => {
		expect(new Set(vectors.map((vector) => vector.scheme))).toEqual(new Set(OSS_VECTOR_SCHEMES));
	});

	it.each(headerCases)('%s, %s', async (_id, _shape, vector, options) => {
		const result = await pinned(vector).authenticate(credentialsOf(vector), options);
		expect(result.url).toBe(vector.expected.url);
		expect(result.qs).toBeUndefined();
		expect(result.body).toBeUndefined();
		expect(result.headers).toEqual({
			...lowerNames(vector.inputs.headers ?? {}),
			authorization: vector.expected.final,
		});
	});
});

function presignedShapes(vector: OssVector): Array<[string, IncomingRequestOptions]> {
	const link = String(vector.expected.final);
	const url = new URL(link);
	const qs = Object.fromEntries(parseQueryString(url.search));
	const bare = `${url.origin}${url.pathname}`;
	const method = vector.inputs.method as Method;
	return [
		['url', { url: link, method }],
		['legacy uri', legacy({ uri: link, method, json: true })],
		['legacy uri + the link query in qs', legacy({ uri: bare, method, qs })],
	];
}

const presignedCases = urlVectors.flatMap((vector) =>
	presignedShapes(vector).map(([shape, options]) => [vector.id, shape, vector, options] as const),
);

describe('OSS pre-signed links (URL vectors) through authenticate', () => {
	it.each(presignedCases)('%s, %s: sent unchanged, nothing signed on top', async (...args) => {
		const [, , vector, options] = args;
		for (const signatureVersion of ['v1', 'v3']) {
			const result = await pinned(vector).authenticate(
				{ ...credentialsOf(vector), signatureVersion },
				options,
			);
			expect(result.url).toBe(vector.expected.final);
			expect(result.qs).toBeUndefined();
			expect(result.headers).toEqual({});
		}
	});
});
