import { timingSafeEqual } from 'node:crypto';

import {
	HUAWEI_HEADER,
	HUAWEI_SIGNING_ALGORITHM,
	huaweiCanonicalRequest,
	huaweiPayloadHash,
	huaweiSignature,
	huaweiStringToSign,
	parseHuaweiAuthorization,
} from '../../../../credentials/signing/huaweiSdkHmac';
import type { EmulatorRequest } from '../../core/http';
import { huaweiAccessKey, huaweiTemporaryKey } from '../../accounts';

/** Gateway messages for APIGW.0301 (huawei.md 1.7). */
export const AUTH_MESSAGE = {
	signature: 'Incorrect IAM authentication information: verify aksk signature fail',
	locked: 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden',
	token: 'Incorrect IAM authentication information: decrypt token fail',
	missing: 'Incorrect IAM authentication information: Authorization header is missing',
	unknownAk: (ak: string) =>
		`Incorrect IAM authentication information: Get secretKey failed,ak:${ak},err:ak not exist`,
} as const;

/** Gateway tolerance between X-Sdk-Date and its own clock (huawei.md 1.1). */
export const SDK_DATE_TOLERANCE_MS = 15 * 60 * 1000;

interface KnownKey {
	secretAccessKey: string;
	securityToken?: string;
}

const KNOWN_KEYS = new Map<string, KnownKey>([
	[huaweiAccessKey.accessKeyId, { secretAccessKey: huaweiAccessKey.secretAccessKey }],
	[
		huaweiTemporaryKey.accessKeyId,
		{
			secretAccessKey: huaweiTemporaryKey.secretAccessKey,
			securityToken: huaweiTemporaryKey.securityToken,
		},
	],
]);

export type AkskVerdict =
	| { ok: true; accessKeyId: string }
	| { ok: false; accessKeyId?: string; message: string };

/** Decoded query pairs from the raw request line, in order, repeated names kept. */
export function rawQueryPairs(rawUrl: string): Array<[string, string]> {
	const index = rawUrl.indexOf('?');
	if (index < 0) return [];
	return rawUrl
		.slice(index + 1)
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const eq = part.indexOf('=');
			const name = eq < 0 ? part : part.slice(0, eq);
			const value = eq < 0 ? '' : part.slice(eq + 1);
			return [decodeLenient(name), decodeLenient(value)];
		});
}

function decodeLenient(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		// A malformed escape (URIError) is kept as written, as the signer does for paths.
		return text;
	}
}

function rawPath(rawUrl: string): string {
	const index = rawUrl.indexOf('?');
	return index < 0 ? rawUrl : rawUrl.slice(0, index);
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms; undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	if (!match) return undefined;
	const [, year, month, day, hours, minutes, seconds] = match.map(Number);
	return Date.UTC(year, month - 1, day, hours, minutes, seconds);
}

function sameText(left: string, right: string): boolean {
	const a = Buffer.from(left, 'utf8');
	const b = Buffer.from(right, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Verifies an SDK-HMAC-SHA256 request over exactly the headers it says it signed, with the
 * project's own signer steps. Lockout is the caller's business.
 */
export function verifyAksk(req: EmulatorRequest, now: number): AkskVerdict {
	const authorization = parseHuaweiAuthorization(req.headers.authorization ?? '');
	if (!authorization || authorization.algorithm !== HUAWEI_SIGNING_ALGORITHM) {
		return { ok: false, message: AUTH_MESSAGE.signature };
	}
	const accessKeyId = authorization.accessKeyId;
	const key = KNOWN_KEYS.get(accessKeyId);
	if (!key) return { ok: false, accessKeyId, message: AUTH_MESSAGE.unknownAk(accessKeyId) };
	const fail = { ok: false, accessKeyId, message: AUTH_MESSAGE.signature } as const;

	const signedNames = authorization.signedHeaders;
	const sdkDateName = HUAWEI_HEADER.sdkDate.toLowerCase();
	const tokenName = HUAWEI_HEADER.securityToken.toLowerCase();
	if (!signedNames.includes(sdkDateName) || !signedNames.includes(HUAWEI_HEADER.host)) return fail;
	if (signedNames.some((name) => req.headers[name] === undefined)) return fail;
	const sdkDate = req.headers[sdkDateName];
	const signedAt = parseSdkDate(sdkDate);
	if (signedAt === undefined || Math.abs(signedAt - now) > SDK_DATE_TOLERANCE_MS) return fail;
	if (key.securityToken !== undefined) {
		const token = req.headers[tokenName];
		if (
			!signedNames.includes(tokenName) ||
			token === undefined ||
			!sameText(token, key.securityToken)
		) {
			return fail;
		}
	}

	const signedHeaders: Record<string, string> = {};
	for (const name of signedNames) signedHeaders[name] = req.headers[name];
	const canonicalRequest = huaweiCanonicalRequest({
		method: req.method,
		path: rawPath(req.rawUrl),
		query: rawQueryPairs(req.rawUrl),
		headers: signedHeaders,
		payloadHash: huaweiPayloadHash(req.body, signedHeaders),
	});
	const expected = huaweiSignature(
		huaweiStringToSign(sdkDate, canonicalRequest),
		key.secretAccessKey,
	);
	return sameText(expected, authorization.signature) ? { ok: true, accessKeyId } : fail;
}
