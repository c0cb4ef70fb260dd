/** The OSS signing vectors (`aliyun-oss.json`) as the tests read them. */
import { OSS_HEADER } from '../../credentials/signing/aliyunOss';
import { ossSignRegion } from '../../credentials/signing/aliyunOssV4';

type Strings = Record<string, string>;

/** Inputs as the official SDK was called, expected intermediates and result. */
export interface OssVector {
	id: string;
	scheme: string;
	inputs: {
		method: string;
		region: string | null;
		host: string;
		pathStyle: boolean;
		bucket: string;
		object: string;
		accessKeyId: string;
		accessKeySecret: string;
		securityToken?: string;
		time: string;
		query: Strings;
		headers?: Strings;
		expiresIn?: number;
		additionalHeaders?: string[];
	};
	expected: Record<string, unknown>;
}

export const OSS_VECTOR_SCHEMES = ['oss-v1-header', 'oss-v1-url', 'oss-v4-header', 'oss-v4-url'];

/** Headers the signer adds itself from the time and the keys; the rest are the caller's. */
const SIGNER_HEADERS: readonly string[] = [
	OSS_HEADER.ossDate,
	OSS_HEADER.contentSha256,
	OSS_HEADER.securityToken,
];

export function lowerNames(headers: Strings): Strings {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

/** The headers a caller passes to the signer: the vector's, less the ones the signer adds. */
export function callerHeaders(headers: Strings | undefined): Strings {
	return Object.fromEntries(
		Object.entries(lowerNames(headers ?? {})).filter(([name]) => !SIGNER_HEADERS.includes(name)),
	);
}

/** The V4 region: the vector's OSS region id without `oss-`, else the one in the bucket host. */
export function vectorSignRegion(vector: OssVector): string {
	const location =
		vector.inputs.region ?? /\.(oss-[a-z0-9-]+)\.aliyuncs\.com$/.exec(vector.inputs.host)?.[1];
	if (!location) throw new Error(`${vector.id}: no region`);
	return ossSignRegion(location);
}
