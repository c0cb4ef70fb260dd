import { encodeQuery, type ParamPairs } from '../../signing/percentEncode';
import { parseQueryString, type PreparedBody, type PreparedRequest } from '../preparedRequest';

/** The body bytes to send: a form as its encoded text, text and bytes as given, nothing as ''. */
export function wireBody(body: PreparedBody): string | Buffer {
	if (body.kind === 'none') return '';
	if (body.kind === 'form') return encodeQuery(body.params);
	return body.kind === 'text' ? body.text : body.bytes;
}

/**
 * The query exactly as the caller wrote it in the URL (a ReceiptHandle or a pre-signed Signature
 * keeps its encoding), then the `qs` pairs, which prepareRequest appends after the URL's own, encoded
 * (RFC 3986 unless the receiver's own SDK encodes otherwise).
 */
export function wireSearch(
	prepared: PreparedRequest,
	encode: (pairs: ParamPairs) => string = encodeQuery,
): string {
	const extra = prepared.query.slice(parseQueryString(prepared.rawSearch).length);
	return [prepared.rawSearch, encode(extra)].filter((part) => part !== '').join('&');
}
