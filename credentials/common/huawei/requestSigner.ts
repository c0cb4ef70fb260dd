import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	HUAWEI_HEADER,
	formatSdkDate,
	huaweiCanonicalQuery,
	signHuaweiRequest,
	type HuaweiSignInput,
	type HuaweiSigned,
} from '../../signing/huaweiSdkHmac';
import { encodeQuery } from '../../signing/percentEncode';
import {
	FORM_CONTENT_TYPE,
	prepareRequest,
	toSignedRequestOptions,
	type IncomingRequestOptions,
	type PreparedBody,
	type SignedWireRequest,
} from '../preparedRequest';
import { assertNotResent, rememberAuthentication } from './resendGuard';
import { currentHuaweiSession, type HuaweiSession } from './session';
import {
	HUAWEI_FIELD_LABEL,
	huaweiCredentialError,
	huaweiSettings,
	type HuaweiAkSkSettings,
	type HuaweiSettings,
} from './settings';

const PROJECT_ID_PLACEHOLDER = /\{project_id\}|%7Bproject_id%7D/gi;
const CONTENT_TYPE = HUAWEI_HEADER.contentType;
/** Lower case like every prepared header, so a caller's copy is replaced rather than doubled. */
const PROJECT_ID_HEADER = HUAWEI_HEADER.projectId.toLowerCase();
const AUTH_TOKEN_HEADER = HUAWEI_HEADER.authToken.toLowerCase();
/** Set by the HTTP layer from the bytes it sends; a caller's copy could contradict them. */
const DROPPED_CALLER_HEADERS: readonly string[] = ['content-length'];

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

/** Signs with the credential's access key (and STS token) at `now`. */
export function signWithAkSk(
	settings: HuaweiAkSkSettings,
	request: Pick<HuaweiSignInput, 'method' | 'url' | 'query' | 'headers' | 'body'>,
	now: Date,
): HuaweiSigned {
	return signHuaweiRequest({
		...request,
		accessKeyId: settings.accessKeyId,
		secretAccessKey: settings.secretAccessKey,
		securityToken: settings.securityToken || undefined,
		sdkDate: formatSdkDate(now),
	});
}

function signAkSk(
	settings: HuaweiAkSkSettings,
	request: ShapedRequest,
	projectId: string,
	now: Date,
): SignedWireRequest {
	const headers =
		projectId === '' ? request.headers : { ...request.headers, [PROJECT_ID_HEADER]: projectId };
	const signed = signWithAkSk(
		settings,
		{
			method: request.method,
			url: request.url,
			query: request.query,
			headers,
			body: request.body.bytes,
		},
		now,
	);
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
 * The core of `authenticate`: either request shape in, the exact wire request out (full URL,
 * `qs: undefined`, signed headers and body). Signing errors propagate, and so does the refusal to
 * authenticate again, with the same key or token, options it returned before (resendGuard.ts).
 */
export function authenticateHuaweiRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IncomingRequestOptions,
	now: Date,
): IHttpRequestOptions {
	const settings = huaweiSettings(credentials);
	const session = currentHuaweiSession(credentials, settings);
	const authentication =
		settings.authType === 'aksk'
			? `aksk:${settings.accessKeyId}`
			: `token:${session?.iamToken ?? ''}`;
	assertNotResent(requestOptions, authentication);
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
	return rememberAuthentication(toSignedRequestOptions(requestOptions, wire), authentication);
}
