/* eslint-disable @n8n/community-nodes/require-node-api-error -- a bug in the handler must surface as a 500 */
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

/** Path style only: `/<bucket>/<key>`; the bucket's own host (`<bucket>.oss-…`) is not emulated. */
export function ossPathParts(rawUrl: string): { bucket: string; object: string } {
	const path = rawUrl.split('?')[0];
	const [, bucket = '', ...rest] = path.split('/');
	return { bucket: decodeURIComponent(bucket), object: decodeURIComponent(rest.join('/')) };
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
	const { bucket: bucketName, object: key } = ossPathParts(req.rawUrl);
	const bucket = store.bucket(bucketName);
	if (!bucket) throw new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
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

/** Whether a request is meant for OSS: it addresses a known bucket or carries an OSS signature. */
export function isOssRequest(store: OssStore, req: EmulatorRequest): boolean {
	const authorization = req.headers.authorization ?? '';
	if (authorization.startsWith('OSS ') || authorization.startsWith('OSS4-HMAC-SHA256 '))
		return true;
	if (/[?&](OSSAccessKeyId|x-oss-signature-version)=/.test(req.rawUrl)) return true;
	const { bucket } = ossPathParts(req.rawUrl);
	return bucket !== '' && store.bucket(bucket) !== undefined;
}
