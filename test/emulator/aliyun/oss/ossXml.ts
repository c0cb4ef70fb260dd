import { XMLBuilder } from 'fast-xml-parser';

import type { CloudErrorFormat, InjectedError } from '../../core/faultResponses';
import type { EmulatorResponse } from '../../core/http';
import type { ListPage } from './ossStore';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const builder = new XMLBuilder({ format: false });

export const OSS_REQUEST_ID_HEADER = 'x-oss-request-id';

export function ossXml(root: string, content: Record<string, unknown>): string {
	return XML_DECLARATION + builder.build({ [root]: content });
}

/**
 * OSS's `<Error>` (aliyun.md §i Errors). A HEAD answer has no body: the error travels base64 in
 * `x-oss-err`, as ali-oss reads it.
 */
export function ossErrorResponse(
	method: string,
	status: number,
	error: InjectedError & { extra?: Record<string, string> },
): EmulatorResponse {
	const xml = ossXml('Error', {
		Code: error.code,
		Message: error.message,
		RequestId: error.requestId,
		HostId: error.host,
		...error.extra,
	});
	const headers = { 'content-type': 'application/xml', [OSS_REQUEST_ID_HEADER]: error.requestId };
	if (method === 'HEAD')
		return { status, headers: { ...headers, 'x-oss-err': Buffer.from(xml).toString('base64') } };
	return { status, headers, body: xml };
}

export const ossFaultFormat: CloudErrorFormat = {
	defaultCode: (status) => (status === 503 ? 'ServiceUnavailable' : 'InternalError'),
	response: (status, error) => ossErrorResponse('GET', status, error),
};

export interface ListRequest {
	bucket: string;
	prefix: string;
	delimiter: string;
	maxKeys: number;
	startAfter: string;
	continuationToken: string;
	encodeUrl: boolean;
}

/** ListObjectsV2's `<ListBucketResult>`; the continuation token is the last key, base64url. */
export function listBucketResult(request: ListRequest, page: ListPage): string {
	const encode = (text: string) => (request.encodeUrl ? encodeURIComponent(text) : text);
	const optional = (name: string, value: string) => (value === '' ? {} : { [name]: encode(value) });
	return ossXml('ListBucketResult', {
		Name: request.bucket,
		Prefix: encode(request.prefix),
		MaxKeys: request.maxKeys,
		...optional('Delimiter', request.delimiter),
		...optional('StartAfter', request.startAfter),
		...(request.continuationToken === '' ? {} : { ContinuationToken: request.continuationToken }),
		...(request.encodeUrl ? { EncodingType: 'url' } : {}),
		IsTruncated: page.nextStartAfter !== undefined,
		...(page.nextStartAfter === undefined
			? {}
			: { NextContinuationToken: Buffer.from(page.nextStartAfter).toString('base64url') }),
		KeyCount: page.objects.length + page.prefixes.length,
		Contents: page.objects.map((object) => ({
			Key: encode(object.key),
			LastModified: new Date(object.lastModified).toISOString(),
			ETag: object.etag,
			Type: 'Normal',
			Size: object.body.length,
			StorageClass: 'Standard',
		})),
		CommonPrefixes: page.prefixes.map((prefix) => ({ Prefix: encode(prefix) })),
	});
}
