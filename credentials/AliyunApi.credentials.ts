import { randomBytes, randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ALIYUN_REGIONS } from './common/aliyun/regions';
import { signAliyunRequest, type AliyunSigningContext } from './common/aliyun/requestSigner';
import { readAliyunCredentials, type AliyunSignatureVersion } from './common/aliyun/settings';
import { credentialTestRules, type CredentialTestFailures } from './common/credentialTestRules';
import {
	prepareRequest,
	toSignedRequestOptions,
	type IncomingRequestOptions,
} from './common/preparedRequest';

/**
 * Why a Test fails: the HTTP status Alibaba Cloud answers with (codes documented in the VOD error
 * tables), and the same codes if they ever arrive inside a 200 body.
 */
const TEST_FAILURES: CredentialTestFailures = {
	statuses: [
		[
			400,
			'Alibaba Cloud refused the signature: check the AccessKey Secret (and the Security Token for STS), and that the n8n host clock is within 15 minutes of real time',
		],
		[
			404,
			'The AccessKey ID does not exist (InvalidAccessKeyId.NotFound), or the VOD endpoint is wrong',
		],
		[
			403,
			'The key is valid but not allowed to call VOD SearchMedia in this region (RAM permission vod:SearchMedia)',
		],
	],
	bodyCodeKey: 'Code',
	bodyCodes: [
		['InvalidAccessKeyId.NotFound', 'The AccessKey ID does not exist'],
		['InvalidAccessKeyId.Inactive', 'The AccessKey is disabled'],
		['SignatureDoesNotMatch', 'The AccessKey Secret does not match the AccessKey ID'],
		['InvalidSecurityToken.Expired', 'The STS security token has expired'],
		['InvalidSecurityToken.Malformed', 'The STS security token is malformed'],
		[
			'InvalidSecurityToken.MismatchWithAccessKey',
			'The STS security token does not belong to this AccessKey ID',
		],
		['IncompleteSignature', 'The request signature is incomplete'],
		['InvalidTimeStamp.Expired', 'The clock of the n8n host is more than 15 minutes off'],
		['Forbidden.RAM', 'The RAM user lacks permission for VOD (e.g. vod:SearchMedia)'],
		['Forbidden', 'The account is not allowed to call VOD in this region'],
	],
};

/**
 * n8n's credential tester reports a network failure of the Test request by its code alone
 * (ENOTFOUND, ECONNREFUSED), without the host, so the endpoint fields say what it means.
 */
const UNREACHABLE_TEST =
	"A Test that shows only ENOTFOUND or ECONNREFUSED could not reach this endpoint (or, when empty, the Region's endpoint, as in the placeholder).";

export class AliyunApi implements ICredentialType {
	name = 'aliyunApi';

	displayName = 'Alibaba Cloud API';

	icon: Icon = { light: 'file:../icons/aliyun.svg', dark: 'file:../icons/aliyun.dark.svg' };

	documentationUrl = 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair';

	properties: INodeProperties[] = [
		{
			displayName: 'AccessKey ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			description: 'AccessKey ID of a RAM user, or the STS. prefixed temporary ID',
		},
		{
			displayName: 'AccessKey Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Security Token',
			name: 'securityToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for STS temporary credentials: the SecurityToken returned by AssumeRole',
		},
		{
			displayName: 'Region',
			name: 'regionId',
			type: 'options',
			options: ALIYUN_REGIONS.map((region) => ({
				name: `${region.name} (${region.id})`,
				value: region.id,
			})),
			default: 'cn-shanghai',
			description:
				'Region of the VOD and MPS endpoints. Media can only be processed through the endpoint of the region it is stored in.',
		},
		{
			displayName: 'Signature Version',
			name: 'signatureVersion',
			type: 'options',
			options: [
				{
					name: 'V3 (ACS3-HMAC-SHA256)',
					value: 'v3',
					description: 'Current Alibaba Cloud signature, used by the official SDKs',
				},
				{
					name: 'V1 (HMAC-SHA1, SignatureVersion 1.0)',
					value: 'v1',
					description: 'Signature documented in the VOD and MPS API references',
				},
			],
			default: 'v3',
		},
		{
			displayName: 'VOD Endpoint',
			name: 'vodEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://vod.cn-shanghai.aliyuncs.com',
			description: `Leave empty for the region default. Set for a private or VPC endpoint. ${UNREACHABLE_TEST}`,
		},
		{
			displayName: 'MPS Endpoint',
			name: 'mpsEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://mts.cn-shanghai.aliyuncs.com',
			description: 'Leave empty for the region default. Set for a private or VPC endpoint.',
		},
		{
			displayName: 'MNS Endpoint',
			name: 'mnsEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://1234567890123456.mns.cn-shanghai.aliyuncs.com',
			description:
				'Needed to read MPS job notifications from an MNS queue: https://<AccountId>.mns.<region>.aliyuncs.com',
		},
		{
			displayName: 'OSS Endpoint',
			name: 'ossEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://oss-cn-shanghai-internal.aliyuncs.com',
			description:
				"Leave empty to reach MPS's images at https://<bucket>.oss-<region>.aliyuncs.com. Set for another endpoint: on an Alibaba Cloud host (e.g. the internal one) the bucket is its subdomain, on any other host (a proxy, the emulator) the bucket goes in the path.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IncomingRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fields = readAliyunCredentials(credentials);
		const prepared = prepareRequest(requestOptions);
		const signed = signAliyunRequest(
			prepared,
			fields,
			this.signingContext(fields.signatureVersion),
		);
		return toSignedRequestOptions(requestOptions, signed);
	}

	/**
	 * The clock and nonce a request is signed with: now, and a fresh `SignatureNonce` (V1, a UUID) or
	 * `x-acs-signature-nonce` (V3, hex). The only impure step of `authenticate`; a test subclass
	 * pins it to replay the signing vectors.
	 */
	protected signingContext(signatureVersion: AliyunSignatureVersion): AliyunSigningContext {
		const nonce = signatureVersion === 'v1' ? randomUUID() : randomBytes(16).toString('hex');
		return { now: new Date(), nonce };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.vodEndpoint ? $credentials.vodEndpoint.trim() : "https://vod." + ($credentials.regionId === "cn-hangzhou" ? "cn-shanghai" : $credentials.regionId) + ".aliyuncs.com" }}',
			url: '/',
			method: 'GET',
			qs: {
				Action: 'SearchMedia',
				Version: '2017-03-21',
				SearchType: 'video',
				PageSize: 1,
			},
		},
		rules: credentialTestRules(TEST_FAILURES),
	};
}
