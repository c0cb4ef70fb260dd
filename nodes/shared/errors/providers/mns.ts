import type { ErrorKind, ProviderErrorTable } from '../kinds';
import { accessKeyAuthHint, aliyunKindOfCode, ramPermissionHint } from './aliyun';

/**
 * MNS codes (Alibaba Cloud "MNS error codes" and "Throttling policy" pages): TooManyRequests (429)
 * is the cluster flow limiter; AccessDenied (403) says the key's owner is "forbidden for this
 * operation", a permission; TimeExpired is the 15-minute Date window. Queue and message codes
 * (QueueNotExist, MessageNotExist, ReceiptHandleError, InvalidArgument…) fall back to the status.
 */
const MNS_KINDS: ReadonlyMap<string, ErrorKind> = new Map<string, ErrorKind>([
	['TooManyRequests', 'throttled'],
	['InternalError', 'server'],
	['InternalServerError', 'server'],
	['SignatureDoesNotMatch', 'auth'],
	['InvalidAccessKeyId', 'auth'],
	['InvalidAuthorizationHeader', 'auth'],
	['MissingAuthorizationHeader', 'auth'],
	['AccessDenied', 'permission'],
	['TimeExpired', 'clock'],
]);

/** MNS queue and message codes whose cause the user can act on. */
const MNS_CLIENT_HINTS: ReadonlyMap<string, string> = new Map([
	[
		'QueueNotExist',
		'The queue does not exist in the MNS account and region of the "MNS Endpoint" in the credential: check the queue name and the endpoint.',
	],
	[
		'ReceiptHandleError',
		'The receipt handle is no longer valid: the message was received again, or its visibility timeout passed before the delete, so MNS will deliver it again.',
	],
	['MessageNotExist', 'The message is no longer in the queue.'],
]);

const CLOUD_NAME = 'Alibaba Cloud MNS';

/** Carries the request id of every MNS answer, success or error. */
export const MNS_REQUEST_ID_HEADER = 'x-mns-request-id';

export const MNS_ERRORS: ProviderErrorTable = {
	cloudName: CLOUD_NAME,
	requestIdHeaders: [MNS_REQUEST_ID_HEADER],
	kindOfCode: (code) => MNS_KINDS.get(code) ?? aliyunKindOfCode(code),
	authHint: accessKeyAuthHint(CLOUD_NAME),
	permissionHint: ramPermissionHint,
	clientHints: MNS_CLIENT_HINTS,
};
