import { signAcs3 } from '../../signing/aliyunAcs3';
import { aliyunTimestamp, RPC_PARAM, signRpcV1 } from '../../signing/aliyunRpcV1';
import { mnsDate, signMnsRequest } from '../../signing/mns';
import { encodeQuery, type ParamPairs } from '../../signing/percentEncode';
import {
	FORM_CONTENT_TYPE,
	type PreparedBody,
	type PreparedRequest,
	type SignedWireRequest,
} from '../preparedRequest';
import { ossAddress, signOssRequest, type OssAddress } from './ossRequest';
import type { AliyunCredentials } from './settings';
import { wireBody, wireSearch } from './wire';

export interface AliyunSigningContext {
	now: Date;
	/** `SignatureNonce` (V1, a UUID) or `x-acs-signature-nonce` (V3, hex); unused by MNS. */
	nonce: string;
}

/** How a request is signed; an OSS request carries the bucket and key it addresses. */
export type AliyunRequestScheme =
	| { scheme: 'rpc' }
	| { scheme: 'mns' }
	| { scheme: 'oss'; address: OssAddress };

const MNS_HOST = /\.mns\.[a-z0-9-]+\.aliyuncs\.com$/i;
/** MNS REST resources; on an MNS Endpoint that is also the OSS Endpoint, they are MNS's. */
const MNS_RESOURCE_PATH = /^\/(queues|topics)(\/|$)/;

/** Headers the HTTP layer or the signer sets; a caller's copy would be stale or contradict the signature. */
const REPLACED_HEADERS: readonly string[] = [
	'authorization',
	'host',
	'content-length',
	'content-type',
];

function onMnsEndpoint(url: URL, credentials: AliyunCredentials): boolean {
	return credentials.mnsEndpoint !== '' && url.origin === credentials.mnsEndpoint;
}

/**
 * MNS: an `*.mns.<region>.aliyuncs.com` host, or a path other than `/` under the configured MNS
 * endpoint. OSS: an OSS host or the configured OSS endpoint. RPC: the path `/` anywhere else.
 */
function aliyunRequestScheme(url: URL, credentials: AliyunCredentials): AliyunRequestScheme {
	if (MNS_HOST.test(url.hostname)) return { scheme: 'mns' };
	if (onMnsEndpoint(url, credentials) && MNS_RESOURCE_PATH.test(url.pathname)) {
		return { scheme: 'mns' };
	}
	const address = ossAddress(url, credentials);
	if (address) return { scheme: 'oss', address };
	if (onMnsEndpoint(url, credentials) && url.pathname !== '/') return { scheme: 'mns' };
	if (url.pathname !== '/') {
		throw new Error(
			`The Alibaba Cloud API credential signs RPC requests to the path "/" (VOD, MPS), MNS queue requests and OSS requests; "${url.pathname}" on ${url.host} is none of them`,
		);
	}
	return { scheme: 'rpc' };
}

function callerHeaders(prepared: PreparedRequest): Record<string, string> {
	const headers = { ...prepared.headers };
	for (const name of REPLACED_HEADERS) delete headers[name];
	return headers;
}

function rpcFormParams(body: PreparedBody): ParamPairs {
	if (body.kind === 'none') return [];
	if (body.kind === 'form') return body.params;
	throw new Error(
		`Alibaba Cloud RPC APIs take their parameters in the query string or a form body, not a ${body.contentType} body`,
	);
}

function findParam(params: ParamPairs, name: string): string {
	const value = params.find(([key]) => key === name)?.[1];
	if (!value) {
		throw new Error(
			`The request has no "${name}" parameter; Alibaba Cloud RPC requests need "${RPC_PARAM.action}" and "${RPC_PARAM.version}" in the query or form body`,
		);
	}
	return value;
}

function requireActionAndVersion(params: ParamPairs): { action: string; version: string } {
	return {
		action: findParam(params, RPC_PARAM.action),
		version: findParam(params, RPC_PARAM.version),
	};
}

