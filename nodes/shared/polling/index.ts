export { pollUntil, SLEEP_SLICE_MS } from './pollUntil';
export type { PollOutcome } from './pollUntil';
export {
	DEFAULT_MAX_WAIT_SECONDS,
	DEFAULT_POLL_INTERVAL_SECONDS,
	MAX_WAIT_LIMIT_SECONDS,
	MIN_POLL_INTERVAL_SECONDS,
	waitForJob,
	waitSettings,
	waitSettingsProblem,
	withoutDeadline,
} from './waitForJob';
export type { JobToWaitFor, WaitSettings } from './waitForJob';
export { withSubmittedJob, withSubmittedJobOnFailures } from './jobErrors';
export type { SubmittedJobRef } from './jobErrors';
