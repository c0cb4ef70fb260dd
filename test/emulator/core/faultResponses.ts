import { aliyunErrorBody, JSON_HEADERS } from '../aliyun/errors';
import { mnsXmlResponse } from '../aliyun/mns/mnsXml';
import type { EmulatorRequest, EmulatorResponse } from '../http';
import type { FaultSpec } from './faults';
import { newRequestId } from './ids';

type Cloud = 'aliyun' | 'mns' | 'huawei';

const MESSAGES: Readonly<Record<string, string>> = {
	ServiceUnavailable: 'The request has failed due to a temporary failure of the server.',
	InternalError:
		'The request processing has failed due to some unknown error, exception or failure.',
};

/** Product named in the `Recommend` link, from the RPC version. */
function aliyunProduct(req: EmulatorRequest): string {
	const version = req.url.searchParams.get('Version') ?? req.headers['x-acs-version'];
	return version === '2014-06-18' ? 'Mts' : 'vod';
}

function cloudOf(req: EmulatorRequest): Cloud {
	if (req.url.pathname === '/') return 'aliyun';
	return req.url.pathname.startsWith('/queues/') ? 'mns' : 'huawei';
}

/** The body a cloud returns for `code`, in that cloud's error format. */
function errorResponse(req: EmulatorRequest, status: number, code: string): EmulatorResponse {
	const requestId = newRequestId();
	const message = MESSAGES[code] ?? `Injected fault ${code}.`;
	const host = req.headers.host ?? req.url.host;
	switch (cloudOf(req)) {
		case 'aliyun':
			return {
				status,
				headers: JSON_HEADERS,
				body: JSON.stringify(
					aliyunErrorBody({ code, message }, requestId, host, aliyunProduct(req)),
				),
			};
		case 'mns':
			return mnsXmlResponse(
				status,
				'Error',
				{ Code: code, Message: message, RequestId: requestId, HostId: host },
				requestId,
			);
		case 'huawei':
			return {
				status,
				headers: { 'content-type': 'application/json', 'x-request-id': requestId },
				body: JSON.stringify({ error_code: code, error_msg: message, request_id: requestId }),
			};
	}
}

const DEFAULT_HUAWEI_CODE = 'APIGW.0201';

/** What a `serverError` fault answers instead of the handler. */
export function serverErrorResponse(req: EmulatorRequest, fault: FaultSpec): EmulatorResponse {
	const status = fault.status ?? 503;
	const aliyunCode = status === 503 ? 'ServiceUnavailable' : 'InternalError';
	return errorResponse(
		req,
		status,
		fault.code ?? (cloudOf(req) === 'huawei' ? DEFAULT_HUAWEI_CODE : aliyunCode),
	);
}

/** HTTP 200 whose body is an error, as a misbehaving gateway might return. */
export function errorBody200Response(req: EmulatorRequest, fault: FaultSpec): EmulatorResponse {
	return {
		...errorResponse(
			req,
			200,
			fault.code ?? (cloudOf(req) === 'huawei' ? DEFAULT_HUAWEI_CODE : 'InternalError'),
		),
		status: 200,
	};
}

/** The handler's answer with its body cut in half (truncated JSON or XML). */
export function truncated(response: EmulatorResponse): EmulatorResponse {
	const body = Buffer.from(response.body ?? '');
	return { ...response, body: body.subarray(0, Math.floor(body.length / 2)) };
}
