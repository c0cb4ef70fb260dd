import { MFS_HEADER, verifyMfsCallback } from '../../../credentials/signing/huaweiMfsCallback';
import type { MfsRejection } from '../../../credentials/signing/huaweiMfsCallback';
import type { Refusal, RefusalTable, WebhookRequest } from '../../shared/trigger';

const REFUSALS: RefusalTable<MfsRejection> = {
	noKeyConfigured: { status: 401, message: 'Unauthorized: no authentication key is configured' },
	missingHeaders: {
		status: 401,
		message: 'Unauthorized: auth_timestamp or auth_sign is missing',
	},
	invalidTimestamp: {
		status: 401,
		message: 'Unauthorized: auth_timestamp is not a Unix time',
	},
	staleTimestamp: {
		status: 403,
		message: 'Forbidden: auth_timestamp is outside the replay window',
	},
	badSignature: { status: 401, message: 'Unauthorized: auth_sign does not match' },
	invalidJson: { status: 400, message: 'Bad Request: the signed message is not a JSON object' },
};

export interface MfsVerificationInput {
	request: WebhookRequest;
	/** Current key first, then the previous one during a rotation. */
	keys: string[];
	nowMs: number;
	maxAgeSeconds: number;
}

/** The refusal to answer, or undefined when one of the keys signed the delivery. */
export function mfsRefusalOf(input: MfsVerificationInput): Refusal | undefined {
	const result = verifyMfsCallback({
		rawBody: input.request.rawBody ?? '',
		headers: input.request.headers,
		keys: input.keys,
		nowMs: input.nowMs,
		maxAgeSeconds: input.maxAgeSeconds,
	});
	return result.valid ? undefined : REFUSALS[result.reason];
}

export const MFS_SIGNATURE_HEADERS = [MFS_HEADER.signature];
