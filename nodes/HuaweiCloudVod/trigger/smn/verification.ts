import type { IDataObject } from 'n8n-workflow';

import { headerValue } from '../../../shared/http';
import type { Refusal, RefusalTable, WebhookRequest } from '../../../shared/trigger';
import { signsOneOf } from './certificate';
import { cachedSigningKey, type TextFetch } from './certificateCache';
import { smnUrlProblem, type SmnUrlProblem, type SmnUrlPurpose } from './hosts';
import { signedTextsOf, smnMessageOf, type SmnMessage } from './message';
import type { SmnSettings } from './settings';

const SMN_TYPE_HEADER = 'x-smn-message-type';

type SmnRejection =
	| 'notSmn'
	| 'typeMismatch'
	| 'foreignTopic'
	| 'noTopics'
	| 'certificateUnavailable'
	| 'unusableCertificate'
	| 'badSignature';

const REFUSALS: RefusalTable<SmnRejection> = {
	notSmn: {
		status: 401,
		message:
			'Unauthorized: the body is no SMN message (type Notification, SubscriptionConfirmation or UnsubscribeConfirmation)',
	},
	typeMismatch: {
		status: 401,
		message: 'Unauthorized: X-SMN-MESSAGE-TYPE does not match the signed type',
	},
	foreignTopic: {
		status: 403,
		message: "Forbidden: topic_urn is not one of the node's Topic URNs",
	},
	noTopics: {
		status: 403,
		message:
			"Forbidden: the node's Topic URNs is empty; set your topic's URN (SMN signs every account's topics)",
	},
	certificateUnavailable: {
		status: 502,
		message: 'Bad Gateway: the SMN signing certificate could not be fetched',
	},
	unusableCertificate: {
		status: 401,
		message:
			'Unauthorized: signing_cert_url holds no RSA certificate with a SHA-1 or SHA-2 signature',
	},
	badSignature: { status: 401, message: 'Unauthorized: the signature does not match the message' },
};

const FIELD_NAMES: Record<SmnUrlPurpose, string> = {
	certificate: 'signing_cert_url',
	subscription: 'subscribe_url',
};

function urlRefusal(problem: SmnUrlProblem, purpose: SmnUrlPurpose): Refusal {
	const field = FIELD_NAMES[purpose];
	if (problem === 'invalidUrl') return { status: 401, message: `Unauthorized: ${field} is no URL` };
	if (problem === 'notHttps') return { status: 403, message: `Forbidden: ${field} is not HTTPS` };
	if (problem === 'notCertificatePath')
		return { status: 403, message: `Forbidden: ${field} is no .pem file without a query` };
	return { status: 403, message: `Forbidden: ${field} is not on a trusted SMN host` };
}

/** The URL checks a message must pass before anything is fetched. */
function urlRefusalOf(message: SmnMessage, extraHosts: readonly string[]): Refusal | undefined {
	const urls: Array<[SmnUrlPurpose, string | undefined]> = [
		['certificate', message.signing_cert_url],
		[
			'subscription',
			message.type === 'SubscriptionConfirmation' ? message.subscribe_url : undefined,
		],
	];
	for (const [purpose, url] of urls) {
		const problem = url === undefined ? undefined : smnUrlProblem(url, purpose, extraHosts);
		if (problem !== undefined) return urlRefusal(problem, purpose);
	}
	return undefined;
}

/** Checks that need no fetch: the fields, the type header, the topic and the URLs. */
export function smnFormRefusalOf(
	body: IDataObject | undefined,
	request: WebhookRequest,
	settings: SmnSettings,
): Refusal | SmnMessage {
	const reading = body === undefined ? undefined : smnMessageOf(body);
	if (reading === undefined || (!reading.ok && reading.reason === 'notSmnMessage'))
		return REFUSALS.notSmn;
	if (!reading.ok) {
		return {
			status: 401,
			message: `Unauthorized: the SMN message lacks ${reading.fields.join(', ')}`,
		};
	}
	const { message } = reading;
	const headerType = headerValue(request.headers, SMN_TYPE_HEADER);
	if (headerType !== undefined && headerType !== message.type) return REFUSALS.typeMismatch;
	if (settings.topicUrns.length === 0) return REFUSALS.noTopics;
	if (!settings.topicUrns.includes(message.topic_urn)) return REFUSALS.foreignTopic;
	return urlRefusalOf(message, settings.extraHosts) ?? message;
}

/** Whether SMN's certificate at signing_cert_url signed the message; a refusal when not. */
export async function smnSignatureRefusalOf(
	message: SmnMessage,
	fetchText: TextFetch,
	now: number,
): Promise<Refusal | undefined> {
	const key = await cachedSigningKey(message.signing_cert_url, fetchText, now);
	if (key === 'unavailable') return REFUSALS.certificateUnavailable;
	if (key === 'unusable') return REFUSALS.unusableCertificate;
	return signsOneOf(key, signedTextsOf(message), message.signature)
		? undefined
		: REFUSALS.badSignature;
}
