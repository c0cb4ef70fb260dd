/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Huawei SMN for the VOD trigger's SMN mode: a topic with HTTP(S) subscriptions. It serves its
 * signing certificate and confirmation links over HTTPS on 127.0.0.1 (its own port) under a
 * configurable host name; the TLS certificate is self-signed for that name, so a client trusts it
 * only when given `caPem` (n8n: NODE_EXTRA_CA_CERTS; in-process tests: the request's `ca`).
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { request } from 'undici';

import { newHexId } from '../../core/ids';
import type { ThumbnailCompleteEvent } from '../vod/types';
import {
	DOC_READING,
	signedBody,
	smnTimestamp,
	type SigningKeyPair,
	type SigningReading,
	type SmnBody,
	type SmnMessageType,
} from './smnMessages';
import { createSelfSignedCertificate, type CertificateDigest, type TestCertificate } from './x509';

export interface SmnStartOptions {
	/** The host name in every URL handed out (default `localhost`); it resolves to 127.0.0.1. */
	hostName?: string;
	region?: string;
}

export interface SmnSigningOptions extends Partial<SigningReading> {
	/** The signing certificate's own signature digest (default sha256); a change makes a new one. */
	digest?: CertificateDigest;
}

export interface SmnSubscription {
	endpoint: string;
	token: string;
	subscriptionUrn: string;
	confirmed: boolean;
	/** GETs of its confirmation link. */
	confirmations: number;
}

export interface SmnAttempt {
	status?: number;
	error?: string;
}

export interface SmnDelivery {
	id: number;
	endpoint: string;
	type: SmnMessageType;
	body: SmnBody;
	headers: Record<string, string>;
	attempts: SmnAttempt[];
	delivered: boolean;
}

export interface SmnRequest {
	method: string;
	path: string;
}

const SEND = { timeoutMs: 5_000, maxAttempts: 3, retryDelayMs: 50 };

export class SmnEmulator {
	private server: Server | undefined;
	private tls: TestCertificate | undefined;
	private hostName = 'localhost';
	private region = 'emu-region-1';
	private readonly topicName = 'vod-events';
	private signing:
		| { id: string; certificate: TestCertificate; digest: CertificateDigest }
		| undefined;
	private reading: SigningReading = DOC_READING;
	private readonly subscriptionList: SmnSubscription[] = [];
	private readonly log: SmnDelivery[] = [];
	private readonly requestLog: SmnRequest[] = [];

	constructor(private readonly now: () => number) {}

	/** Starts the HTTPS side (once); the certificates are made here. */
	async start(options: SmnStartOptions = {}): Promise<void> {
		if (this.server) return;
		this.hostName = options.hostName ?? this.hostName;
		this.region = options.region ?? this.region;
		this.tls = createSelfSignedCertificate({
			commonName: this.hostName,
			hosts: [this.hostName, '127.0.0.1'],
			digest: 'sha256',
		});
		this.configureSigning({});
		const server = createServer(
			{ key: this.tls.privateKeyPem, cert: this.tls.certificatePem },
			(req, res) => {
				this.serve(req, res);
			},
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		this.server = server;
	}

	/** `host:port` of the HTTPS side, as a trigger's extra trusted host. */
	get host(): string {
		if (!this.server) throw new Error('SMN emulator not started');
		return `${this.hostName}:${(this.server.address() as AddressInfo).port}`;
	}

	/** The TLS certificate: the one trust anchor a client needs for the HTTPS side. */
	get caPem(): string {
		if (!this.tls) throw new Error('SMN emulator not started');
		return this.tls.certificatePem;
	}

	get topicUrn(): string {
		return `urn:smn:${this.region}:0a419ac94f80f2c62f14c01e34e0e1d2:${this.topicName}`;
	}

	get signingCertUrl(): string {
		return `https://${this.host}/smn/SMN_${this.region}_${this.signingKey().id}.pem`;
	}

	/** How messages are signed from now on; a new digest means a new certificate at a new URL. */
	configureSigning(options: SmnSigningOptions): void {
		this.reading = {
			trailingNewline: options.trailingNewline ?? DOC_READING.trailingNewline,
			emptySubjectSigned: options.emptySubjectSigned ?? DOC_READING.emptySubjectSigned,
		};
		const digest = options.digest ?? 'sha256';
		if (this.signing?.digest === digest) return;
		const certificate = createSelfSignedCertificate({
			commonName: `SMN ${this.region} message signing`,
			hosts: [this.hostName],
			digest,
		});
		this.signing = { id: newHexId(), certificate, digest };
	}

	/** The current signing key, to sign messages a test then changes (forgeries). */
	signingKey(): SigningKeyPair & { id: string } {
		if (!this.signing) throw new Error('SMN emulator not started');
		return {
			id: this.signing.id,
			privateKey: this.signing.certificate.privateKey,
			digest: this.signing.digest,
		};
	}

	subscriptions(): SmnSubscription[] {
		return this.subscriptionList.map((subscription) => ({ ...subscription }));
	}

	deliveries(): SmnDelivery[] {
		return [...this.log];
	}

	/** HTTPS requests the side served (certificate downloads, confirmation visits). */
	requests(): SmnRequest[] {
		return [...this.requestLog];
	}

	/** Adds an HTTP(S) subscription and sends its SubscriptionConfirmation. */
	async subscribe(endpoint: string): Promise<SmnDelivery> {
		const token = newHexId() + newHexId();
		const subscription: SmnSubscription = {
			endpoint,
			token,
			subscriptionUrn: `${this.topicUrn}:${newHexId()}`,
			confirmed: false,
			confirmations: 0,
		};
		this.subscriptionList.push(subscription);
		return await this.deliver(
			endpoint,
			this.sign('SubscriptionConfirmation', {
				message: `You are invited to subscribe to topic: ${this.topicUrn}. To confirm this subscription, please visit the following SubscribeURL in this message.`,
				subscribe_url: this.confirmUrl(token),
			}),
		);
	}

	/** Sends an UnsubscribeConfirmation and drops the subscription. */
	async unsubscribe(endpoint: string): Promise<SmnDelivery> {
		const index = this.subscriptionList.findIndex((candidate) => candidate.endpoint === endpoint);
		if (index < 0) throw new Error(`No SMN subscription for ${endpoint}`);
		const [subscription] = this.subscriptionList.splice(index, 1);
		return await this.deliver(
			endpoint,
			this.sign('UnsubscribeConfirmation', {
				message: `You have unsubscribed from topic: ${this.topicUrn}.`,
				subscribe_url: this.confirmUrl(subscription.token),
			}),
		);
	}

	/** Publishes to every confirmed subscription; resolves once each is delivered or given up. */
	async publish(message: string, subject?: string): Promise<SmnDelivery[]> {
		const confirmed = this.subscriptionList.filter((subscription) => subscription.confirmed);
		return await Promise.all(
			confirmed.map(
				async (subscription) =>
					await this.deliver(
						subscription.endpoint,
						this.sign('Notification', {
							message,
							subject,
							unsubscribe_url: `https://${this.host}/smn/subscription/unsubscribe?subscription_urn=${subscription.subscriptionUrn}`,
						}),
					),
			),
		);
	}

	/** VOD's publish of an event as a JSON message (no-op before start). */
	async notify(event: ThumbnailCompleteEvent): Promise<void> {
		if (this.server) await this.publish(JSON.stringify(event));
	}

	/** Sends a recorded message again, unchanged, as SMN's retries and duplicates arrive. */
	async redeliver(id: number): Promise<SmnDelivery> {
		const original = this.log.find((delivery) => delivery.id === id);
		if (!original) throw new Error(`No SMN delivery ${id}`);
		return await this.deliver(original.endpoint, original.body);
	}

	/** POSTs any body (a forgery too) the way SMN posts, retrying on 5xx; the delivery records each answer. */
	async deliver(endpoint: string, body: SmnBody): Promise<SmnDelivery> {
		const delivery: SmnDelivery = {
			id: this.log.length + 1,
			endpoint,
			type: body.type,
			body,
			headers: {
				'content-type': 'application/json; charset=UTF-8',
				'x-smn-message-type': body.type,
				'x-smn-message-id': body.message_id,
				'x-smn-topic-urn': body.topic_urn,
			},
			attempts: [],
			delivered: false,
		};
		this.log.push(delivery);
		for (let attempt = 1; attempt <= SEND.maxAttempts; attempt++) {
			const record: SmnAttempt = {};
			delivery.attempts.push(record);
			try {
				const response = await request(endpoint, {
					method: 'POST',
					headers: delivery.headers,
					body: JSON.stringify(body),
					signal: AbortSignal.timeout(SEND.timeoutMs),
				});
				await response.body.dump();
				record.status = response.statusCode;
				if (response.statusCode < 500) {
					delivery.delivered = response.statusCode < 300;
					return delivery;
				}
			} catch (error) {
				record.error = error instanceof Error ? error.message : String(error);
			}
			if (attempt < SEND.maxAttempts) await delay(SEND.retryDelayMs);
		}
		return delivery;
	}

	/** A message of this topic, signed the configured way. */
	sign(
		type: SmnMessageType,
		fields: { message: string; subject?: string; subscribe_url?: string; unsubscribe_url?: string },
	): SmnBody {
		const unsigned = {
			type,
			message_id: newHexId(),
			timestamp: smnTimestamp(this.now()),
			topic_urn: this.topicUrn,
			signature_version: 'v1',
			signing_cert_url: this.signingCertUrl,
			...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
			message: fields.message,
		};
		return signedBody(unsigned, this.signingKey(), this.reading);
	}

	/** Subscriptions, deliveries and the request log cleared; the HTTPS side keeps running. */
	reset(): void {
		this.subscriptionList.length = 0;
		this.log.length = 0;
		this.requestLog.length = 0;
		this.reading = DOC_READING;
	}

	async close(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private confirmUrl(token: string): string {
		const query = new URLSearchParams({ token, topic_urn: this.topicUrn, region_id: this.region });
		return `https://${this.host}/smn/subscription/confirm?${query.toString()}`;
	}

	private serve(req: IncomingMessage, res: ServerResponse): void {
		const url = new URL(req.url ?? '/', `https://${this.hostName}`);
		this.requestLog.push({ method: req.method ?? 'GET', path: url.pathname });
		const reply = (status: number, contentType: string, body: string) => {
			res.writeHead(status, { 'content-type': contentType });
			res.end(body);
		};
		const signing = this.signing;
		if (
			req.method === 'GET' &&
			signing &&
			url.pathname === `/smn/SMN_${this.region}_${signing.id}.pem`
		) {
			reply(200, 'application/x-x509-ca-cert', signing.certificate.certificatePem);
			return;
		}
		if (req.method === 'GET' && url.pathname === '/smn/subscription/confirm') {
			const subscription = this.subscriptionList.find(
				(candidate) => candidate.token === url.searchParams.get('token'),
			);
			if (!subscription) {
				reply(404, 'application/json', JSON.stringify({ message: 'Subscription not found' }));
				return;
			}
			subscription.confirmed = true;
			subscription.confirmations++;
			const answer = { request_id: newHexId(), subscription_urn: subscription.subscriptionUrn };
			reply(200, 'application/json', JSON.stringify(answer));
			return;
		}
		reply(
			404,
			'application/json',
			JSON.stringify({ message: `No SMN resource at ${url.pathname}` }),
		);
	}
}
