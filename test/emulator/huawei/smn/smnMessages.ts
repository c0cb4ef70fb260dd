/**
 * SMN's HTTP(S) message bodies and their signature (huawei.md §6.4), written here by hand from the
 * docs, not from the trigger's code: the signed fields in alphabetical order, each as
 * `name\nvalue\n`, signed with the certificate's key and digest, Base64.
 */
import { sign, type KeyObject } from 'node:crypto';

import type { CertificateDigest } from './x509';

export type SmnMessageType =
	| 'Notification'
	| 'SubscriptionConfirmation'
	| 'UnsubscribeConfirmation';

/** The JSON body SMN POSTs; every value is a string. */
export interface SmnBody {
	type: SmnMessageType;
	message: string;
	message_id: string;
	timestamp: string;
	topic_urn: string;
	signature_version: string;
	signing_cert_url: string;
	signature: string;
	subject?: string;
	subscribe_url?: string;
	unsubscribe_url?: string;
}

/** The two unconfirmed points of the signed text; the emulator can sign either way. */
export interface SigningReading {
	/** The official Java sample ends the last value with `\n` (default true). */
	trailingNewline: boolean;
	/** The docs leave an empty subject out; one published sample signs `subject\n\n` instead. */
	emptySubjectSigned: boolean;
}

export const DOC_READING: SigningReading = { trailingNewline: true, emptySubjectSigned: false };

export interface SigningKeyPair {
	privateKey: KeyObject;
	digest: CertificateDigest;
}

export function smnSignedText(body: Omit<SmnBody, 'signature'>, reading: SigningReading): string {
	const lines: string[] = ['message', body.message, 'message_id', body.message_id];
	if (body.type === 'Notification') {
		if (body.subject || reading.emptySubjectSigned) lines.push('subject', body.subject ?? '');
	} else {
		lines.push('subscribe_url', body.subscribe_url ?? '');
	}
	lines.push('timestamp', body.timestamp, 'topic_urn', body.topic_urn, 'type', body.type);
	const text = lines.join('\n');
	return reading.trailingNewline ? `${text}\n` : text;
}

/** The body with its signature. */
export function signedBody(
	unsigned: Omit<SmnBody, 'signature'>,
	key: SigningKeyPair,
	reading: SigningReading,
): SmnBody {
	const text = Buffer.from(smnSignedText(unsigned, reading), 'utf8');
	return { ...unsigned, signature: sign(key.digest, text, key.privateKey).toString('base64') };
}

/** `2016-08-15T07:29:16Z`, SMN's timestamp format. */
export function smnTimestamp(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
