import { OSS_HEADER, ossWireQuery, signOssV1Header, type OssTarget } from '../../signing/aliyunOss';
import { ossSignRegion, OSS_V4_QUERY, signOssV4Header } from '../../signing/aliyunOssV4';
import type { PreparedRequest, SignedWireRequest } from '../preparedRequest';
import type { AliyunCredentials } from './settings';
import { wireBody, wireSearch } from './wire';

/** Where a request to OSS goes: the bucket and raw key it addresses, and the V4 signing region. */
export interface OssAddress {
	bucket: string;
	/** The raw (decoded) key; '' for a bucket-level request (ListObjectsV2). */
	object: string;
	/** True when the bucket is the first path segment instead of a part of the host. */
	pathStyle: boolean;
	/** Plain region id (`cn-shanghai`) a V4 signature is scoped to. */
	signRegion: string;
}

/**
 * `[<bucket>.]oss-<region>[-internal].aliyuncs.com`, `[<bucket>.]oss-accelerate[-overseas].aliyuncs.com`
 * and the dual-stack `[<bucket>.]<region>.oss.aliyuncs.com`.
 */
const OSS_HOST =
	/^(?:([a-z0-9][a-z0-9-]*[a-z0-9])\.)?(?:oss-([a-z0-9-]+)|([a-z0-9-]+)\.oss)\.aliyuncs\.com$/;

const ACCELERATE_REGIONS: readonly string[] = ['accelerate', 'accelerate-overseas'];

/** Headers the HTTP layer sets, or that would contradict the signature. */
const REPLACED_HEADERS: readonly string[] = [OSS_HEADER.authorization, 'host', 'content-length'];

/** Query parameters that make a URL a pre-signed OSS link (V1 or V4). */
const PRESIGNED_QUERY: readonly string[] = ['OSSAccessKeyId', 'Signature', OSS_V4_QUERY.signature];

/** An OSS host's bucket (when the bucket is its subdomain) and `oss-…` endpoint region, if any. */
export interface OssHost {
	bucket?: string;
	/** `cn-shanghai` of `oss-cn-shanghai-internal`; undefined for an accelerate host (no region). */
	region?: string;
}

/** Reads an Alibaba Cloud OSS host name; undefined for any other host. */
export function parseOssHost(hostname: string): OssHost | undefined {
	const found = OSS_HOST.exec(hostname.toLowerCase());
	if (!found) return undefined;
	const [, bucket, endpointRegion, dualStackRegion] = found;
	const region = endpointRegion ?? dualStackRegion;
	if (ACCELERATE_REGIONS.includes(region)) return { bucket };
	return { bucket, region: ossSignRegion(region.replace(/-internal$/, '')) };
}

/** The decoded path, or undefined when it is not valid percent-encoded UTF-8. */
function decodedOrUndefined(path: string): string | undefined {
	try {
		return decodeURIComponent(path);
	} catch {
		return undefined;
	}
}

/** A malformed key is refused: signing a guess would only earn an opaque SignatureDoesNotMatch. */
function decodePath(path: string): string {
	const decoded = decodedOrUndefined(path);
	if (decoded === undefined) {
		throw new Error(`The OSS object path "${path}" is not valid percent-encoded UTF-8`);
	}
	return decoded;
}

/** `/<bucket>/<key>` → bucket and key; `/<bucket>` alone is the bucket itself. */
function pathStyleAddress(url: URL, signRegion: string): OssAddress {
	const [, bucket = '', ...rest] = url.pathname.split('/');
	return {
		bucket: decodePath(bucket),
		object: decodePath(rest.join('/')),
		pathStyle: bucket !== '',
		signRegion,
	};
}

function hostedAddress(url: URL, bucket: string, signRegion: string): OssAddress {
	return { bucket, object: decodePath(url.pathname.slice(1)), pathStyle: false, signRegion };
}

/**
 * A request to the OSS Endpoint override, with the bucket in the path. Only its own origin: the
 * signature and STS token never go to other hosts, not even its subdomains (an Alibaba Cloud OSS
 * host with the bucket in its name is recognised by `parseOssHost` instead).
 */
function overrideAddress(url: URL, credentials: AliyunCredentials): OssAddress | undefined {
	if (credentials.ossEndpoint === '') return undefined;
	const endpoint = new URL(credentials.ossEndpoint);
	if (url.origin !== endpoint.origin || url.pathname === '/') return undefined;
	return pathStyleAddress(url, credentials.regionId);
}

/**
 * The OSS address of a request to an OSS host or the OSS Endpoint override, else undefined. The
 * override's root `/` stays an RPC request (the emulator serves both on one origin).
 */
export function ossAddress(url: URL, credentials: AliyunCredentials): OssAddress | undefined {
	const host = parseOssHost(url.hostname);
	if (!host) return overrideAddress(url, credentials);
	const signRegion = host.region ?? credentials.regionId;
	return host.bucket === undefined
		? pathStyleAddress(url, signRegion)
		: hostedAddress(url, host.bucket, signRegion);
}

/** A URL that already carries a V1 or V4 signature in its query: it is sent as it is. */
export function isPresignedOssRequest(prepared: PreparedRequest): boolean {
	return prepared.query.some(([name]) => PRESIGNED_QUERY.includes(name));
}

function ossCallerHeaders(prepared: PreparedRequest): Record<string, string> {
	const headers = { ...prepared.headers };
	for (const name of REPLACED_HEADERS) delete headers[name];
	return headers;
}

/** The headers sent with the body: its content type, which OSS signs, is the one sent. */
function bodyHeaders(prepared: PreparedRequest): Record<string, string> {
	const headers = ossCallerHeaders(prepared);
	const { body } = prepared;
	if (body.kind === 'text' || body.kind === 'binary') headers['content-type'] = body.contentType;
	if (body.kind === 'form') headers['content-type'] = 'application/x-www-form-urlencoded';
	return headers;
}

/** The pre-signed URL as written (its `qs` appended as the SDK encodes a query), nothing added. */
function presignedWireRequest(prepared: PreparedRequest): SignedWireRequest {
	const search = wireSearch(prepared, ossWireQuery);
	return {
		url: `${prepared.url.origin}${prepared.url.pathname}${search === '' ? '' : `?${search}`}`,
		headers: ossCallerHeaders(prepared),
		body: wireBody(prepared.body),
	};
}

/**
 * Signs a request to OSS in the header: `OSS4-HMAC-SHA256` when the credential signs with V3, OSS
 * V1 when with V1; an STS token rides as `x-oss-security-token`. The URL is rebuilt from the raw
 * key and query, as the official SDK sends it; a pre-signed URL goes out unchanged.
 */
export function signOssRequest(
	prepared: PreparedRequest,
	credentials: AliyunCredentials,
	address: OssAddress,
	now: Date,
): SignedWireRequest {
	if (isPresignedOssRequest(prepared)) return presignedWireRequest(prepared);
	const target: OssTarget = {
		method: prepared.method,
		origin: prepared.url.origin,
		bucket: address.bucket,
		object: address.object,
		query: prepared.query,
		pathStyle: address.pathStyle,
	};
	const input = {
		...target,
		accessKeyId: credentials.accessKeyId,
		accessKeySecret: credentials.accessKeySecret,
		securityToken: credentials.securityToken || undefined,
		now,
		headers: bodyHeaders(prepared),
	};
	const signed =
		credentials.signatureVersion === 'v1'
			? signOssV1Header(input)
			: signOssV4Header({ ...input, signRegion: address.signRegion });
	return { url: signed.url, headers: signed.headers, body: wireBody(prepared.body) };
}
