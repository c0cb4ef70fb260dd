/* eslint-disable @n8n/community-nodes/require-node-api-error -- a bug in the handler must surface as a 500 */
import { parseOssHost } from '../../../../credentials/common/aliyun/ossRequest';
import { ossSignRegion } from '../../../../credentials/signing/aliyunOssV4';
import type { EmulatorRequest, EmulatorResponse } from '../../core/http';
import { newRequestId } from '../../core/ids';
import { OssError, verifyOssRequest } from './ossAuth';
import type { OssStore } from './ossStore';
import { listBucketResult, OSS_REQUEST_ID_HEADER, ossErrorResponse } from './ossXml';

const DEFAULT_MAX_KEYS = 100;
const MAX_KEYS_LIMIT = 1000;

/** Decoded query parameters in wire order; `name` without `=` has the value ''. */
export function rawQueryPairs(rawUrl: string): Array<[string, string]> {
	const index = rawUrl.indexOf('?');
	if (index === -1) return [];
	return rawUrl
		.slice(index + 1)
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const equals = part.indexOf('=');
			const name = equals === -1 ? part : part.slice(0, equals);
			const value = equals === -1 ? '' : part.slice(equals + 1);
			return [decodeURIComponent(name), decodeURIComponent(value)];
		});
}

/** What a request addresses, and the region its host names (virtual-hosted only). */
export interface OssRequestParts {
	bucket: string;
	object: string;
	/** `cn-shanghai` of a `<bucket>.oss-cn-shanghai.aliyuncs.com` host; undefined for path style. */
	hostRegion?: string;
	virtualHosted: boolean;
}

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/([^/?]*)/i;

/**
 * Virtual-hosted when the request line carries a `<bucket>.oss-<region>[-internal].aliyuncs.com`
 * URL (or dual-stack, accelerate): the absolute form a client sends an HTTP proxy, which is how the
 * SDK, n8n's HTTP Request node (its Proxy option) and the tests reach the emulator without a DNS
 * entry. Else path style, `/<bucket>/<key>`, whatever the Host header (ali-oss's path-style mode
 * sends the bucket host there too).
 */
export function ossRequestParts(req: Pick<EmulatorRequest, 'rawUrl'>): OssRequestParts {
	const [target] = req.rawUrl.split('?');
	const absolute = ABSOLUTE_FORM.exec(target);
	const path = absolute ? target.slice(absolute[0].length) || '/' : target;
	const host = absolute ? parseOssHost(absolute[1].replace(/:\d+$/, '')) : undefined;
	if (host?.bucket !== undefined) {
		return {
			bucket: host.bucket,
			object: decodeURIComponent(path.slice(1)),
			hostRegion: host.region,
			virtualHosted: true,
		};
	}
	const [, bucket = '', ...rest] = path.split('/');
	return {
		bucket: decodeURIComponent(bucket),
		object: decodeURIComponent(rest.join('/')),
		virtualHosted: false,
	};
}

function objectHeaders(object: {
	body: Buffer;
	contentType: string;
	etag: string;
	lastModified: number;
}) {
	return {
		'content-type': object.contentType,
		'content-length': String(object.body.length),
		etag: object.etag,
		'last-modified': new Date(object.lastModified).toUTCString(),
		'x-oss-object-type': 'Normal',
	};
}

function listObjects(store: OssStore, bucketName: string, query: Array<[string, string]>): string {
	const get = (name: string) => query.find(([key]) => key === name)?.[1] ?? '';
	const maxKeys = get('max-keys') === '' ? DEFAULT_MAX_KEYS : Number(get('max-keys'));
	if (!Number.isInteger(maxKeys) || maxKeys < 0 || maxKeys > MAX_KEYS_LIMIT)
		throw new OssError(
			400,
			'InvalidArgument',
			`max-keys must be an integer from 0 to ${MAX_KEYS_LIMIT}.`,
		);
	const token = get('continuation-token');
	const request = {
		bucket: bucketName,
		prefix: get('prefix'),
		delimiter: get('delimiter'),
		maxKeys,
		startAfter: get('start-after'),
		continuationToken: token,
		encodeUrl: get('encoding-type') === 'url',
	};
	const startAfter =
		token === '' ? request.startAfter : Buffer.from(token, 'base64url').toString('utf8');
	const bucket = store.bucket(bucketName);
	if (!bucket) throw new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
	return listBucketResult(request, store.list(bucket, { ...request, startAfter }));
}

function handle(store: OssStore, req: EmulatorRequest, requestId: string): EmulatorResponse {
	const { bucket: bucketName, object: key, hostRegion } = ossRequestParts(req);
	const bucket = store.bucket(bucketName);
	if (!bucket) throw new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
	if (hostRegion !== undefined && hostRegion !== ossSignRegion(bucket.location))
		throw new OssError(
			403,
			'AccessDenied',
			'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
			{ Bucket: bucketName, Endpoint: `${bucket.location}.aliyuncs.com` },
		);
	const query = rawQueryPairs(req.rawUrl);
	verifyOssRequest({
		method: req.method,
		headers: req.headers,
		bucket: bucketName,
		location: bucket.location,
		object: key,
		query,
		receivedAt: req.receivedAt,
	});
	const base = { [OSS_REQUEST_ID_HEADER]: requestId };
	if (key === '') {
		if (req.method !== 'GET')
			throw new OssError(
				405,
				'MethodNotAllowed',
				'The specified method is not allowed against this resource.',
			);
		return {
			status: 200,
			headers: { ...base, 'content-type': 'application/xml' },
			body: listObjects(store, bucketName, query),
		};
	}
	if (req.method !== 'GET' && req.method !== 'HEAD')
		throw new OssError(
			405,
			'MethodNotAllowed',
			'The specified method is not allowed against this resource.',
		);
	const object = bucket.objects.get(key);
	if (!object) throw new OssError(404, 'NoSuchKey', 'The specified key does not exist.');
	const headers = { ...base, ...objectHeaders(object) };
	return req.method === 'HEAD'
		? { status: 200, headers }
		: { status: 200, headers, body: object.body };
}

/** GetObject, HeadObject and ListObjectsV2 on the emulated buckets, every request signature-checked. */
export function createOssHandler(store: OssStore): (req: EmulatorRequest) => EmulatorResponse {
	return (req) => {
		const requestId = newRequestId();
		try {
			return handle(store, req, requestId);
		} catch (error) {
			if (!(error instanceof OssError)) throw error;
			return ossErrorResponse(req.method, error.status, {
				code: error.code,
				message: error.message,
				requestId,
				host: req.headers.host ?? req.url.host,
				extra: error.extra,
			});
		}
	};
}

/** Whether a request is meant for OSS: an OSS host, a known bucket, or an OSS signature. */
export function isOssRequest(store: OssStore, req: EmulatorRequest): boolean {
	const authorization = req.headers.authorization ?? '';
	if (authorization.startsWith('OSS ') || authorization.startsWith('OSS4-HMAC-SHA256 '))
		return true;
	if (/[?&](OSSAccessKeyId|x-oss-signature-version)=/.test(req.rawUrl)) return true;
	const { bucket, virtualHosted } = ossRequestParts(req);
	return virtualHosted || (bucket !== '' && store.bucket(bucket) !== undefined);
}
