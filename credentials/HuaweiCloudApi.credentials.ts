import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_HUAWEI_REGION,
	HUAWEI_FIELD_LABEL,
	HUAWEI_VOD_REGIONS,
	huaweiCredentialError,
	credentialText,
	huaweiSettings,
	type HuaweiAkSkSettings,
	type HuaweiPasswordSettings,
	type HuaweiSettings,
} from './common/huaweiEndpoints';
import {
	prepareRequest,
	toSignedRequestOptions,
	type IncomingRequestOptions,
	type PreparedBody,
	type SignedWireRequest,
} from './common/preparedRequest';
import {
	HUAWEI_HEADER,
	formatSdkDate,
	huaweiCanonicalQuery,
	signHuaweiRequest,
} from './signing/huaweiSdkHmac';
import { encodeQuery } from './signing/percentEncode';

/** Hidden fields n8n stores after `preAuthentication`. */
export const HUAWEI_SESSION_FIELD = {
	/** Expirable: n8n calls `preAuthentication` while it is empty, after a 401 and on Test. */
	resolvedFor: 'resolvedFor',
	resolvedProjectId: 'resolvedProjectId',
	iamToken: 'iamToken',
} as const;

export interface HuaweiSession {
	[HUAWEI_SESSION_FIELD.resolvedFor]: string;
	[HUAWEI_SESSION_FIELD.resolvedProjectId]: string;
	[HUAWEI_SESSION_FIELD.iamToken]: string;
}

/** The subset of n8n's `httpRequest` that session resolution needs; tests pass their own sender. */
export type HuaweiHttpSender = (options: IHttpRequestOptions) => Promise<unknown>;

const PROJECT_ID_PLACEHOLDER = /\{project_id\}|%7Bproject_id%7D/gi;
const SUBJECT_TOKEN_HEADER = 'x-subject-token';
const IAM_JSON_CONTENT_TYPE = 'application/json;charset=utf8';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const CONTENT_TYPE = HUAWEI_HEADER.contentType;
/** Lower case like every prepared header, so a caller's copy is replaced rather than doubled. */
const PROJECT_ID_HEADER = HUAWEI_HEADER.projectId.toLowerCase();
const AUTH_TOKEN_HEADER = HUAWEI_HEADER.authToken.toLowerCase();
/** Set by the HTTP layer from the bytes it sends; a caller's copy could contradict them. */
const DROPPED_CALLER_HEADERS: readonly string[] = ['content-length'];

/** Non-secret description of the settings a session was resolved for; a change makes it stale. */
export function huaweiSessionScope(settings: HuaweiSettings): string {
	const principal =
		settings.authType === 'aksk'
			? settings.accessKeyId
			: `${settings.domainName}/${settings.userName}`;
	return [
		settings.authType,
		settings.region,
		settings.projectId,
		settings.iamEndpoint,
		settings.vodEndpoint,
		principal,
	].join('|');
}

/** The stored session, only when it was resolved for exactly these settings. */
function currentSession(
	credentials: ICredentialDataDecryptedObject,
	settings: HuaweiSettings,
): HuaweiSession | undefined {
	if (
		credentialText(credentials, HUAWEI_SESSION_FIELD.resolvedFor) !== huaweiSessionScope(settings)
	) {
		return undefined;
	}
	return {
		resolvedFor: huaweiSessionScope(settings),
		resolvedProjectId: credentialText(credentials, HUAWEI_SESSION_FIELD.resolvedProjectId),
		iamToken: credentialText(credentials, HUAWEI_SESSION_FIELD.iamToken),
	};
}

function projectIdFor(settings: HuaweiSettings, session: HuaweiSession | undefined): string {
	return settings.projectId || session?.resolvedProjectId || '';
}

/** Replaces `{project_id}` (as typed or as URL-encoded) in the path. */
export function withProjectId(url: URL, projectId: string): URL {
	const raw = url.pathname;
	if (raw.search(PROJECT_ID_PLACEHOLDER) === -1) return url;
	if (projectId === '') {
		throw huaweiCredentialError(
			`the URL contains {project_id} but "${HUAWEI_FIELD_LABEL.projectId}" is empty and has not been resolved yet; enter it, or click Test on the credential to resolve it`,
		);
	}
	const replaced = new URL(url.href);
	replaced.pathname = raw.replace(PROJECT_ID_PLACEHOLDER, projectId);
	return replaced;
}

interface WireBody {
	bytes: string | Buffer;
	contentType?: string;
}

function wireBody(body: PreparedBody): WireBody {
	switch (body.kind) {
		case 'none':
			return { bytes: '' };
		case 'form':
			return { bytes: encodeQuery(body.params), contentType: FORM_CONTENT_TYPE };
		case 'text':
			return { bytes: body.text, contentType: body.contentType };
		case 'binary':
			return { bytes: body.bytes, contentType: body.contentType };
	}
}

