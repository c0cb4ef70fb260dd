import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * n8n hands `authenticate` two shapes: `url`/`baseURL` from nodes and the Test button, and the
 * legacy `uri`/`form` shape from the HTTP Request node's "Predefined Credential Type".
 */
export type IncomingRequestOptions = Omit<IHttpRequestOptions, 'url'> & {
	url?: string;
	uri?: string;
	form?: IDataObject | string;
};

export type QueryPairs = Array<[string, string]>;

export type PreparedBody =
	| { kind: 'none' }
	| { kind: 'form'; params: QueryPairs }
	| { kind: 'text'; text: string; contentType: string }
	| { kind: 'binary'; bytes: Buffer; contentType: string };

/** The request as it will go on the wire, before signing: one shape whatever n8n passed in. */
export interface PreparedRequest {
	method: string;
	/** Origin and path only; the query lives in `query` (decoded) and `rawSearch` (as written). */
	url: URL;
	query: QueryPairs;
	/** The query string exactly as the caller wrote it in the URL, without `?` (MNS signs it raw). */
	rawSearch: string;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	body: PreparedBody;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const JSON_CONTENT_TYPE = 'application/json';

function joinBaseUrl(baseURL: string | undefined, url: string): string {
	if (!baseURL || /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
	if (url === '') return baseURL;
	return `${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function targetUrl(options: IncomingRequestOptions): URL {
	const raw = joinBaseUrl(options.baseURL, options.url ?? options.uri ?? '');
	if (!URL.canParse(raw)) {
		throw new Error(`The request URL "${raw}" is not an absolute http(s) URL`);
	}
	return new URL(raw);
}

function scalarToString(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** Flattens a `qs`/form object: arrays become repeated keys, objects become JSON text. */
function objectToPairs(object: IDataObject | undefined): QueryPairs {
	const pairs: QueryPairs = [];
	for (const [key, value] of Object.entries(object ?? {})) {
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			for (const element of value) pairs.push([key, scalarToString(element)]);
		} else {
			pairs.push([key, scalarToString(value)]);
		}
	}
	return pairs;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Splits a query string into decoded pairs. `+` stays `+` (RFC 3986), unlike URLSearchParams. */
export function parseQueryString(search: string): QueryPairs {
	const trimmed = search.startsWith('?') ? search.slice(1) : search;
	if (trimmed === '') return [];
	return trimmed.split('&').map((part) => {
		const index = part.indexOf('=');
		if (index === -1) return [safeDecode(part), ''];
		return [safeDecode(part.slice(0, index)), safeDecode(part.slice(index + 1))];
	});
}

function lowerCaseHeaders(headers: IDataObject | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null) continue;
		result[name.toLowerCase()] = String(value);
	}
	return result;
}

function isEmptyObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function prepareBody(
	options: IncomingRequestOptions,
	contentType: string | undefined,
): PreparedBody {
	const { body, form } = options;
	if (form !== undefined) {
		const params = typeof form === 'string' ? parseQueryString(form) : objectToPairs(form);
		return { kind: 'form', params };
	}
	if (body === undefined || body === null || body === '' || isEmptyObject(body)) {
		return { kind: 'none' };
	}
	if (Buffer.isBuffer(body)) {
		return { kind: 'binary', bytes: body, contentType: contentType ?? 'application/octet-stream' };
	}
	if (body instanceof URLSearchParams) {
		return { kind: 'form', params: [...body.entries()] };
	}
	const isForm = contentType?.toLowerCase().startsWith(FORM_CONTENT_TYPE) ?? false;
	if (typeof body === 'string') {
		if (isForm) return { kind: 'form', params: parseQueryString(body) };
		return { kind: 'text', text: body, contentType: contentType ?? JSON_CONTENT_TYPE };
	}
	if (typeof body === 'object') {
		if (isForm) return { kind: 'form', params: objectToPairs(body as IDataObject) };
		return {
			kind: 'text',
			text: JSON.stringify(body),
			contentType: contentType ?? JSON_CONTENT_TYPE,
		};
	}
	return { kind: 'text', text: String(body), contentType: contentType ?? 'text/plain' };
}

/** Normalises either request shape into the one the signers work on. Throws on a bad URL. */
export function prepareRequest(options: IncomingRequestOptions): PreparedRequest {
	const url = targetUrl(options);
	const rawSearch = url.search.replace(/^\?/, '');
	const query = [...parseQueryString(rawSearch), ...objectToPairs(options.qs)];
	url.search = '';
	url.hash = '';
	const headers = lowerCaseHeaders(options.headers);
	return {
		method: (options.method ?? 'GET').toUpperCase(),
		url,
		query,
		rawSearch,
		headers,
		body: prepareBody(options, headers['content-type']),
	};
}

export interface SignedWireRequest {
	/** Complete URL including the exact query string that was signed. */
	url: string;
	headers: Record<string, string>;
	body?: string | Buffer;
}

/**
 * Returns the options n8n sends: every field the caller set (timeouts, `json`, `encoding`,
 * `returnFullResponse`…) kept, but target, query, headers and body replaced by the signed bytes.
 */
export function toSignedRequestOptions(
	original: IncomingRequestOptions,
	signed: SignedWireRequest,
): IHttpRequestOptions {
	const rest: IncomingRequestOptions = { ...original };
	delete rest.uri;
	delete rest.form;
	delete rest.baseURL;
	delete rest.body;
	const result: IHttpRequestOptions = {
		...rest,
		url: signed.url,
		qs: undefined,
		headers: signed.headers,
	};
	if (signed.body !== undefined && signed.body.length > 0) result.body = signed.body;
	return result;
}
