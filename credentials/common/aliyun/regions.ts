export interface AliyunRegion {
	id: string;
	name: string;
	vod: boolean;
	mts: boolean;
}

/**
 * VOD: 2021 "VOD centers and endpoints" doc plus newer SDK endpoint maps (cn-hangzhou is served by
 * vod.cn-shanghai). MPS: 2021 "Service regions" doc.
 */
export const ALIYUN_REGIONS: readonly AliyunRegion[] = [
	{ id: 'cn-hangzhou', name: 'China (Hangzhou)', vod: true, mts: true },
	{ id: 'cn-shanghai', name: 'China (Shanghai)', vod: true, mts: true },
	{ id: 'cn-beijing', name: 'China (Beijing)', vod: true, mts: true },
	{ id: 'cn-shenzhen', name: 'China (Shenzhen)', vod: true, mts: true },
	{ id: 'cn-hongkong', name: 'China (Hong Kong)', vod: true, mts: true },
	{ id: 'cn-north-2-gov-1', name: 'China North 2 Ali Gov 1', vod: true, mts: false },
	{ id: 'ap-southeast-1', name: 'Singapore', vod: true, mts: true },
	{ id: 'ap-southeast-5', name: 'Indonesia (Jakarta)', vod: true, mts: false },
	{ id: 'ap-south-1', name: 'India (Mumbai)', vod: true, mts: true },
	{ id: 'ap-northeast-1', name: 'Japan (Tokyo)', vod: true, mts: true },
	{ id: 'eu-central-1', name: 'Germany (Frankfurt)', vod: true, mts: true },
	{ id: 'eu-west-1', name: 'UK (London)', vod: false, mts: true },
	{ id: 'us-west-1', name: 'US (Silicon Valley)', vod: true, mts: true },
	{ id: 'me-central-1', name: 'Saudi Arabia (Riyadh)', vod: true, mts: false },
];

/** Regions whose VOD API is served by another region's endpoint. */
export const VOD_ENDPOINT_REGION: Readonly<Record<string, string>> = {
	'cn-hangzhou': 'cn-shanghai',
};

export function findAliyunRegion(id: string): AliyunRegion | undefined {
	return ALIYUN_REGIONS.find((region) => region.id === id);
}