function callerHeaders(
	headers: Readonly<Record<string, string>>,
	body: WireBody,
): Record<string, string> {
	const result = { ...headers };
	for (const name of DROPPED_CALLER_HEADERS) delete result[name];
	if (body.contentType !== undefined) result[CONTENT_TYPE] = body.contentType;
	return result;
}

/** The request after shaping, before authentication: project id substituted, body serialised. */
interface ShapedRequest {
	method: string;
	url: URL;
	query: Array<[string, string]>;
	headers: Record<string, string>;
	body: WireBody;
}

function signAkSk(
	settings: HuaweiAkSkSettings,
	request: ShapedRequest,
	projectId: string,
	now: Date,
): SignedWireRequest {
	const headers =
		projectId === '' ? request.headers : { ...request.headers, [PROJECT_ID_HEADER]: projectId };
	const signed = signHuaweiRequest({
		method: request.method,
		url: request.url,
		query: request.query,
		headers,
		body: request.body.bytes,
		accessKeyId: settings.accessKeyId,
		secretAccessKey: settings.secretAccessKey,
		securityToken: settings.securityToken || undefined,
		sdkDate: formatSdkDate(now),
	});
	return { url: signed.url, headers: signed.headers, body: request.body.bytes };
}

function withToken(request: ShapedRequest, session: HuaweiSession | undefined): SignedWireRequest {
	if (!session?.iamToken) {
		throw huaweiCredentialError(
			'no IAM token has been obtained for these settings yet; click Test on the credential to sign in',
		);
	}
	const query = huaweiCanonicalQuery(request.query);
	const base = `${request.url.origin}${request.url.pathname}`;
	return {
		url: query === '' ? base : `${base}?${query}`,
		headers: { ...request.headers, [AUTH_TOKEN_HEADER]: session.iamToken },
		body: request.body.bytes,
	};
}

/**
 * The pure core of `authenticate`: either request shape in, the exact wire request out
 * (full URL, `qs: undefined`, signed headers and body). Signing errors propagate.
 */
export function authenticateHuaweiRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IncomingRequestOptions,
	now: Date,
): IHttpRequestOptions {
	const settings = huaweiSettings(credentials);
	const session = currentSession(credentials, settings);
	const prepared = prepareRequest(requestOptions);
	const body = wireBody(prepared.body);
	const request: ShapedRequest = {
		method: prepared.method,
		url: withProjectId(prepared.url, projectIdFor(settings, session)),
		query: prepared.query,
		headers: callerHeaders(prepared.headers, body),
		body,
	};
	const wire =
		settings.authType === 'aksk'
			? signAkSk(settings, request, projectIdFor(settings, session), now)
			: withToken(request, session);
	return toSignedRequestOptions(requestOptions, wire);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

function asFullResponse(response: unknown): FullResponse {
	if (!isRecord(response) || typeof response.statusCode !== 'number') {
		throw huaweiCredentialError('IAM returned a response n8n could not read');
	}
	const body = typeof response.body === 'string' ? parseJsonText(response.body) : response.body;
	return {
		statusCode: response.statusCode,
		headers: isRecord(response.headers) ? response.headers : {},
		body,
	};
}

function parseJsonText(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		// A non-JSON body (an HTML error page) is reported by its status code instead.
		return text;
	}
}

/** `error_code: error_msg` (APIG, VOD) or Keystone's `error.code: error.message`, never request data. */
function providerError(body: unknown): string {
	if (!isRecord(body)) return '';
	if (typeof body.error_code === 'string') {
		return ` ${body.error_code}: ${String(body.error_msg ?? '')}`;
	}
	if (isRecord(body.error)) {
		return ` ${String(body.error.code ?? '')}: ${String(body.error.message ?? '')}`;
	}
	return '';
}

