import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { findAliyunRegion } from './regions';

export type AliyunSignatureVersion = 'v1' | 'v3';

/** The `aliyunApi` credential's fields, trimmed and validated. */
export interface AliyunCredentials {
	accessKeyId: string;
	accessKeySecret: string;
	/** '' unless STS temporary credentials are used. */
	securityToken: string;
	regionId: string;
	signatureVersion: AliyunSignatureVersion;
	/** Origins without a trailing slash, or '' when not overridden. */
	vodEndpoint: string;
	mpsEndpoint: string;
	mnsEndpoint: string;
	/** Where OSS objects are read instead of the bucket's own host, bucket in the path; or ''. */
	ossEndpoint: string;
}

/** Display names of the credential fields, used in every validation message. */
export const ALIYUN_FIELD = {
	accessKeyId: 'AccessKey ID',
	accessKeySecret: 'AccessKey Secret',
	securityToken: 'Security Token',
	regionId: 'Region',
	signatureVersion: 'Signature Version',
	vodEndpoint: 'VOD Endpoint',
	mpsEndpoint: 'MPS Endpoint',
	mnsEndpoint: 'MNS Endpoint',
	ossEndpoint: 'OSS Endpoint',
} as const;

const SIGNATURE_VERSIONS: readonly string[] = ['v1', 'v3'];

function textField(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value.trim() : String(value).trim();
}

/** Throws unless the key field is set; the message names the field, never its value. */
function requireKeyField(value: string, field: string): string {
	if (value === '')
		throw new Error(`The "${field}" field of the Alibaba Cloud API credential is empty`);
	return value;
}

function validateRegionId(regionId: string): string {
	if (regionId === '') throw new Error(`The "${ALIYUN_FIELD.regionId}" field is empty`);
	if (!findAliyunRegion(regionId)) {
		throw new Error(
			`The "${ALIYUN_FIELD.regionId}" field holds "${regionId}", which is not a known Alibaba Cloud VOD or MPS region`,
		);
	}
	return regionId;
}

function validateSignatureVersion(value: string): AliyunSignatureVersion {
	if (value === '') return 'v3';
	if (value === 'v1' || value === 'v3') return value;
	throw new Error(
		`The "${ALIYUN_FIELD.signatureVersion}" field must be one of ${SIGNATURE_VERSIONS.join(', ')}`,
	);
}

/**
 * An endpoint override is a bare http(s) origin: a path, query, fragment or user info would be
 * silently dropped or end up in the signed request, so they are refused. Returns the origin, or ''.
 */
export function validateEndpoint(value: string, field: string): string {
	if (value === '') return '';
	if (!URL.canParse(value)) {
		throw new Error(
			`The "${field}" field is not a URL; expected e.g. https://vod.cn-shanghai.aliyuncs.com`,
		);
	}
	const url = new URL(value);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`The "${field}" field must start with https:// or http://`);
	}
	if (url.username !== '' || url.password !== '') {
		throw new Error(`The "${field}" field must not contain a user name or password`);
	}
	if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
		throw new Error(
			`The "${field}" field must be an origin only (scheme, host, port), without path or query`,
		);
	}
	return url.origin;
}

/** Reads and validates the credential; every error names the field at fault, never a secret. */
export function readAliyunCredentials(
	credentials: ICredentialDataDecryptedObject,
): AliyunCredentials {
	return {
		accessKeyId: requireKeyField(textField(credentials, 'accessKeyId'), ALIYUN_FIELD.accessKeyId),
		accessKeySecret: requireKeyField(
			textField(credentials, 'accessKeySecret'),
			ALIYUN_FIELD.accessKeySecret,
		),
		securityToken: textField(credentials, 'securityToken'),
		regionId: validateRegionId(textField(credentials, 'regionId')),
		signatureVersion: validateSignatureVersion(textField(credentials, 'signatureVersion')),
		vodEndpoint: validateEndpoint(textField(credentials, 'vodEndpoint'), ALIYUN_FIELD.vodEndpoint),
		mpsEndpoint: validateEndpoint(textField(credentials, 'mpsEndpoint'), ALIYUN_FIELD.mpsEndpoint),
		mnsEndpoint: validateEndpoint(textField(credentials, 'mnsEndpoint'), ALIYUN_FIELD.mnsEndpoint),
		ossEndpoint: validateEndpoint(textField(credentials, 'ossEndpoint'), ALIYUN_FIELD.ossEndpoint),
	};
}
