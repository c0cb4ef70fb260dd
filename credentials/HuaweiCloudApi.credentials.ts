import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialTestRules, type CredentialTestFailures } from './common/credentialTestRules';
import { DEFAULT_HUAWEI_REGION, HUAWEI_VOD_REGIONS } from './common/huawei/regions';
import { authenticateHuaweiRequest } from './common/huawei/requestSigner';
import { HUAWEI_SESSION_FIELD, type HuaweiSession } from './common/huawei/session';
import { resolveHuaweiSession } from './common/huawei/sessionResolver';
import { HUAWEI_FIELD_LABEL } from './common/huawei/settings';
import type { IncomingRequestOptions } from './common/preparedRequest';

const akSkOnly = { show: { authType: ['aksk'] } };
const passwordOnly = { show: { authType: ['password'] } };

const properties: INodeProperties[] = [
	{
		displayName: HUAWEI_FIELD_LABEL.authType,
		name: 'authType',
		type: 'options',
		options: [
			{
				name: 'AK/SK Signature',
				value: 'aksk',
				description: 'Sign every request with an access key (SDK-HMAC-SHA256)',
			},
			{
				name: 'IAM User Password (Token)',
				value: 'password',
				description: 'Sign in to IAM with an IAM user and send the token it returns',
			},
		],
		default: 'aksk',
	},
	{
		displayName: HUAWEI_FIELD_LABEL.accessKeyId,
		name: 'accessKeyId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: akSkOnly,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.secretAccessKey,
		name: 'secretAccessKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: akSkOnly,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.securityToken,
		name: 'securityToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Only for temporary access keys: the security token issued with them',
		displayOptions: akSkOnly,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.domainName,
		name: 'domainName',
		type: 'string',
		default: '',
		required: true,
		description: 'The account the IAM user belongs to',
		displayOptions: passwordOnly,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.userName,
		name: 'userName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: passwordOnly,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.password,
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: passwordOnly,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.region,
		name: 'region',
		type: 'options',
		options: [...HUAWEI_VOD_REGIONS],
		default: DEFAULT_HUAWEI_REGION,
	},
	{
		displayName: HUAWEI_FIELD_LABEL.projectId,
		name: 'projectId',
		type: 'string',
		default: '',
		description:
			'Project of the region (My Credentials > API Credentials > Projects). Leave empty to look it up in IAM by region name.',
	},
	{
		displayName: HUAWEI_FIELD_LABEL.vodEndpoint,
		name: 'vodEndpoint',
		type: 'string',
		default: '',
		placeholder: 'https://vod.cn-north-4.myhuaweicloud.com',
		description:
			"Leave empty for the region default. Set it for another Huawei Cloud partner cloud or a test server. A Test that shows only ENOTFOUND or ECONNREFUSED could not reach this endpoint (or, when empty, the Region's endpoint, as in the placeholder).",
	},
	{
		displayName: HUAWEI_FIELD_LABEL.iamEndpoint,
		name: 'iamEndpoint',
		type: 'string',
		default: '',
		placeholder: 'https://iam.cn-north-4.myhuaweicloud.com',
		description:
			'Leave empty for the region default. Set it for another Huawei Cloud partner cloud or a test server.',
	},
	{
		displayName: 'Resolved For',
		name: HUAWEI_SESSION_FIELD.resolvedFor,
		type: 'hidden',
		typeOptions: { expirable: true },
		default: '',
	},
	{
		displayName: 'Resolved Project ID',
		name: HUAWEI_SESSION_FIELD.resolvedProjectId,
		type: 'hidden',
		default: '',
	},
	{
		displayName: 'IAM Token',
		name: HUAWEI_SESSION_FIELD.iamToken,
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	{
		displayName: 'IAM Token Expires At',
		name: HUAWEI_SESSION_FIELD.tokenExpiresAt,
		type: 'hidden',
		default: '',
	},
];

const PERMISSION_HINT = 'check the IAM permissions (vod:thumbnail:list) and the project';

/**
 * Why a Test fails: the gateway's HTTP status (APIG signing guide error table), and gateway or VOD
 * codes if they arrive inside a 200 body.
 */
const TEST_FAILURES: CredentialTestFailures = {
	statuses: [
		[
			401,
			'Huawei Cloud rejected the credentials (APIGW.0301): check the AK/SK (and Security Token), or the IAM user and password, and the n8n host clock. More than 5 failures lock an AK for 5 minutes.',
		],
		[403, `Huawei Cloud refused access: ${PERMISSION_HINT}`],
		[404, 'No VOD API at this address: check the Region and the VOD Endpoint'],
	],
	bodyCodeKey: 'error_code',
	bodyCodes: [
		'APIGW.0301',
		'APIG.0301',
		'APIGW.0302',
		'APIG.0302',
		'VOD.10051',
		'VOD.10052',
		'VOD.10053',
		'VOD.10054',
		'VOD.10055',
	].map((code) => [
		code,
		`Huawei Cloud answered an error: check the keys, the region and ${PERMISSION_HINT}`,
	]),
};

/** The session as the plain object n8n stores (a mapped type, so it indexes like IDataObject). */
type StoredSession = Pick<HuaweiSession, keyof HuaweiSession>;

export class HuaweiCloudApi implements ICredentialType {
	name = 'huaweiCloudApi';

	displayName = 'Huawei Cloud API';

	icon: Icon = {
		light: 'file:../icons/huaweicloud.svg',
		dark: 'file:../icons/huaweicloud.dark.svg',
	};

	documentationUrl =
		'https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-algorithm-002.html';

	properties = properties;

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<StoredSession | Record<string, never>> {
		const session = await resolveHuaweiSession(
			async (options) => await this.helpers.httpRequest(options),
			credentials,
			new Date(),
		);
		// Without the expirable field n8n keeps the stored session and does not re-send the request
		// (the HTTP Request node re-sends after any error when this returns one: see resolveHuaweiSession).
		return session ? { ...session } : {};
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IncomingRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateHuaweiRequest(credentials, requestOptions, new Date());
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.vodEndpoint || "").trim() || "https://vod." + $credentials.region + ".myhuaweicloud.com" }}',
			url: '/v1/{project_id}/asset/thumbnails',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: credentialTestRules(TEST_FAILURES),
	};
}
