import { timingSafeEqual } from 'node:crypto';

import {
	acs3CanonicalHeaders,
	acs3CanonicalQuery,
	acs3CanonicalRequest,
	acs3HashedPayload,
	acs3Signature,
	acs3StringToSign,
	ACS3_HEADER,
	parseAcs3Authorization,
} from '../../../../credentials/signing/aliyunAcs3';
import {
	RPC_PARAM,
	RPC_V1_SIGNATURE_METHOD,
	RPC_V1_SIGNATURE_VERSION,
	rpcV1CanonicalizedQuery,
	rpcV1Signature,
	rpcV1StringToSign,
} from '../../../../credentials/signing/aliyunRpcV1';
import type { EmulatorRequest } from '../../core/http';
import { AliyunApiError, missingParameter } from './errors';
import { findAliyunKey, type AliyunKey } from './keys';
import type { NonceRegistry } from './nonces';
import { isAcs3Request, type RpcWireParams } from './rpcRequest';

/** Allowed distance between the request's timestamp and the server clock. */
export const CLOCK_TOLERANCE_MS = 15 * 60 * 1000;

const TIMESTAMP_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export interface RpcAuthDeps {
	nonces: NonceRegistry;
	now: number;
}

const errors = {
	keyNotFound: () =>
		new AliyunApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
	timestampFormat: () =>
		new AliyunApiError(
			400,
			'InvalidTimeStamp.Format',
			'Specified time stamp or date value is not well formatted.',
		),
	timestampExpired: () =>
		new AliyunApiError(
			400,
			'InvalidTimeStamp.Expired',
			'Specified time stamp or date value is expired.',
		),
	nonceUsed: () =>
		new AliyunApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
	tokenMismatch: () =>
		new AliyunApiError(
			400,
			'InvalidSecurityToken.MismatchWithAccessKey',
			'Specified SecurityToken mismatch with the AccessKey.',
		),
	incomplete: (why: string) =>
		new AliyunApiError(
			400,
			'IncompleteSignature',
			`The request signature does not conform to Aliyun standards. ${why}`,
		),
	mismatch: (serverStringToSign: string, detail = '') =>
		new AliyunApiError(
			400,
			'SignatureDoesNotMatch',
			`Specified signature is not matched with our calculation.${detail} server string to sign is:${serverStringToSign}`,
		),
};

function sameText(left: string, right: string): boolean {
	const a = Buffer.from(left, 'utf8');
	const b = Buffer.from(right, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

function checkTimestamp(value: string, now: number): void {
	if (!TIMESTAMP_FORMAT.test(value)) throw errors.timestampFormat();
	if (Math.abs(Date.parse(value) - now) > CLOCK_TOLERANCE_MS) throw errors.timestampExpired();
}

function checkSecurityToken(key: AliyunKey, token: string | undefined): void {
	if ((key.securityToken ?? '') !== (token ?? '')) throw errors.tokenMismatch();
}

function knownKey(accessKeyId: string): AliyunKey {
	const key = findAliyunKey(accessKeyId);
	if (!key) throw errors.keyNotFound();
	return key;
}

function verifyRpcV1(req: EmulatorRequest, params: RpcWireParams, deps: RpcAuthDeps): AliyunKey {
	const value = (name: string) => params.all.find(([candidate]) => candidate === name)?.[1];
	const required = (name: string) => {
		const found = value(name);
		if (!found) throw missingParameter(name);
		return found;
	};
	const accessKeyId = required(RPC_PARAM.accessKeyId);
	const signature = required(RPC_PARAM.signature);
	const timestamp = required(RPC_PARAM.timestamp);
	const nonce = required(RPC_PARAM.signatureNonce);
	if (value(RPC_PARAM.signatureMethod) !== RPC_V1_SIGNATURE_METHOD) {
		throw new AliyunApiError(
			400,
			'InvalidSignatureMethod',
			'Specified signature method is not supported.',
		);
	}
	if (value(RPC_PARAM.signatureVersion) !== RPC_V1_SIGNATURE_VERSION) {
		throw new AliyunApiError(
			400,
			'InvalidSignatureVersion',
			'Specified signature version is not supported.',
		);
	}
	const key = knownKey(accessKeyId);
	checkTimestamp(timestamp, deps.now);
	checkSecurityToken(key, value(RPC_PARAM.securityToken));
	const stringToSign = rpcV1StringToSign(req.method, rpcV1CanonicalizedQuery(params.all));
	if (!sameText(rpcV1Signature(stringToSign, key.accessKeySecret), signature))
		throw errors.mismatch(stringToSign);
	if (!deps.nonces.claim(accessKeyId, nonce, deps.now)) throw errors.nonceUsed();
	return key;
}

/** Headers that must be covered by the signature whenever they are sent. */
function mustBeSigned(name: string, req: EmulatorRequest): boolean {
	if (name === ACS3_HEADER.host || name.startsWith('x-acs-')) return true;
	return name === ACS3_HEADER.contentType && req.body.length > 0;
}

function verifyAcs3(req: EmulatorRequest, params: RpcWireParams, deps: RpcAuthDeps): AliyunKey {
	const authorization = parseAcs3Authorization(req.headers.authorization ?? '');
	if (!authorization) throw errors.incomplete('The Authorization header is malformed.');
	const header = (name: string) => {
		const found = req.headers[name];
		if (!found) throw errors.incomplete(`The header ${name} is missing.`);
		return found;
	};
	const timestamp = header(ACS3_HEADER.date);
	const nonce = header(ACS3_HEADER.nonce);
	const payloadHash = header(ACS3_HEADER.contentSha256);
	const unsigned = Object.keys(req.headers).filter(
		(name) => mustBeSigned(name, req) && !authorization.signedHeaders.includes(name),
	);
	if (unsigned.length > 0) throw errors.incomplete(`Header(s) not signed: ${unsigned.join(', ')}.`);
	const key = knownKey(authorization.accessKeyId);
	checkTimestamp(timestamp, deps.now);
	checkSecurityToken(key, req.headers[ACS3_HEADER.securityToken]);
	const canonicalRequest = acs3CanonicalRequest({
		method: req.method,
		path: req.url.pathname,
		canonicalQuery: acs3CanonicalQuery(params.query),
		canonicalHeaders: acs3CanonicalHeaders(req.headers, authorization.signedHeaders),
		signedHeaders: authorization.signedHeaders.join(';'),
		hashedPayload: payloadHash,
	});
	const stringToSign = acs3StringToSign(canonicalRequest);
	if (acs3HashedPayload(req.body) !== payloadHash) {
		throw errors.mismatch(
			stringToSign,
			' The x-acs-content-sha256 header does not match the body.',
		);
	}
	if (!sameText(acs3Signature(stringToSign, key.accessKeySecret), authorization.signature)) {
		throw errors.mismatch(stringToSign, ` Server canonical request is:${canonicalRequest}.`);
	}
	if (!deps.nonces.claim(authorization.accessKeyId, nonce, deps.now)) throw errors.nonceUsed();
	return key;
}

/** Verifies a V1 (`Signature` parameter) or V3 (`Authorization: ACS3-…`) request; throws the gateway's error. */
export function verifyRpcRequest(
	req: EmulatorRequest,
	params: RpcWireParams,
	deps: RpcAuthDeps,
): AliyunKey {
	return isAcs3Request(req) ? verifyAcs3(req, params, deps) : verifyRpcV1(req, params, deps);
}
