import type { IDataObject } from 'n8n-workflow';

/** The HTTP(S) message types whose signature the trigger checks (huawei.md §6.4). */
const SMN_MESSAGE_TYPES = [
	'Notification',
	'SubscriptionConfirmation',
	'UnsubscribeConfirmation',
] as const;

export type SmnMessageType = (typeof SMN_MESSAGE_TYPES)[number];

/** The fields of an SMN message the trigger reads; all of them are strings on the wire. */
export interface SmnMessage {
	type: SmnMessageType;
	message: string;
	message_id: string;
	timestamp: string;
	topic_urn: string;
	signature: string;
	signing_cert_url: string;
	subject?: string;
	subscribe_url?: string;
}

export type SmnMessageReading =
	| { ok: true; message: SmnMessage }
	| { ok: false; reason: 'notSmnMessage' }
	| { ok: false; reason: 'missingFields'; fields: string[] };

const COMMON_FIELDS = [
	'message',
	'message_id',
	'timestamp',
	'topic_urn',
	'signature',
	'signing_cert_url',
] as const;

function isSmnMessageType(value: unknown): value is SmnMessageType {
	return SMN_MESSAGE_TYPES.some((type) => type === value);
}

function text(body: IDataObject, name: string): string | undefined {
	const value = body[name];
	return typeof value === 'string' ? value : undefined;
}

function requiredFields(type: SmnMessageType): string[] {
	return type === 'Notification' ? [...COMMON_FIELDS] : [...COMMON_FIELDS, 'subscribe_url'];
}

/** The SMN message in a parsed body, or why it is none: a known type and every signed field. */
export function smnMessageOf(body: IDataObject): SmnMessageReading {
	const type = body.type;
	if (!isSmnMessageType(type)) return { ok: false, reason: 'notSmnMessage' };
	const missing = requiredFields(type).filter((name) => !text(body, name));
	const version = text(body, 'signature_version');
	if (version !== undefined && version.toLowerCase() !== 'v1') missing.push('signature_version v1');
	if (missing.length > 0) return { ok: false, reason: 'missingFields', fields: missing };
	return {
		ok: true,
		message: {
			type,
			message: text(body, 'message') ?? '',
			message_id: text(body, 'message_id') ?? '',
			timestamp: text(body, 'timestamp') ?? '',
			topic_urn: text(body, 'topic_urn') ?? '',
			signature: text(body, 'signature') ?? '',
			signing_cert_url: text(body, 'signing_cert_url') ?? '',
			subject: text(body, 'subject'),
			subscribe_url: text(body, 'subscribe_url'),
		},
	};
}

type SignedField =
	| 'message'
	| 'message_id'
	| 'subject'
	| 'subscribe_url'
	| 'timestamp'
	| 'topic_urn'
	| 'type';

const NOTIFICATION_FIELDS: SignedField[] = [
	'message',
	'message_id',
	'subject',
	'timestamp',
	'topic_urn',
	'type',
];
const SUBSCRIPTION_FIELDS: SignedField[] = [
	'message',
	'message_id',
	'subscribe_url',
	'timestamp',
	'topic_urn',
	'type',
];

/** Each field (alphabetical) as `name\nvalue\n`. */
function lines(message: SmnMessage, fields: SignedField[]): string {
	return fields.map((name) => `${name}\n${message[name] ?? ''}\n`).join('');
}

/**
 * The field lists SMN may have signed. The docs omit an empty subject; one published sample
 * signs it as an empty line instead, so both are tried then.
 */
function fieldReadings(message: SmnMessage): SignedField[][] {
	if (message.type !== 'Notification') return [SUBSCRIPTION_FIELDS];
	if (message.subject) return [NOTIFICATION_FIELDS];
	return [NOTIFICATION_FIELDS.filter((name) => name !== 'subject'), NOTIFICATION_FIELDS];
}

/**
 * The texts one of which SMN signed. The official sample ends the last value with `\n`; whether
 * SMN does is unconfirmed (huawei.md §6.4, §8.3), so the text without it is tried as well.
 */
export function signedTextsOf(message: SmnMessage): string[] {
	return fieldReadings(message).flatMap((fields) => {
		const signed = lines(message, fields);
		return [signed, signed.slice(0, -1)];
	});
}
