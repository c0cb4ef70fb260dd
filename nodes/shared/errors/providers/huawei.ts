import type { ErrorKind, ProviderErrorTable } from '../kinds';

/** API Gateway codes (huawei.md §1.7) by their number; `APIG.` and `APIGW.` prefixes mean the same. */
const GATEWAY_KINDS: Record<string, ErrorKind> = {
	'0101': 'client',
	'0301': 'auth',
	'0302': 'permission',
	'0303': 'auth',
	'0308': 'throttled',
};

function huaweiKindOfCode(code: string): ErrorKind | undefined {
	const gateway = /^APIGW?\.(\d{4})$/.exec(code);
	if (gateway) return GATEWAY_KINDS[gateway[1]];
	if (code.startsWith('VOD.')) return 'client';
	return undefined;
}

export const HUAWEI_ERRORS: ProviderErrorTable = {
	cloudName: 'Huawei Cloud',
	requestIdHeaders: ['x-request-id'],
	kindOfCode: huaweiKindOfCode,
	authHint:
		'Check the Access Key ID and Secret Access Key in the Huawei Cloud credential, and that the region ' +
		'and endpoint match. Warning: after more than 5 consecutive authentication failures Huawei Cloud ' +
		'locks the access key for 5 minutes, so fix the credential before running again.',
	permissionHint: (what) =>
		`The IAM user is not allowed to call ${what}. Grant the VOD permission for it in Huawei Cloud IAM.`,
};
