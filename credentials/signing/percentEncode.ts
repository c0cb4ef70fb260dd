/** Characters RFC 3986 leaves unreserved: a text made only of them encodes to itself. */
const ONLY_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

const RESERVED_BY_RFC3986 = /[!'()*]/g;

const RESERVED_ENCODED: Readonly<Record<string, string>> = {
	'!': '%21',
	"'": '%27',
	'(': '%28',
	')': '%29',
	'*': '%2A',
};

function encodeReserved(character: string): string {
	return RESERVED_ENCODED[character];
}

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes: only `A-Z a-z 0-9 - _ . ~` stay as they are,
 * hex is upper case. `encodeURIComponent` leaves `! ' ( ) *` alone, so those are encoded here.
 */
export function percentEncode(text: string): string {
	if (ONLY_UNRESERVED.test(text)) return text;
	return encodeURIComponent(text).replace(RESERVED_BY_RFC3986, encodeReserved);
}

export type ParamPairs = ReadonlyArray<readonly [string, string]>;

function compareNames(left: readonly [string, string], right: readonly [string, string]): number {
	if (left[0] < right[0]) return -1;
	return left[0] > right[0] ? 1 : 0;
}

function encodePair([name, value]: readonly [string, string]): string {
	return `${percentEncode(name)}=${percentEncode(value)}`;
}

/** Pairs sorted by name (stable, so repeated names keep their order), each pair encoded as `name=value`. */
export function encodeSortedQuery(pairs: ParamPairs): string {
	return [...pairs].sort(compareNames).map(encodePair).join('&');
}

/** Pairs encoded in the order given, for a wire query or form body whose order does not matter. */
export function encodeQuery(pairs: ParamPairs): string {
	return pairs.map(encodePair).join('&');
}
