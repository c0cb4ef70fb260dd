import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { presignOssV1Url, type OssTarget } from '../../signing/aliyunOss';
import { ossSignRegion, presignOssV4Url } from '../../signing/aliyunOssV4';
import { readAliyunCredentials } from './settings';

/** An OSS object as MPS names it: bucket, `oss-<region>` location, the raw (decoded) key. */
export interface OssObjectRef {
	bucket: string;
	location: string;
	object: string;
}

/** Alibaba Cloud's own OSS hosts serve a bucket only on its own subdomain, never in the path. */
function isAliyunOssHost(host: string): boolean {
	return host.endsWith('.aliyuncs.com');
}

/**
 * Where an object is read: the bucket's own host `https://<bucket>.<location>.aliyuncs.com`, or on
 * the credential's OSS Endpoint the bucket's subdomain of it (an Alibaba Cloud host, e.g. an
 * internal one) or the bucket in the path (any other host: a proxy or the emulator).
 */
export function ossObjectTarget(
	credentials: ICredentialDataDecryptedObject,
	ref: OssObjectRef,
	method = 'GET',
): OssTarget {
	const { ossEndpoint } = readAliyunCredentials(credentials);
	const target = { method, bucket: ref.bucket, object: ref.object };
	if (ossEndpoint === '') {
		return {
			...target,
			origin: `https://${ref.bucket}.${ref.location}.aliyuncs.com`,
			pathStyle: false,
		};
	}
	const endpoint = new URL(ossEndpoint);
	if (!isAliyunOssHost(endpoint.hostname)) {
		return { ...target, origin: endpoint.origin, pathStyle: true };
	}
	return {
		...target,
		origin: `${endpoint.protocol}//${ref.bucket}.${endpoint.host}`,
		pathStyle: false,
	};
}

/**
 * A pre-signed GET link valid `expiresIn` seconds from `now`: OSS V4 when the credential signs
 * with V3, OSS V1 when it signs with V1; STS tokens ride along.
 */
export function presignOssGet(
	credentials: ICredentialDataDecryptedObject,
	ref: OssObjectRef,
	expiresIn: number,
	now: Date,
): string {
	const fields = readAliyunCredentials(credentials);
	const input = {
		...ossObjectTarget(credentials, ref),
		accessKeyId: fields.accessKeyId,
		accessKeySecret: fields.accessKeySecret,
		securityToken: fields.securityToken || undefined,
		expiresIn,
		now,
	};
	if (fields.signatureVersion === 'v1') return presignOssV1Url(input).url;
	return presignOssV4Url({ ...input, signRegion: ossSignRegion(ref.location) }).url;
}
