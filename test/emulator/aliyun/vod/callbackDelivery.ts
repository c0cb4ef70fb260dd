import { request } from 'undici';

import { vodCallbackSignature } from '../../../../credentials/signing/vodCallback';
import type { EmulatorClock } from '../../core/clock';
import { isRecord } from '../../core/json';
import type { TimerSet } from '../../core/timers';
import type { MnsQueues } from '../mns/queues';
import { subscribes, type MessageCallbacks } from './messageCallbacks';
import type { SnapshotCompleteEvent } from './snapshotEvent';
import type { VodSnapshotJob } from './snapshotJobs';

/** One attempt to deliver an event (HTTP POST or MNS enqueue). */
export interface CallbackDelivery {
	seq: number;
	jobId: string;
	/** The callback URL, or `mns:<queue>` for MNS callbacks. */
	target: string;
	attempt: number;
	sentAt: number;
	headers: Record<string, string>;
	body: string;
	status?: number;
	error?: string;
	/** Real milliseconds from sending to the answer (or the failure), whatever the emulator's clock. */
	durationMs?: number;
}

type Target = { kind: 'http'; url: string; authKey?: string } | { kind: 'mns'; queueName: string };

/** VOD gives a receiver 5 s, retries about every second, 3 attempts in total. */
export const CALLBACK_TIMEOUT_MS = 5000;
export const CALLBACK_ATTEMPTS = 3;
export const DEFAULT_CALLBACK_RETRY_DELAY_MS = 1000;

const EVENT_TYPE = 'SnapshotComplete';

export interface CallbackNotifierDeps {
	timers: TimerSet;
	clock: EmulatorClock;
	callbacks: MessageCallbacks;
	mns: MnsQueues;
}

export class VodCallbackNotifier {
	retryDelayMs = DEFAULT_CALLBACK_RETRY_DELAY_MS;
	timeoutMs = CALLBACK_TIMEOUT_MS;
	private log: CallbackDelivery[] = [];
	private nextSeq = 1;
	private readonly sentEvents = new Map<
		string,
		{ job: VodSnapshotJob; event: SnapshotCompleteEvent }
	>();

	constructor(private readonly deps: CallbackNotifierDeps) {}

	deliveries(): CallbackDelivery[] {
		return [...this.log];
	}

	clear(): void {
		this.log = [];
		this.sentEvents.clear();
		this.retryDelayMs = DEFAULT_CALLBACK_RETRY_DELAY_MS;
		this.timeoutMs = CALLBACK_TIMEOUT_MS;
	}

	/** Starts delivering; the returned promise settles when every attempt is done. */
	notify(job: VodSnapshotJob, event: SnapshotCompleteEvent): Promise<void> {
		this.sentEvents.set(job.jobId, { job, event });
		const target = this.target(job);
		return target ? this.deliver(job.jobId, target, JSON.stringify(event)) : Promise.resolve();
	}

	/** Sends a job's event again, as a duplicate delivery; false when the job never notified. */
	async redeliver(jobId: string): Promise<boolean> {
		const sent = this.sentEvents.get(jobId);
		if (!sent) return false;
		await this.notify(sent.job, sent.event);
		return true;
	}

	/**
	 * The job's `UserData.MessageCallback.CallbackURL` wins over the app's configured URL; the
	 * configured AuthKey signs either.
	 */
	private target(job: VodSnapshotJob): Target | undefined {
		const config = this.deps.callbacks.get(job.appId);
		const authKey = config?.AuthSwitch === 'on' ? config.AuthKey : undefined;
		const override = isRecord(job.userData?.MessageCallback)
			? job.userData.MessageCallback.CallbackURL
			: undefined;
		if (typeof override === 'string' && override !== '')
			return { kind: 'http', url: override, authKey };
		if (!config || !subscribes(config, EVENT_TYPE)) return undefined;
		if (config.CallbackType === 'MNS' && config.MnsQueueName)
			return { kind: 'mns', queueName: config.MnsQueueName };
		return config.CallbackURL ? { kind: 'http', url: config.CallbackURL, authKey } : undefined;
	}

	private async deliver(jobId: string, target: Target, body: string): Promise<void> {
		for (let attempt = 1; attempt <= CALLBACK_ATTEMPTS; attempt++) {
			if (attempt > 1) await this.deps.timers.sleep(this.retryDelayMs);
			const delivered =
				target.kind === 'mns'
					? this.enqueue(jobId, target.queueName, body, attempt)
					: await this.post(jobId, target, body, attempt);
			if (delivered) return;
		}
	}

	private enqueue(jobId: string, queueName: string, body: string, attempt: number): boolean {
		const sentAt = this.deps.clock.now();
		this.deps.mns.send(queueName, body, sentAt);
		this.record({
			jobId,
			target: `mns:${queueName}`,
			attempt,
			sentAt,
			headers: {},
			body,
			status: 201,
		});
		return true;
	}

	private async post(
		jobId: string,
		target: Extract<Target, { kind: 'http' }>,
		body: string,
		attempt: number,
	): Promise<boolean> {
		const sentAt = this.deps.clock.now();
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (target.authKey) {
			const timestamp = String(Math.floor(sentAt / 1000));
			headers['x-vod-timestamp'] = timestamp;
			headers['x-vod-signature'] = vodCallbackSignature(target.url, timestamp, target.authKey);
		}
		const entry = { jobId, target: target.url, attempt, sentAt, headers, body };
		const started = performance.now();
		const elapsed = () => performance.now() - started;
		try {
			const response = await request(target.url, {
				method: 'POST',
				headers,
				body,
				// undici's own timeouts tick by the second; a signal keeps short test timeouts exact.
				signal: AbortSignal.timeout(this.timeoutMs),
			});
			await response.body.dump();
			this.record({ ...entry, status: response.statusCode, durationMs: elapsed() });
			return response.statusCode === 200;
		} catch (error) {
			this.record({
				...entry,
				error: error instanceof Error ? error.message : String(error),
				durationMs: elapsed(),
			});
			return false;
		}
	}

	private record(delivery: Omit<CallbackDelivery, 'seq'>): void {
		this.log.push({ seq: this.nextSeq++, ...delivery });
	}
}
