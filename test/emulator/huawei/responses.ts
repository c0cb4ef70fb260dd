import type { CloudErrorFormat } from '../core/faultResponses';
import type { EmulatorResponse } from '../core/http';

/** APIG error body (huawei.md 1.7): gateway errors carry the request id in the body too. */
export interface ApigErrorBody {
	error_code: string;
	error_msg: string;
	request_id: string;
}

/** VOD service error body (huawei.md 5). */
export interface VodErrorBody {
	error_code: string;
	error_msg: string;
}

export function jsonResponse(
	status: number,
	body: unknown,
	requestId: string,
	extraHeaders: Record<string, string> = {},
): EmulatorResponse {
	return {
		status,
		headers: {
			'content-type': 'application/json;charset=UTF-8',
			'x-request-id': requestId,
			...extraHeaders,
		},
		body: JSON.stringify(body),
	};
}

export function apigError(
	status: number,
	code: string,
	message: string,
	requestId: string,
): EmulatorResponse {
	const body: ApigErrorBody = { error_msg: message, error_code: code, request_id: requestId };
	return jsonResponse(status, body, requestId);
}

/** A VOD-level rejection, raised from route handlers and turned into a response in one place. */
export class VodError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export function illegalField(field: string): VodError {
	return new VodError(
		400,
		'VOD.10053',
		`The request parameter is illegal, illegal field: {${field}}.`,
	);
}

export function notFound(): VodError {
	return new VodError(400, 'VOD.10062', 'Media asset or resource does not exist, please check.');
}

export function vodErrorResponse(error: VodError, requestId: string): EmulatorResponse {
	const body: VodErrorBody = { error_code: error.code, error_msg: error.message };
	return jsonResponse(error.status, body, requestId);
}

/** Injected faults on Huawei paths answer like the gateway (APIGW.0201 unless named). */
export const huaweiFaultFormat: CloudErrorFormat = {
	defaultCode: () => 'APIGW.0201',
	response: (status, error) => ({
		status,
		headers: { 'content-type': 'application/json', 'x-request-id': error.requestId },
		body: JSON.stringify({
			error_code: error.code,
			error_msg: error.message,
			request_id: error.requestId,
		}),
	}),
};
