import type { INodePropertyOptions } from 'n8n-workflow';

/** VOD regions of the SDK region tables (huawei.md section 3); IAM has an endpoint in each. */
export const HUAWEI_VOD_REGIONS: readonly INodePropertyOptions[] = [
	{ name: 'CN North-Beijing4 (cn-north-4)', value: 'cn-north-4' },
	{ name: 'CN North-Beijing1 (cn-north-1)', value: 'cn-north-1' },
	{ name: 'CN East-Shanghai2 (cn-east-2)', value: 'cn-east-2' },
	{ name: 'CN-Hong Kong (ap-southeast-1)', value: 'ap-southeast-1' },
	{ name: 'AP-Bangkok (ap-southeast-2)', value: 'ap-southeast-2' },
	{ name: 'AP-Singapore (ap-southeast-3)', value: 'ap-southeast-3' },
];

export const DEFAULT_HUAWEI_REGION = 'cn-north-4';

export function isKnownHuaweiRegion(region: string): boolean {
	return HUAWEI_VOD_REGIONS.some((option) => option.value === region);
}
