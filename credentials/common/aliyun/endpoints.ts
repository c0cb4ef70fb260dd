import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { findAliyunRegion, VOD_ENDPOINT_REGION } from './regions';
import { ALIYUN_FIELD, readAliyunCredentials } from './settings';

/** Products called through the RPC API, keyed by the API's own service name (MPS is `mts`). */
export type AliyunRpcProduct = 'vod' | 'mts';
/** Every product the `aliyunApi` credential has an endpoint for. */
export type AliyunProduct = AliyunRpcProduct | 'mns';

/** The credential field that overrides each product's endpoint. */
const PRODUCT_ENDPOINT_FIELD = {
	vod: 'vodEndpoint',
	mts: 'mpsEndpoint',
	mns: 'mnsEndpoint',
} as const satisfies Record<AliyunProduct, keyof typeof ALIYUN_FIELD>;

const PRODUCT_NAME = { vod: 'VOD', mts: 'MPS' } as const satisfies Record<AliyunRpcProduct, string>;

/** `https://vod.<region>.aliyuncs.com` / `https://mts.<region>.aliyuncs.com` for a region that offers it. */
function defaultAliyunEndpoint(regionId: string, product: AliyunRpcProduct): string {
	const region = findAliyunRegion(regionId);
	if (!region?.[product]) {
		throw new Error(
			`Alibaba Cloud ${PRODUCT_NAME[product]} is not offered in the region of the "${ALIYUN_FIELD.regionId}" field (${regionId}); choose another region or set "${ALIYUN_FIELD[PRODUCT_ENDPOINT_FIELD[product]]}"`,
		);
	}
	const endpointRegion = product === 'vod' ? (VOD_ENDPOINT_REGION[regionId] ?? regionId) : regionId;
	return `https://${product}.${endpointRegion}.aliyuncs.com`;
}

/** The origin requests for a product go to: the credential's override, else the region default. */
export function aliyunEndpoint(
	credentials: ICredentialDataDecryptedObject,
	product: AliyunProduct,
): string {
	const fields = readAliyunCredentials(credentials);
	const override = fields[PRODUCT_ENDPOINT_FIELD[product]];
	if (override !== '') return override;
	if (product === 'mns') {
		throw new Error(
			`The "${ALIYUN_FIELD.mnsEndpoint}" field is empty; MNS endpoints are per account, e.g. https://<AccountId>.mns.${fields.regionId}.aliyuncs.com`,
		);
	}
	return defaultAliyunEndpoint(fields.regionId, product);
}
