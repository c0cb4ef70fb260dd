export { classifyError } from './classify';
export type { ClassifiedError } from './classify';
export type { ErrorKind } from './kinds';
export { toNodeApiError } from './nodeApiError';
export { MNS_REQUEST_ID_HEADER, providerErrors } from './providers';
export type { ErrorProvider } from './providers';
export {
	isOutcomeUnknown,
	isRetryable,
	isTransientError,
	lastingRequestProblem,
} from './retryable';
export { redactSecrets } from './redact';