function withFormContentType(
	headers: Record<string, string>,
	body: string,
): Record<string, string> {
	return body === '' ? headers : { ...headers, 'content-type': FORM_CONTENT_TYPE };
}

function signRpcV1Request(
	prepared: PreparedRequest,
	credentials: AliyunCredentials,
	context: AliyunSigningContext,
): SignedWireRequest {
	const bodyParams = rpcFormParams(prepared.body);
	requireActionAndVersion([...prepared.query, ...bodyParams]);
	const signed = signRpcV1({
		method: prepared.method,
		params: prepared.query,
		bodyParams,
		accessKeyId: credentials.accessKeyId,
		accessKeySecret: credentials.accessKeySecret,
		securityToken: credentials.securityToken || undefined,
		timestamp: aliyunTimestamp(context.now),
		nonce: context.nonce,
	});
	return {
		url: `${prepared.url.origin}/?${signed.signedQuery}`,
		headers: withFormContentType(callerHeaders(prepared), signed.body),
		body: signed.body,
	};
}

/** V3 carries Action and Version as `x-acs-action` / `x-acs-version` headers, not parameters. */
function withoutActionAndVersion(params: ParamPairs): ParamPairs {
	return params.filter(([name]) => name !== RPC_PARAM.action && name !== RPC_PARAM.version);
}

function signAcs3Request(
	prepared: PreparedRequest,
	credentials: AliyunCredentials,
	context: AliyunSigningContext,
): SignedWireRequest {
	const formParams = rpcFormParams(prepared.body);
	const { action, version } = requireActionAndVersion([...prepared.query, ...formParams]);
	const query = withoutActionAndVersion(prepared.query);
	const body = encodeQuery(withoutActionAndVersion(formParams));
	const signed = signAcs3({
		method: prepared.method,
		path: '/',
		query,
		body,
		host: prepared.url.host,
		action,
		version,
		timestamp: aliyunTimestamp(context.now),
		nonce: context.nonce,
		accessKeyId: credentials.accessKeyId,
		accessKeySecret: credentials.accessKeySecret,
		securityToken: credentials.securityToken || undefined,
		headers: withFormContentType(callerHeaders(prepared), body),
	});
	const search = signed.canonicalQuery === '' ? '' : `?${signed.canonicalQuery}`;
	return { url: `${prepared.url.origin}/${search}`, headers: signed.headers, body };
}

function signMns(
	prepared: PreparedRequest,
	credentials: AliyunCredentials,
	context: AliyunSigningContext,
): SignedWireRequest {
	const search = wireSearch(prepared);
	const resource = `${prepared.url.pathname}${search === '' ? '' : `?${search}`}`;
	const body = wireBody(prepared.body);
	const headers = callerHeaders(prepared);
	const callerContentType = prepared.headers['content-type'];
	if (body.length > 0 && callerContentType) headers['content-type'] = callerContentType;
	const signed = signMnsRequest({
		verb: prepared.method,
		resource,
		body,
		date: mnsDate(context.now),
		accessKeyId: credentials.accessKeyId,
		accessKeySecret: credentials.accessKeySecret,
		securityToken: credentials.securityToken || undefined,
		headers,
	});
	return { url: `${prepared.url.origin}${resource}`, headers: signed.headers, body };
}

/** Signs a prepared request with the scheme its target needs. Pure: the clock and nonce are inputs. */
export function signAliyunRequest(
	prepared: PreparedRequest,
	credentials: AliyunCredentials,
	context: AliyunSigningContext,
): SignedWireRequest {
	const target = aliyunRequestScheme(prepared.url, credentials);
	if (target.scheme === 'mns') return signMns(prepared, credentials, context);
	if (target.scheme === 'oss') {
		return signOssRequest(prepared, credentials, target.address, context.now);
	}
	return credentials.signatureVersion === 'v1'
		? signRpcV1Request(prepared, credentials, context)
		: signAcs3Request(prepared, credentials, context);
}
