export { DEDUPE_WINDOW_MS, MAX_REMEMBERED_SCOPES, MAX_SEEN_EVENTS, rememberEvent } from './dedupe';
export { canonicalJson, MAX_EVENT_DEPTH, parseEventBody } from './event';
export {
	advanceCursor,
	distinctIds,
	pollAndComplete,
	pollWithCursor,
	readCursor,
	selectNew,
	windowStart,
	writeCursor,
} from './pollingCursor';
export type {
	CompleteEvent,
	CursorPoll,
	CursorPolicy,
	PolledEvent,
	PollingCursor,
	SeenEvent,
} from './pollingCursor';
export { DEFAULT_MAX_BODY_BYTES, refuse } from './refusal';
export type { Refusal, RefusalTable } from './refusal';
export type {
	HookContext,
	ParameterReader,
	WebhookContext,
	WebhookRequest,
	WebhookResponse,
} from './types';
export { handleWebhook } from './webhook';
export type { WebhookPipeline } from './webhook';
