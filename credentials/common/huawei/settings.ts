import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { isKnownHuaweiRegion } from './regions';

type HuaweiService = 'vod' | 'iam';
type HuaweiAuthType = 'aksk' | 'password';

/** Credential field names as the user sees them, so every error points at the field to fix. */
export const HUAWEI_FIELD_LABEL = {
	authType: 'Authentication',
	accessKeyId: 'Access Key ID',
	secretAccessKey: 'Secret Access Key',
	securityToken: 'Security Token',
	domainName: 'Account (Domain) Name',
	userName: 'IAM User Name',
	password: 'IAM User Password',
	region: 'Region',
	projectId: 'Project ID',
	vodEndpoint: 'VOD Endpoint',
	iamEndpoint: 'IAM Endpoint',
} as const;

const ENDPOINT_FIELD = { vod: 'vodEndpoint', iam: 'iamEndpoint' } as const;
const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;
const PROJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

interface HuaweiCommonSettings {
	region: string;
	/** Empty when it has to be resolved from IAM. */
	projectId: string;
	vodEndpoint: string;
	iamEndpoint: string;
}

export interface HuaweiAkSkSettings extends HuaweiCommonSettings {
	authType: 'aksk';
	accessKeyId: string;
	secretAccessKey: string;
	/** Empty for permanent keys. */
	securityToken: string;
}

export interface HuaweiPasswordSettings extends HuaweiCommonSettings {
	authType: 'password';
	domainName: string;
	userName: string;
	password: string;
}

export type HuaweiSettings = HuaweiAkSkSettings | HuaweiPasswordSettings;

/** Every credential error starts the same way, so the user knows which credential to open. */
export function huaweiCredentialError(message: string): Error {
	return new Error(`Huawei Cloud credential: ${message}`);
}

export function credentialText(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value.trim() : '';
}

function requiredText(
	credentials: ICredentialDataDecryptedObject,
	name: keyof typeof HUAWEI_FIELD_LABEL,
): string {
	const value = credentialText(credentials, name);
	if (value === '') throw huaweiCredentialError(`"${HUAWEI_FIELD_LABEL[name]}" is empty`);
	return value;
}

/** A password may start or end with spaces: kept as typed. */
function requiredSecret(credentials: ICredentialDataDecryptedObject, name: 'password'): string {
	const value = credentials[name];
	if (typeof value !== 'string' || value === '') {
		throw huaweiCredentialError(`"${HUAWEI_FIELD_LABEL[name]}" is empty`);
	}
	return value;
}

/** Origin plus any path prefix, without a trailing slash; throws naming the field when malformed. */
function normalizeHuaweiEndpoint(value: string, field: 'vodEndpoint' | 'iamEndpoint'): string {
	const label = HUAWEI_FIELD_LABEL[field];
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw huaweiCredentialError(
			`"${label}" must be an absolute URL such as https://host, got "${value}"`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw huaweiCredentialError(
			`"${label}" must start with https:// or http://, not ${url.protocol}//`,
		);
	}
	if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
		throw huaweiCredentialError(`"${label}" must not contain user info, a query or a fragment`);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function validRegion(credentials: ICredentialDataDecryptedObject): string {
	const region = requiredText(credentials, 'region');
	if (!REGION_PATTERN.test(region)) {
		throw huaweiCredentialError(
			`"${HUAWEI_FIELD_LABEL.region}" "${region}" is not a region id such as cn-north-4`,
		);
	}
	return region;
}

/**
 * The service endpoint: the override when set, else `https://<service>.<region>.myhuaweicloud.com`.
 * A region outside the list is accepted only with an override (partner clouds use other ids and domains).
 */
export function huaweiEndpoint(
	credentials: ICredentialDataDecryptedObject,
	service: HuaweiService,
): string {
	const field = ENDPOINT_FIELD[service];
	const override = credentialText(credentials, field);
	const region = validRegion(credentials);
	if (override !== '') return normalizeHuaweiEndpoint(override, field);
	if (!isKnownHuaweiRegion(region)) {
		throw huaweiCredentialError(
			`"${HUAWEI_FIELD_LABEL.region}" "${region}" is not a known Huawei Cloud VOD region; pick one from the list or set "${HUAWEI_FIELD_LABEL[field]}"`,
		);
	}
	return `https://${service}.${region}.myhuaweicloud.com`;
}

function validProjectId(credentials: ICredentialDataDecryptedObject): string {
	const projectId = credentialText(credentials, 'projectId');
	if (projectId !== '' && !PROJECT_ID_PATTERN.test(projectId)) {
		throw huaweiCredentialError(
			`"${HUAWEI_FIELD_LABEL.projectId}" may contain only letters, digits, "-" and "_" (find it under My Credentials > Projects)`,
		);
	}
	return projectId;
}

function authTypeOf(credentials: ICredentialDataDecryptedObject): HuaweiAuthType {
	const authType = credentialText(credentials, 'authType') || 'aksk';
	if (authType !== 'aksk' && authType !== 'password') {
		throw huaweiCredentialError(`"${HUAWEI_FIELD_LABEL.authType}" "${authType}" is not supported`);
	}
	return authType;
}

/** Validated, trimmed settings; every error names the field and never quotes a secret. */
export function huaweiSettings(credentials: ICredentialDataDecryptedObject): HuaweiSettings {
	const common: HuaweiCommonSettings = {
		region: validRegion(credentials),
		projectId: validProjectId(credentials),
		vodEndpoint: huaweiEndpoint(credentials, 'vod'),
		iamEndpoint: huaweiEndpoint(credentials, 'iam'),
	};
	if (authTypeOf(credentials) === 'password') {
		return {
			...common,
			authType: 'password',
			domainName: requiredText(credentials, 'domainName'),
			userName: requiredText(credentials, 'userName'),
			password: requiredSecret(credentials, 'password'),
		};
	}
	return {
		...common,
		authType: 'aksk',
		accessKeyId: requiredText(credentials, 'accessKeyId'),
		secretAccessKey: requiredText(credentials, 'secretAccessKey'),
		securityToken: credentialText(credentials, 'securityToken'),
	};
}
