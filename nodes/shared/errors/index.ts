export { classifyError } from './classify';
export type { ClassifiedError } from './classify';
export type { ErrorKind } from './kinds';
export { toNodeApiError } from './nodeApiError';
export type { ErrorProvider } from './providers';
export { isRetryable, isTransientError } from './retryable';
