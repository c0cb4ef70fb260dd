import type { EmulatorResponse } from '../../core/http';

/** An Alibaba Cloud API error; the RPC dispatcher turns it into the gateway's JSON error body. */
export class AliyunApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export interface AliyunErrorBody {
	RequestId: string;
	HostId: string;
	Code: string;
	Message: string;
	Recommend: string;
}

export const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };

export function aliyunErrorBody(
	error: { code: string; message: string },
	requestId: string,
	hostId: string,
	product: string,
): AliyunErrorBody {
	return {
		RequestId: requestId,
		HostId: hostId,
		Code: error.code,
		Message: error.message,
		Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product}&requestId=${requestId}`,
	};
}

export function aliyunErrorResponse(
	error: AliyunApiError,
	requestId: string,
	hostId: string,
	product: string,
): EmulatorResponse {
	return {
		status: error.status,
		headers: { ...JSON_HEADERS, 'x-acs-request-id': requestId },
		body: JSON.stringify(aliyunErrorBody(error, requestId, hostId, product)),
	};
}

export const missingParameter = (name: string): AliyunApiError =>
	new AliyunApiError(400, `Missing${name}`, `${name} is mandatory for this action.`);

export const invalidParameter = (name: string, why: string): AliyunApiError =>
	new AliyunApiError(
		400,
		'InvalidParameter',
		`The specified parameter "${name}" is not valid. ${why}`,
	);

/** The code Aliyun products (RPC and MNS) answer an unexpected failure with. */
export const aliyunFaultCode = (status: number): string =>
	status === 503 ? 'ServiceUnavailable' : 'InternalError';
