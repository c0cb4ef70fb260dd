import { UnexpectedError, sleep as n8nSleep } from 'n8n-workflow';

import type { SleepFn } from './retry';

export type PacedService = 'vod' | 'mts' | 'mns' | 'huaweiVod';

export interface PacerClock {
	now: () => number;
	sleep: SleepFn;
}

/**
 * Documented per-account QPS (aliyun.md §c: VOD SubmitSnapshotJob 30, GetVideoInfo 100;
 * MPS SubmitSnapshotJob 50, QuerySnapshotJobList 100; VOD's "QPS limits on API operations" page:
 * SearchMedia 50). Actions without a documented limit, all MNS queue calls (MNS documents an elastic
 * per-account limit, not a per-API QPS) and all Huawei VOD APIs (no per-API QPS published) get
 * DEFAULT_QPS, well under every documented limit.
 */
export const DOCUMENTED_QPS = {
	vod: { SubmitSnapshotJob: 30, GetVideoInfo: 100, SearchMedia: 50 },
	mts: { SubmitSnapshotJob: 50, QuerySnapshotJobList: 100 },
	mns: {},
	huaweiVod: {},
} as const satisfies Record<PacedService, Record<string, number>>;

export const DEFAULT_QPS = 20;

export function defaultRequestsPerSecond(service: PacedService, action: string): number {
	const documented: Partial<Record<string, number>> = DOCUMENTED_QPS[service];
	return documented[action] ?? DEFAULT_QPS;
}

const systemClock: PacerClock = { now: () => Date.now(), sleep: n8nSleep };

/**
 * The provider counts requests as they arrive, and the time between our send and its arrival varies
 * (signing, the event loop, the network): sends exactly 1000 / limit ms apart can arrive bunched, one
 * over the limit in some second. Pacing at 1/1.05 of the limit absorbs that jitter.
 */
const ARRIVAL_HEADROOM = 1.05;

/**
 * Hands out evenly spaced send times, `1000 / limit` ms (plus headroom) apart, rounded up to a
 * whole millisecond. A caller that wakes late pushes the following slots back, so the spacing holds
 * between actual sends, not just between planned ones.
 */
export class Pacer {
	private nextSlotMs = Number.NEGATIVE_INFINITY;

	private readonly intervalMs: number;

	constructor(
		requestsPerSecond: number,
		private readonly clock: PacerClock = systemClock,
	) {
		if (!(requestsPerSecond > 0)) throw new UnexpectedError('requestsPerSecond must be positive');
		this.intervalMs = Math.ceil((1000 * ARRIVAL_HEADROOM) / requestsPerSecond);
	}

	/** Waits for this caller's slot; the slot is reserved before waiting, so concurrent callers queue up. */
	async acquire(signal?: AbortSignal): Promise<void> {
		const now = this.clock.now();
		const slot = Math.max(now, this.nextSlotMs);
		this.nextSlotMs = slot + this.intervalMs;
		if (slot > now) await this.clock.sleep(slot - now, signal);
		this.nextSlotMs = Math.max(this.nextSlotMs, this.clock.now() + this.intervalMs);
	}
}

export interface PaceKey {
	credentialType: string;
	credentialId?: string;
	service: PacedService;
	action: string;
}

/**
 * Pacers live as long as the context object n8n passes as `this`, i.e. one node run of one
 * execution: nothing is shared across executions, which queue mode requires.
 */
const pacersByContext = new WeakMap<object, Map<string, Pacer>>();

function keyText(key: PaceKey, requestsPerSecond: number): string {
	return [
		key.credentialType,
		key.credentialId ?? '',
		key.service,
		key.action,
		requestsPerSecond,
	].join('\u0000');
}

export function pacerFor(
	context: object,
	key: PaceKey,
	requestsPerSecond: number,
	clock?: PacerClock,
): Pacer {
	let pacers = pacersByContext.get(context);
	if (!pacers) {
		pacers = new Map();
		pacersByContext.set(context, pacers);
	}
	const text = keyText(key, requestsPerSecond);
	let pacer = pacers.get(text);
	if (!pacer) {
		pacer = new Pacer(requestsPerSecond, clock);
		pacers.set(text, pacer);
	}
	return pacer;
}
