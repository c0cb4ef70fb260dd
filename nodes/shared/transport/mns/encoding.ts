import type { IHttpRequestOptions } from 'n8n-workflow';

import type { MnsCall, MnsQuery } from './types';

/**
 * Characters the query keeps as written: RFC 3986 unreserved, and `+ / = : @ ! $ * ( ) , ;`, which
 * no URL parser re-encodes in a query. A receipt handle (Base64 with `+ / =`) therefore travels raw,
 * as the SDK sends it; anything else is percent-encoded so the URI sent is the URI signed.
 */
const RAW_QUERY_CHARACTER = /^[A-Za-z0-9\-._~+/=:@!$*(),;]$/;

function percentEncodeCharacter(character: string): string {
	return [...Buffer.from(character, 'utf8')]
		.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
		.join('');
}

function queryComponent(text: string): string {
	return Array.from(text, (character) =>
		RAW_QUERY_CHARACTER.test(character) ? character : percentEncodeCharacter(character),
	).join('');
}

function queryPairs(query: MnsQuery | undefined): Array<[string, string]> {
	if (query === undefined) return [];
	if (Array.isArray(query)) return query;
	const pairs: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(query)) {
		if (value !== undefined) pairs.push([name, String(value)]);
	}
	return pairs;
}

/** The query string exactly as it is sent and signed, without `?`. */
export function mnsQueryString(query: MnsQuery | undefined): string {
	return queryPairs(query)
		.map(([name, value]) => `${queryComponent(name)}=${queryComponent(value)}`)
		.join('&');
}

export function mnsRequestOptions(
	endpoint: string,
	call: Pick<MnsCall, 'method' | 'path' | 'query' | 'body'>,
): IHttpRequestOptions {
	const search = mnsQueryString(call.query);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${endpoint.replace(/\/+$/, '')}${call.path}${search === '' ? '' : `?${search}`}`,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
	};
	if (call.body !== undefined && call.body !== '') {
		options.body = call.body;
		options.headers = { 'content-type': 'text/xml' };
	}
	return options;
}
