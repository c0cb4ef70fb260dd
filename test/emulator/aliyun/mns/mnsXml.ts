import { XMLBuilder, XMLParser } from 'fast-xml-parser';

import type { CloudErrorFormat } from '../../core/faultResponses';
import { aliyunFaultCode } from '../gateway/errors';
import { isRecord } from '../../core/json';
import type { EmulatorResponse } from '../../core/http';
import type { MnsMessage } from './queues';

export const MNS_NAMESPACE = 'http://mns.aliyuncs.com/doc/v1/';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	format: false,
});
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false });

export function mnsXmlResponse(
	status: number,
	root: string,
	content: Record<string, unknown>,
	requestId: string,
): EmulatorResponse {
	return {
		status,
		headers: {
			'content-type': 'text/xml;charset=utf-8',
			'x-mns-request-id': requestId,
			'x-mns-version': '2015-06-06',
		},
		body: XML_DECLARATION + builder.build({ [root]: { '@_xmlns': MNS_NAMESPACE, ...content } }),
	};
}

export function mnsMessageElement(message: MnsMessage): Record<string, unknown> {
	return {
		MessageId: message.messageId,
		ReceiptHandle: message.receiptHandle,
		MessageBodyMD5: message.bodyMd5,
		MessageBody: message.body,
		EnqueueTime: message.enqueueTime,
		NextVisibleTime: message.nextVisibleTime,
		FirstDequeueTime: message.firstDequeueTime,
		DequeueCount: message.dequeueCount,
		Priority: message.priority,
	};
}

/** The `<Message>` of a SendMessage body; undefined when the XML is not one. */
export function parseSendMessage(
	xml: string,
): { body: string; delaySeconds?: number; priority?: number } | undefined {
	const parsed: unknown = parser.parse(xml);
	const message = isRecord(parsed) ? parsed.Message : undefined;
	if (!isRecord(message) || typeof message.MessageBody !== 'string') return undefined;
	const number = (value: unknown) => (value === undefined ? undefined : Number(value));
	return {
		body: message.MessageBody,
		delaySeconds: number(message.DelaySeconds),
		priority: number(message.Priority),
	};
}

/** Injected faults on MNS answer in its XML error format. */
export const mnsFaultFormat: CloudErrorFormat = {
	defaultCode: aliyunFaultCode,
	response: (status, error) =>
		mnsXmlResponse(
			status,
			'Error',
			{ Code: error.code, Message: error.message, RequestId: error.requestId, HostId: error.host },
			error.requestId,
		),
};
