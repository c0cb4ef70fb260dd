import type { ErrorKind, ProviderErrorTable } from '../kinds';

const ALIYUN_SERVER_CODES = [
	'ServiceUnavailable',
	'ServiceUnAvailable',
	'InternalError',
	'TransientNetWorkError',
];
const ALIYUN_AUTH_CODES = ['SignatureDoesNotMatch', 'IncompleteSignature'];

/** Alibaba Cloud RPC/ROA gateway codes (aliyun.md §f). */
export function aliyunKindOfCode(code: string): ErrorKind | undefined {
	if (code.startsWith('Throttling')) return 'throttled';
	if (ALIYUN_SERVER_CODES.includes(code)) return 'server';
	if (ALIYUN_AUTH_CODES.includes(code)) return 'auth';
	if (/^(InvalidAccessKeyId|InvalidSecurityToken)(\.|$)/.test(code)) return 'auth';
	if (code === 'InvalidTimeStamp.Expired') return 'clock';
	if (code === 'SignatureNonceUsed') return 'nonce';
	if (code.startsWith('Forbidden')) return 'permission';
	return undefined;
}

/** The AccessKey hint of every Alibaba Cloud service, naming the service as `cloudName`. */
export function accessKeyAuthHint(cloudName: string): string {
	return (
		'Check the AccessKey ID and AccessKey Secret (and the STS security token, if used) in the ' +
		`${cloudName} credential, and that the region or endpoint is the one the key belongs to.`
	);
}

export function ramPermissionHint(what: string): string {
	return `The RAM user is not allowed to call ${what}. Grant the permission for it in Alibaba Cloud RAM.`;
}

const CLOUD_NAME = 'Alibaba Cloud';

export const ALIYUN_ERRORS: ProviderErrorTable = {
	cloudName: CLOUD_NAME,
	requestIdHeaders: ['x-acs-request-id'],
	kindOfCode: aliyunKindOfCode,
	authHint: accessKeyAuthHint(CLOUD_NAME),
	permissionHint: ramPermissionHint,
};
