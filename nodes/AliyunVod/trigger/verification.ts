import { VOD_CALLBACK_HEADER, verifyVodCallback } from '../../../credentials/signing/vodCallback';
import type { VodCallbackRejection } from '../../../credentials/signing/vodCallback';
import { headerValue } from '../../shared/http';
import type { Refusal, RefusalTable, WebhookRequest } from '../../shared/trigger';

const REFUSALS: RefusalTable<VodCallbackRejection | 'no-key'> = {
	'no-key': { status: 401, message: 'Unauthorized: no callback key is configured' },
	'missing-headers': {
		status: 401,
		message: 'Unauthorized: X-VOD-TIMESTAMP or X-VOD-SIGNATURE is missing',
	},
	'malformed-timestamp': {
		status: 401,
		message: 'Unauthorized: X-VOD-TIMESTAMP is not a Unix time',
	},
	'bad-signature': { status: 401, message: 'Unauthorized: signature does not match' },
	expired: { status: 403, message: 'Forbidden: timestamp is older than the replay window' },
	'from-future': { status: 403, message: 'Forbidden: timestamp is ahead of the replay window' },
};

export interface VerificationInput {
	request: WebhookRequest;
	callbackUrl: string;
	keys: string[];
	nowSeconds: number;
	maxAgeSeconds: number;
}

/** The refusal to send, or undefined when the request is signed by one of the keys. */
export function refusalOf(input: VerificationInput): Refusal | undefined {
	if (input.keys.length === 0) return REFUSALS['no-key'];
	const result = verifyVodCallback({
		callbackUrl: input.callbackUrl,
		timestamp: headerValue(input.request.headers, VOD_CALLBACK_HEADER.timestamp),
		signature: headerValue(input.request.headers, VOD_CALLBACK_HEADER.signature),
		keys: input.keys,
		nowSeconds: input.nowSeconds,
		maxAgeSeconds: input.maxAgeSeconds,
	});
	return result.valid ? undefined : REFUSALS[result.reason];
}
