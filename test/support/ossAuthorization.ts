/**
 * What an OSS server reads back from a signed request: the Authorization header's parts and the
 * date a V1 header signature covers. The package only signs; these check its output in tests.
 */
import {
	OSS_HEADER,
	OSS_V1_AUTHORIZATION_PREFIX,
	ossHeaderValue,
	type OssHeaders,
} from '../../credentials/signing/aliyunOss';
import { OSS_V4_ALGORITHM } from '../../credentials/signing/aliyunOssV4';
import { authorizationFields } from '../../credentials/signing/authorizationFields';

/** The date a received V1 header-signed request was signed with: `x-oss-date`, else `Date`. */
export function ossV1HeaderDate(headers: OssHeaders): string {
	return ossHeaderValue(headers, OSS_HEADER.ossDate) || ossHeaderValue(headers, OSS_HEADER.date);
}

/** Reads `OSS <AccessKeyId>:<Signature>`; undefined when malformed. */
export function parseOssV1Authorization(
	value: string,
): { accessKeyId: string; signature: string } | undefined {
	if (!value.startsWith(OSS_V1_AUTHORIZATION_PREFIX)) return undefined;
	const credential = value.slice(OSS_V1_AUTHORIZATION_PREFIX.length);
	const index = credential.lastIndexOf(':');
	if (index <= 0 || index === credential.length - 1) return undefined;
	return { accessKeyId: credential.slice(0, index), signature: credential.slice(index + 1) };
}

export interface OssV4Authorization {
	accessKeyId: string;
	/** `<yyyymmdd>/<region>/oss/aliyun_v4_request`. */
	scope: string;
	date: string;
	region: string;
	additionalHeaders: string[];
	signature: string;
}

/** Reads `OSS4-HMAC-SHA256 Credential=…[,AdditionalHeaders=…],Signature=…` (`,` or `, `). */
export function parseOssV4Authorization(value: string): OssV4Authorization | undefined {
	const fields = authorizationFields(value, OSS_V4_ALGORITHM);
	if (!fields) return undefined;
	const credential = fields.get('Credential')?.split('/') ?? [];
	const signature = fields.get('Signature');
	if (credential.length !== 5 || !signature) return undefined;
	const [accessKeyId, date, region] = credential;
	const additional = fields.get('AdditionalHeaders');
	return {
		accessKeyId,
		scope: credential.slice(1).join('/'),
		date,
		region,
		additionalHeaders: additional ? additional.split(';') : [],
		signature,
	};
}
