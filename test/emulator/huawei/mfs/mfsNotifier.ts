/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';

import type { ThumbnailCompleteEvent } from '../vod/types';

/**
 * MFS callback delivery (huawei.md 6.4). Real VOD has no API to configure it (console only), so
 * tests configure it here.
 *
 * Envelope: the doc shows the MFS body only as an image and says the signed "body" is "the
 * `message` property of the message body". The emulator follows that unconfirmed reading: it POSTs
 * `{"message":"<event JSON as a string>"}` and signs that string:
 * auth_sign = hex(HMAC-SHA256(authKey, "VOD_" + auth_timestamp + "_" + message)).
 * auth_timestamp is Unix seconds of the emulator clock (the unit is unconfirmed too).
 */
export interface MfsCallbackConfig {
	url: string;
	authKey: string;
	/** Per-attempt limit: a receiver slower than this counts as a failed attempt (respond fast). */
	timeoutMs?: number;
	/** Attempts in all, retried only on 5xx or connection failure. */
	maxAttempts?: number;
	retryDelayMs?: number;
}

export interface MfsAttempt {
	at: number;
	status?: number;
	error?: string;
}

export interface MfsDelivery {
	id: number;
	url: string;
	event: ThumbnailCompleteEvent;
	/** The `message` string (the signed text). */
	message: string;
	/** Exact bytes of the last attempt. */
	body: string;
	/** Headers of the last attempt. */
	headers: Record<string, string>;
	attempts: MfsAttempt[];
	delivered: boolean;
}

export interface MfsEnvelope {
	message: string;
}

const DEFAULTS = { timeoutMs: 5_000, maxAttempts: 3, retryDelayMs: 50 };

export function mfsAuthSignature(authKey: string, timestamp: string, message: string): string {
	return createHmac('sha256', authKey).update(`VOD_${timestamp}_${message}`, 'utf8').digest('hex');
}

export class MfsNotifier {
	private config: MfsCallbackConfig | undefined;
	private readonly log: MfsDelivery[] = [];

	constructor(private readonly now: () => number) {}

	configure(config: MfsCallbackConfig | undefined): void {
		this.config = config;
	}

	deliveries(): MfsDelivery[] {
		return [...this.log];
	}

	reset(): void {
		this.config = undefined;
		this.log.length = 0;
	}

	/** Sends the event if a callback is configured; resolves once delivered or given up. */
	async notify(event: ThumbnailCompleteEvent): Promise<MfsDelivery | undefined> {
		const config = this.config;
		if (!config) return undefined;
		const message = JSON.stringify(event);
		const delivery: MfsDelivery = {
			id: this.log.length + 1,
			url: config.url,
			event,
			message,
			body: '',
			headers: {},
			attempts: [],
			delivered: false,
		};
		this.log.push(delivery);
		await this.send(delivery, config);
		return delivery;
	}

	/** Sends a recorded event again, freshly signed, as a duplicate delivery would arrive. */
	async redeliver(id: number): Promise<MfsDelivery> {
		const original = this.log.find((delivery) => delivery.id === id);
		if (!original) throw new Error(`No MFS delivery ${id}`);
		const config = this.config;
		if (!config) throw new Error('No MFS callback configured');
		const duplicate: MfsDelivery = {
			...original,
			id: this.log.length + 1,
			url: config.url,
			attempts: [],
			delivered: false,
		};
		this.log.push(duplicate);
		await this.send(duplicate, config);
		return duplicate;
	}

	private async send(delivery: MfsDelivery, config: MfsCallbackConfig): Promise<void> {
		const timeoutMs = config.timeoutMs ?? DEFAULTS.timeoutMs;
		const maxAttempts = config.maxAttempts ?? DEFAULTS.maxAttempts;
		const retryDelayMs = config.retryDelayMs ?? DEFAULTS.retryDelayMs;
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			const timestamp = String(Math.floor(this.now() / 1000));
			const envelope: MfsEnvelope = { message: delivery.message };
			delivery.body = JSON.stringify(envelope);
			delivery.headers = {
				'content-type': 'application/json',
				auth_timestamp: timestamp,
				auth_sign: mfsAuthSignature(config.authKey, timestamp, delivery.message),
			};
			const record: MfsAttempt = { at: this.now() };
			delivery.attempts.push(record);
			try {
				const response = await request(delivery.url, {
					method: 'POST',
					headers: delivery.headers,
					body: delivery.body,
					// undici's own timeouts tick coarsely (about a second); an abort signal is exact.
					signal: AbortSignal.timeout(timeoutMs),
				});
				await response.body.dump();
				record.status = response.statusCode;
				if (response.statusCode < 500) {
					delivery.delivered = response.statusCode < 300;
					return;
				}
			} catch (error) {
				record.error = error instanceof Error ? error.message : String(error);
			}
			if (attempt < maxAttempts) await delay(retryDelayMs);
		}
	}
}
