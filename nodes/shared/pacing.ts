import { createHash } from 'crypto';

import { UnexpectedError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DeadlineReached, systemClock, type Clock } from './clock';

/**
 * The pace for an action without a documented limit: all MNS queue calls (MNS documents an elastic
 * per-account limit, not a per-API QPS), all Huawei VOD APIs (no per-API QPS published), and any
 * action a node's transport does not list. Each node's transport passes its own documented limits.
 */
export const DEFAULT_QPS = 20;

/**
 * The provider counts requests as they arrive, and the time between our send and its arrival varies
 * (signing, the event loop, the network): sends exactly 1000 / limit ms apart can arrive bunched, one
 * over the limit in some second. Pacing at 1/1.05 of the limit absorbs that jitter.
 */
const ARRIVAL_HEADROOM = 1.05;

/** `1000 / limit` ms plus headroom, rounded up to a whole millisecond. */
function sendIntervalMs(requestsPerSecond: number): number {
	if (!(requestsPerSecond > 0)) throw new UnexpectedError('requestsPerSecond must be positive');
	return Math.ceil((1000 * ARRIVAL_HEADROOM) / requestsPerSecond);
}

/**
 * How late a send may wake without moving the slots after it. Timers wake a millisecond or two late
 * even on an idle host; pushed back each time, a run of sends loses that much per send (5% at 50
 * QPS). A send `tolerance` late still leaves the next one `interval - tolerance` after it; sends on
 * slots `interval` apart, each at most `tolerance` late, put at most ⌈(1000 + tolerance) / interval⌉
 * = ⌈1000 / interval⌉ in any 1000 ms, as many as a plan without lateness. Half the room that leaves
 * stays for arrival jitter.
 */
export function wakeToleranceMs(intervalMs: number): number {
	return Math.min(intervalMs / 4, (intervalMs * Math.ceil(1000 / intervalMs) - 1000) / 2);
}

/**
 * Hands out evenly spaced send times. Each caller names its own limit and is spaced that far, by
 * its own interval and tolerance, after the previous send, so callers with different limits on one
 * pacer never exceed the highest of them. A send that wakes later than the next caller's tolerance
 * moves that caller's slot back, so the spacing holds between actual sends, not just planned ones.
 */
export class Pacer {
	/** The latest slot handed out: concurrent callers queue up behind it. */
	private lastSlotMs = Number.NEGATIVE_INFINITY;

	/** The last send: its slot and when it went. */
	private lastSend = { slotMs: Number.NEGATIVE_INFINITY, atMs: Number.NEGATIVE_INFINITY };

	constructor(private readonly clock: Clock = systemClock) {}

	/** The earliest slot a caller with this interval may send in after the last send. */
	private nextAfterLastSend(intervalMs: number): number {
		const { slotMs, atMs } = this.lastSend;
		return Math.max(slotMs, atMs - wakeToleranceMs(intervalMs)) + intervalMs;
	}

	/**
	 * Waits for this caller's slot; the slot is reserved before waiting, so concurrent callers queue
	 * up, and checked again on waking, in case another caller sent late meanwhile. A wait past
	 * `deadlineMs` is not started: that throws `DeadlineReached` at once.
	 */
	async acquire(
		requestsPerSecond: number,
		signal?: AbortSignal,
		deadlineMs?: number,
	): Promise<void> {
		const intervalMs = sendIntervalMs(requestsPerSecond);
		let slot = Math.max(this.lastSlotMs + intervalMs, this.nextAfterLastSend(intervalMs));
		for (;;) {
			const now = this.clock.now();
			slot = Math.max(slot, now);
			// Only a wait is refused: the check a wait makes at its deadline wakes a little after it.
			if (deadlineMs !== undefined && slot > Math.max(now, deadlineMs))
				throw new DeadlineReached(deadlineMs);
			this.lastSlotMs = Math.max(this.lastSlotMs, slot);
			if (slot > now) await this.clock.sleep(slot - now, signal);
			const earliest = this.nextAfterLastSend(intervalMs);
			if (earliest <= slot) break;
			slot = earliest;
		}
		this.lastSend = { slotMs: slot, atMs: this.clock.now() };
	}
}

export interface PaceKey {
	credentialType: string;
	/** Who is calling, as `paceAccount` names it: never a secret. */
	account: string;
	/** The API's own product name (`vod`, `mts`, `mns`, `huaweiVod`), so the key is one per API. */
	service: string;
	action: string;
}

/**
 * The caller's identity without any secret: a hash of the AccessKey ID, or of the IAM domain and
 * user for a Huawei password credential. Two n8n credentials holding one key share one pace.
 */
export function paceAccount(
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
): string {
	const identity =
		credentials.authType === 'password'
			? [credentials.domainName, credentials.userName]
			: [credentials.accessKeyId];
	return createHash('sha256')
		.update([credentialType, ...identity.map((field) => String(field ?? ''))].join('\u0000'))
		.digest('hex')
		.slice(0, 16);
}

/** Far above the accounts × actions one n8n process drives; past it the least recently used goes. */
export const MAX_SHARED_PACERS = 256;

/**
 * n8n loads a package's modules once per process, so this map is shared by every execution of every
 * workflow in the process: parallel executions on one account and action keep one pace between them.
 * Queue-mode workers and other clients are other processes and pace alone.
 */
const sharedPacers = new Map<string, Pacer>();

function keyText(key: PaceKey): string {
	return [key.credentialType, key.account, key.service, key.action].join('\u0000');
}

/** The process-wide pacer of one account and action; `clock` applies only when it is created. */
export function pacerFor(key: PaceKey, clock?: Clock): Pacer {
	const text = keyText(key);
	const pacer = sharedPacers.get(text) ?? new Pacer(clock);
	// Re-inserting keeps the map in least-recently-used order.
	sharedPacers.delete(text);
	sharedPacers.set(text, pacer);
	if (sharedPacers.size > MAX_SHARED_PACERS) {
		const oldest = sharedPacers.keys().next();
		if (oldest.done !== true) sharedPacers.delete(oldest.value);
	}
	return pacer;
}
