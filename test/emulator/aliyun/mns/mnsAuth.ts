import { timingSafeEqual } from 'node:crypto';

import {
	MNS_API_VERSION,
	MNS_HEADER,
	mnsContentMd5,
	mnsSignature,
	mnsStringToSign,
	parseMnsAuthorization,
} from '../../../../credentials/signing/mns';
import type { EmulatorRequest } from '../../core/http';
import { findAliyunKey, type AliyunKey } from '../gateway/keys';
import { CLOCK_TOLERANCE_MS } from '../gateway/rpcAuth';

/** An MNS error, rendered as the XML `<Error>` body. */
export class MnsError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

function sameText(left: string, right: string): boolean {
	const a = Buffer.from(left, 'utf8');
	const b = Buffer.from(right, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks `Authorization: MNS id:sig` over the raw request URI, the date window and the API version. */
export function verifyMnsRequest(req: EmulatorRequest, now: number): AliyunKey {
	const header = req.headers[MNS_HEADER.authorization];
	if (!header)
		throw new MnsError(400, 'MissingAuthorizationHeader', 'Authorization header is required.');
	const authorization = parseMnsAuthorization(header);
	if (!authorization)
		throw new MnsError(
			400,
			'InvalidAuthorizationHeader',
			'The Authorization header format is invalid.',
		);
	const date = req.headers[MNS_HEADER.date] ?? req.headers[MNS_HEADER.mnsDate];
	if (!date) throw new MnsError(400, 'MissingDateHeader', 'Date header is required.');
	const dateMs = Date.parse(date);
	if (Number.isNaN(dateMs) || !date.endsWith('GMT')) {
		throw new MnsError(400, 'InvalidDateHeader', 'The Date header format is invalid.');
	}
	if (req.headers[MNS_HEADER.version] !== MNS_API_VERSION) {
		throw new MnsError(
			400,
			'InvalidArgument',
			`The x-mns-version header must be ${MNS_API_VERSION}.`,
		);
	}
	const key = findAliyunKey(authorization.accessKeyId);
	if (!key)
		throw new MnsError(403, 'InvalidAccessKeyId', 'The AccessKey Id you provided is not exist.');
	if (Math.abs(dateMs - now) > CLOCK_TOLERANCE_MS) {
		throw new MnsError(403, 'TimeExpired', 'The http request you sent is expired.');
	}
	const contentMd5 = req.headers[MNS_HEADER.contentMd5];
	if (contentMd5 !== undefined && contentMd5 !== mnsContentMd5(req.body)) {
		throw new MnsError(400, 'InvalidDegist', 'The Content-MD5 you specified is invalid.');
	}
	const token = req.headers[MNS_HEADER.mnsSecurityToken] ?? req.headers[MNS_HEADER.securityToken];
	if ((key.securityToken ?? '') !== (token ?? '')) {
		throw new MnsError(
			403,
			'AccessDenied',
			'The SecurityToken you provided does not match the AccessKey Id.',
		);
	}
	const stringToSign = mnsStringToSign(req.method, req.headers, req.rawUrl);
	if (!sameText(mnsSignature(stringToSign, key.accessKeySecret), authorization.signature)) {
		throw new MnsError(
			403,
			'SignatureDoesNotMatch',
			`The request signature we calculated does not match the signature you provided. Server string to sign is:${stringToSign}`,
		);
	}
	return key;
}
