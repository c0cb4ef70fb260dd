import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { HUAWEI_HEADER } from '../../signing/huaweiSdkHmac';
import { isRecord, parseJson } from '../json';
import { signWithAkSk } from './requestSigner';
import { resolveOnceOnFailure } from './resendGuard';
import {
	currentHuaweiSession,
	hasUsableToken,
	huaweiSessionScope,
	localTokenExpiry,
	type HuaweiSession,
} from './session';
import {
	HUAWEI_FIELD_LABEL,
	huaweiCredentialError,
	huaweiSettings,
	type HuaweiAkSkSettings,
	type HuaweiPasswordSettings,
} from './settings';

/** The subset of n8n's `httpRequest` that session resolution needs; tests pass their own sender. */
export type HuaweiHttpSender = (options: IHttpRequestOptions) => Promise<unknown>;

const SUBJECT_TOKEN_HEADER = 'x-subject-token';
const IAM_JSON_CONTENT_TYPE = 'application/json;charset=utf8';
const CONTENT_TYPE = HUAWEI_HEADER.contentType;

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
	// A non-JSON body (an HTML error page) is reported by its status code instead.
	const parsed = parseJson(text);
	return parsed === undefined ? text : parsed;
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
			`${purpose} failed: could not reach ${new URL(options.url).origin} (${reason}). Check the "${HUAWEI_FIELD_LABEL.region}" field, and "${HUAWEI_FIELD_LABEL.iamEndpoint}" if it is set`,
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

function passwordTokenBody(settings: HuaweiPasswordSettings): IDataObject {
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
	now: Date,
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
	const issued =
		isRecord(response.body) && isRecord(response.body.token) ? response.body.token : {};
	const projectId =
		isRecord(issued.project) && typeof issued.project.id === 'string' ? issued.project.id : '';
	if (typeof token !== 'string' || token === '' || projectId === '') {
		throw huaweiCredentialError(
			'IAM answered without an X-Subject-Token header or token.project.id',
		);
	}
	const expiresAt = localTokenExpiry(issued.issued_at, issued.expires_at, now);
	if (expiresAt === undefined) {
		throw huaweiCredentialError(
			'IAM answered without a valid token.issued_at and token.expires_at',
		);
	}
	return {
		resolvedFor: huaweiSessionScope(settings),
		resolvedProjectId: projectId,
		iamToken: token,
		tokenExpiresAt: expiresAt.toISOString(),
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
	const signed = signWithAkSk(
		settings,
		{ method: 'GET', url, query: [['name', settings.region]], headers: {}, body: '' },
		now,
	);
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
 * a 401 (the HTTP Request node: after any error, a 5xx or a reset included) without saying which, and
 * sends the failed request again whenever it returns a session. So it returns one only when there is
 * something to renew, and undefined otherwise: then no network call is made and nothing is re-sent.
 * - AK/SK: nothing expires, and Huawei locks an access key for 5 minutes after 5 failed
 *   authentications; the only signed call here is the first project lookup for new settings, and its
 *   failure is thrown, not retried.
 * - Password: a sign-in only when no token exists for these settings or it is about to expire
 *   (`hasUsableToken`); a failure while the token is valid is not an expired token.
 * A resolution that failed is not tried again on the same credentials object: n8n calls this again
 * after the failure it caused, which would repeat a refused sign-in (resendGuard.ts).
 */
export async function resolveHuaweiSession(
	send: HuaweiHttpSender,
	credentials: ICredentialDataDecryptedObject,
	now: Date,
): Promise<HuaweiSession | undefined> {
	return await resolveOnceOnFailure(
		credentials,
		async () => await resolveSession(send, credentials, now),
	);
}

async function resolveSession(
	send: HuaweiHttpSender,
	credentials: ICredentialDataDecryptedObject,
	now: Date,
): Promise<HuaweiSession | undefined> {
	const settings = huaweiSettings(credentials);
	const stored = currentHuaweiSession(credentials, settings);
	if (settings.authType === 'password') {
		return hasUsableToken(stored, now) ? undefined : await obtainIamToken(send, settings, now);
	}
	if (stored?.resolvedProjectId) return undefined;
	const resolvedFor = huaweiSessionScope(settings);
	const resolvedProjectId =
		settings.projectId !== '' ? settings.projectId : await resolveProjectId(send, settings, now);
	return { resolvedFor, resolvedProjectId, iamToken: '', tokenExpiresAt: '' };
}
