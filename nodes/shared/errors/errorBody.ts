import { isRecord, parseJson } from '../../../credentials/common/json';
import { tryParseXml, xmlText } from '../xml';

/** The fields every provider error body carries under its own names. */
export interface ProviderFields {
	code?: string;
	message?: string;
	requestId?: string;
}

export type UnknownRecord = Record<string, unknown>;

function stringField(record: UnknownRecord, key: string): string | undefined {
	const value = record[key];
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** Reads the `<Error><Code/><Message/><RequestId/><HostId/></Error>` document Aliyun and MNS return. */
export function parseXmlErrorBody(xml: string): ProviderFields | undefined {
	const error = tryParseXml(xml)?.Error;
	if (typeof error !== 'object' || Array.isArray(error)) return undefined;
	const fields = {
		code: nonEmpty(xmlText(error, 'Code')),
		message: nonEmpty(xmlText(error, 'Message')),
		requestId: nonEmpty(xmlText(error, 'RequestId')),
	};
	return fields.code || fields.message || fields.requestId ? fields : undefined;
}

/** Aliyun `{Code, Message, RequestId}`, Huawei `{error_code, error_msg, request_id}` or `{error:{code,message}}`. */
function fieldsFromObject(body: UnknownRecord): ProviderFields {
	const nested = isRecord(body.error) ? body.error : isRecord(body.Error) ? body.Error : undefined;
	return {
		code:
			stringField(body, 'Code') ??
			stringField(body, 'error_code') ??
			(nested && (stringField(nested, 'code') ?? stringField(nested, 'Code'))),
		message:
			stringField(body, 'Message') ??
			stringField(body, 'error_msg') ??
			(nested && (stringField(nested, 'message') ?? stringField(nested, 'Message'))),
		requestId:
			stringField(body, 'RequestId') ??
			stringField(body, 'request_id') ??
			(nested && (stringField(nested, 'request_id') ?? stringField(nested, 'RequestId'))),
	};
}

/** Reads a JSON object, JSON text or `<Error>` XML body; unknown shapes give no fields. */
export function parseErrorBody(body: unknown): ProviderFields {
	if (isRecord(body)) return fieldsFromObject(body);
	if (typeof body !== 'string') return {};
	const trimmed = body.trim();
	if (trimmed.startsWith('<')) return parseXmlErrorBody(trimmed) ?? {};
	const parsed = parseJson(trimmed); // not JSON: the body is reported without provider fields
	return isRecord(parsed) ? fieldsFromObject(parsed) : {};
}