function headerNamed(headers: Record<string, unknown>, name: string): unknown {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** Sends with status errors returned, not thrown, so no error object carrying the request leaks out. */
async function sendToIam(
	send: HuaweiHttpSender,
	options: IHttpRequestOptions,
	purpose: string,
	hint = '',
): Promise<FullResponse> {
	let raw: unknown;
	try {
		raw = await send({
			...options,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		throw huaweiCredentialError(
			`${purpose} failed: could not reach ${new URL(options.url).origin} (${reason})`,
		);
	}
	const response = asFullResponse(raw);
	if (response.statusCode < 200 || response.statusCode > 299) {
		throw huaweiCredentialError(
			`${purpose} failed with HTTP ${response.statusCode}${providerError(response.body)}${hint}`,
		);
	}
	return response;
}

export function passwordTokenBody(settings: HuaweiPasswordSettings): IDataObject {
	const project =
		settings.projectId === '' ? { name: settings.region } : { id: settings.projectId };
	return {
		auth: {
			identity: {
				methods: ['password'],
				password: {
					user: {
						name: settings.userName,
						password: settings.password,
						domain: { name: settings.domainName },
					},
				},
			},
			scope: { project },
		},
	};
}

async function obtainIamToken(
	send: HuaweiHttpSender,
	settings: HuaweiPasswordSettings,
): Promise<HuaweiSession> {
	const response = await sendToIam(
		send,
		{
			method: 'POST',
			url: `${settings.iamEndpoint}/v3/auth/tokens?nocatalog=true`,
			headers: { [CONTENT_TYPE]: IAM_JSON_CONTENT_TYPE },
			body: passwordTokenBody(settings),
		},
		'Signing in to IAM with the user name and password',
	);
	const token = headerNamed(response.headers, SUBJECT_TOKEN_HEADER);
	const project =
		isRecord(response.body) && isRecord(response.body.token)
			? response.body.token.project
			: undefined;
	const projectId = isRecord(project) && typeof project.id === 'string' ? project.id : '';
	if (typeof token !== 'string' || token === '' || projectId === '') {
		throw huaweiCredentialError(
			'IAM answered without an X-Subject-Token header or token.project.id',
		);
	}
	return {
		resolvedFor: huaweiSessionScope(settings),
		resolvedProjectId: projectId,
		iamToken: token,
	};
}

function projectIdsNamed(body: unknown, region: string): string[] {
	const projects = isRecord(body) && Array.isArray(body.projects) ? body.projects : [];
	return projects
		.filter(
			(project): project is Record<string, unknown> => isRecord(project) && project.name === region,
		)
		.map((project) => (typeof project.id === 'string' ? project.id : ''))
		.filter((id) => id !== '');
}

async function resolveProjectId(
	send: HuaweiHttpSender,
	settings: HuaweiAkSkSettings,
	now: Date,
): Promise<string> {
	const url = new URL(`${settings.iamEndpoint}/v3/projects`);
	const signed = signHuaweiRequest({
		method: 'GET',
		url,
		query: [['name', settings.region]],
		headers: {},
		body: '',
		accessKeyId: settings.accessKeyId,
		secretAccessKey: settings.secretAccessKey,
		securityToken: settings.securityToken || undefined,
		sdkDate: formatSdkDate(now),
	});
	const response = await sendToIam(
		send,
		{ method: 'GET', url: signed.url, headers: signed.headers },
		`Looking up the project of region ${settings.region} with the access key`,
		`. Enter "${HUAWEI_FIELD_LABEL.projectId}" to skip this lookup`,
	);
	const ids = projectIdsNamed(response.body, settings.region);
	if (ids.length !== 1) {
		throw huaweiCredentialError(
			`IAM lists ${ids.length} projects named "${settings.region}"; enter "${HUAWEI_FIELD_LABEL.projectId}" (My Credentials > Projects)`,
		);
	}
	return ids[0];
}

/**
 * What `preAuthentication` stores. n8n calls it while the session is empty, on Test, and again after
 * a 401 (the HTTP Request node: after any error) without saying which. For AK/SK nothing expires,
 * and Huawei locks an access key for 5 minutes after 5 failed authentications: so a session already
 * resolved for these settings is returned as is, with no network call; the only signed call here is
 * the first project lookup for new settings, and its failure is thrown, not retried.
 * A password session always signs in again: that is how an expired token is renewed.
 */
export async function resolveHuaweiSession(
	send: HuaweiHttpSender,
	credentials: ICredentialDataDecryptedObject,
	now: Date,
): Promise<HuaweiSession> {
	const settings = huaweiSettings(credentials);
	if (settings.authType === 'password') return await obtainIamToken(send, settings);
	const resolvedFor = huaweiSessionScope(settings);
	if (settings.projectId !== '') {
		return { resolvedFor, resolvedProjectId: settings.projectId, iamToken: '' };
	}
	const stored = currentSession(credentials, settings);
	if (stored?.resolvedProjectId) return { ...stored, iamToken: '' };
	return {
		resolvedFor,
		resolvedProjectId: await resolveProjectId(send, settings, now),
		iamToken: '',
	};
}

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
			'Leave empty for the region default. Set it for another Huawei Cloud partner cloud or a test server.',
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
];

/** Huawei gateway and VOD codes that mean the test failed even when they come with HTTP 200. */
const FAILURE_CODES = [
	'APIGW.0301',
	'APIG.0301',
	'APIGW.0302',
	'APIG.0302',
	'VOD.10051',
	'VOD.10052',
	'VOD.10053',
	'VOD.10054',
	'VOD.10055',
];

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

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const session = await resolveHuaweiSession(
			async (options) => await this.helpers.httpRequest(options),
			credentials,
			new Date(),
		);
		return { ...session };
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
		rules: FAILURE_CODES.map((code) => ({
			type: 'responseSuccessBody' as const,
			properties: {
				key: 'error_code',
				value: code,
				message: `Huawei Cloud answered ${code}: check the keys, the region and the IAM permissions (vod:thumbnail:list)`,
			},
		})),
	};
}
