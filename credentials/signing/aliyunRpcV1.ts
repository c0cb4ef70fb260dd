import { createHmac } from 'crypto';

import { encodeQuery, encodeSortedQuery, percentEncode, type ParamPairs } from './percentEncode';

export const RPC_V1_SIGNATURE_METHOD = 'HMAC-SHA1';
export const RPC_V1_SIGNATURE_VERSION = '1.0';
export const RPC_V1_DEFAULT_FORMAT = 'JSON';

export const RPC_PARAM = {
	action: 'Action',
	version: 'Version',
	format: 'Format',
	accessKeyId: 'AccessKeyId',
	signatureMethod: 'SignatureMethod',
	signatureVersion: 'SignatureVersion',
	signatureNonce: 'SignatureNonce',
	timestamp: 'Timestamp',
	securityToken: 'SecurityToken',
	signature: 'Signature',
} as const;

/** Parameters the signer owns: a caller's value for any of them is replaced, never signed twice. */
const SIGNER_OWNED_PARAMS: ReadonlySet<string> = new Set([
	RPC_PARAM.accessKeyId,
	RPC_PARAM.signatureMethod,
	RPC_PARAM.signatureVersion,
	RPC_PARAM.signatureNonce,
	RPC_PARAM.timestamp,
	RPC_PARAM.securityToken,
	RPC_PARAM.signature,
]);

export interface RpcV1Input {
	/** HTTP method; the string to sign starts with it in upper case. */
	method: string;
	/** API parameters (Action, Version and the action's own) that travel in the URL query. */
	params: ParamPairs;
	/** API parameters that travel in an `application/x-www-form-urlencoded` body; signed with the rest. */
	bodyParams?: ParamPairs;
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
	/** `yyyy-MM-ddTHH:mm:ssZ`, see `aliyunTimestamp`. */
	timestamp: string;
	nonce: string;
}

export type RpcV1CommonParamsInput = Pick<
	RpcV1Input,
	'accessKeyId' | 'securityToken' | 'timestamp' | 'nonce'
> & {
	/** Whether the caller chose a `Format` (the MPS doc example uses XML); JSON otherwise. */
	hasFormat: boolean;
};

export interface RpcV1Signed {
	/** Every signed parameter, query and body together, without `Signature`. */
	params: ParamPairs;
	canonicalizedQuery: string;
	stringToSign: string;
	signature: string;
	/** The URL query: the canonical query of every non-body parameter, then `&Signature=…`. */
	signedQuery: string;
	/** The form body (body parameters, encoded, in the order given); '' when there are none. */
	body: string;
}

/** UTC ISO 8601 without milliseconds: the RPC `Timestamp` parameter and the V3 `x-acs-date` header. */
export function aliyunTimestamp(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Drops the parameters the signer owns, so a caller's value is never signed next to ours. */
export function withoutSignerOwnedParams(params: ParamPairs): ParamPairs {
	return params.filter(([name]) => !SIGNER_OWNED_PARAMS.has(name));
}

export function rpcV1CommonParams(input: RpcV1CommonParamsInput): ParamPairs {
	const common: Array<[string, string]> = [
		[RPC_PARAM.accessKeyId, input.accessKeyId],
		[RPC_PARAM.signatureMethod, RPC_V1_SIGNATURE_METHOD],
		[RPC_PARAM.signatureVersion, RPC_V1_SIGNATURE_VERSION],
		[RPC_PARAM.signatureNonce, input.nonce],
		[RPC_PARAM.timestamp, input.timestamp],
	];
	if (!input.hasFormat) common.push([RPC_PARAM.format, RPC_V1_DEFAULT_FORMAT]);
	if (input.securityToken) common.push([RPC_PARAM.securityToken, input.securityToken]);
	return common;
}

/** Parameters sorted by name, names and values RFC 3986 encoded; `Signature` is never part of it. */
export function rpcV1CanonicalizedQuery(params: ParamPairs): string {
	return encodeSortedQuery(params.filter(([name]) => name !== RPC_PARAM.signature));
}

export function rpcV1StringToSign(method: string, canonicalizedQuery: string): string {
	return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizedQuery)}`;
}

/** Base64 HMAC-SHA1 keyed with the secret followed by `&`. */
export function rpcV1Signature(stringToSign: string, accessKeySecret: string): string {
	return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

export function signRpcV1(input: RpcV1Input): RpcV1Signed {
	const queryParams = withoutSignerOwnedParams(input.params);
	const bodyParams = withoutSignerOwnedParams(input.bodyParams ?? []);
	const hasFormat = [...queryParams, ...bodyParams].some(([name]) => name === RPC_PARAM.format);
	const urlParams = [...queryParams, ...rpcV1CommonParams({ ...input, hasFormat })];
	const params = [...urlParams, ...bodyParams];
	const canonicalizedQuery = rpcV1CanonicalizedQuery(params);
	const stringToSign = rpcV1StringToSign(input.method, canonicalizedQuery);
	const signature = rpcV1Signature(stringToSign, input.accessKeySecret);
	const urlQuery =
		bodyParams.length === 0 ? canonicalizedQuery : rpcV1CanonicalizedQuery(urlParams);
	return {
		params,
		canonicalizedQuery,
		stringToSign,
		signature,
		signedQuery: `${urlQuery}&${RPC_PARAM.signature}=${percentEncode(signature)}`,
		body: encodeQuery(bodyParams),
	};
}
