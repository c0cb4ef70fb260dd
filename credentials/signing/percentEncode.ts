const RESERVED_BY_RFC3986 = /[!'()*]/g;

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes: only `A-Z a-z 0-9 - _ . ~` stay as they are,
 * hex is upper case. `encodeURIComponent` leaves `! ' ( ) *` alone, so those are encoded here.
 */
export function percentEncode(text: string): string {
	return encodeURIComponent(text).replace(
		RESERVED_BY_RFC3986,
		(character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

export type ParamPairs = ReadonlyArray<readonly [string, string]>;

function compareNames(left: readonly [string, string], right: readonly [string, string]): number {
	if (left[0] < right[0]) return -1;
	return left[0] > right[0] ? 1 : 0;
}

/** Pairs sorted by name (stable, so repeated names keep their order), each pair encoded as `name=value`. */
export function encodeSortedQuery(pairs: ParamPairs): string {
	return [...pairs]
		.sort(compareNames)
		.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
		.join('&');
}

/** Pairs encoded in the order given, for a wire query or form body whose order does not matter. */
export function encodeQuery(pairs: ParamPairs): string {
	return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}
