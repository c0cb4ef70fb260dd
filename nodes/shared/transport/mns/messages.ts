import { isRecord, parseJson } from '../../../../credentials/common/json';
import { xmlText } from '../../xml';
import type { XmlElement, XmlValue } from '../../xml';
import type { MnsBodyEncoding, MnsJsonValue, MnsMessage } from './types';

const BASE64_TEXT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** JSON text inside Base64, if the text is Base64 of UTF-8 JSON holding an object or array. */
function base64Json(text: string): MnsJsonValue | undefined {
	const compact = text.replace(/\s+/g, '');
	if (compact === '' || !BASE64_TEXT.test(compact)) return undefined;
	const bytes = Buffer.from(compact, 'base64');
	const decoded = bytes.toString('utf8');
	if (!Buffer.from(decoded, 'utf8').equals(bytes)) return undefined; // not UTF-8
	const parsed = parseJson(decoded);
	return isRecord(parsed) || Array.isArray(parsed) ? (parsed as MnsJsonValue) : undefined;
}

/**
 * aliyun.md h: whether MPS base64-encodes bodies is undocumented, so read JSON first, then JSON
 * inside Base64, else keep the text. Only an object or array counts as Base64 JSON: a short word
 * such as "test" is valid Base64 of bytes that are not the sender's meaning.
 */
export function decodeMessageBody(raw: string): {
	body: MnsJsonValue;
	bodyEncoding: MnsBodyEncoding;
} {
	const parsed = parseJson(raw);
	if (parsed !== undefined) return { body: parsed as MnsJsonValue, bodyEncoding: 'json' };
	const decoded = base64Json(raw);
	if (decoded !== undefined) return { body: decoded, bodyEncoding: 'base64Json' };
	return { body: raw, bodyEncoding: 'text' };
}

function numberField(element: XmlValue, name: string): number | undefined {
	const text = xmlText(element, name)?.trim();
	return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/** One `<Message>` element; undefined when it lacks MessageId, ReceiptHandle or MessageBody. */
export function parseMnsMessage(element: XmlValue): MnsMessage | undefined {
	const messageId = xmlText(element, 'MessageId');
	const receiptHandle = xmlText(element, 'ReceiptHandle');
	const messageBody = xmlText(element, 'MessageBody');
	if (!messageId || !receiptHandle || messageBody === undefined) return undefined;
	const message: MnsMessage = {
		MessageId: messageId,
		ReceiptHandle: receiptHandle,
		MessageBody: messageBody,
		...decodeMessageBody(messageBody),
	};
	const md5 = xmlText(element, 'MessageBodyMD5');
	if (md5 !== undefined) message.MessageBodyMD5 = md5;
	const numbers = [
		'EnqueueTime',
		'NextVisibleTime',
		'FirstDequeueTime',
		'DequeueCount',
		'Priority',
	] as const;
	for (const name of numbers) {
		const value = numberField(element, name);
		if (value !== undefined) message[name] = value;
	}
	return message;
}

function asList(value: XmlValue | undefined): XmlValue[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** The `<Message>` elements of a ReceiveMessage (`<Message>`) or BatchReceiveMessage (`<Messages>`) answer. */
export function messageElements(xml: XmlElement | undefined, batch: boolean): XmlValue[] {
	const root = batch ? xml?.Messages : xml?.Message;
	return batch
		? asList(typeof root === 'object' && !Array.isArray(root) ? root.Message : undefined)
		: asList(root);
}
