import type { EmulatorRequest, EmulatorResponse } from './http';
import type { FaultSpec } from './faults';
import { newRequestId } from './ids';

/** How one cloud words an error, so an injected fault looks like that cloud's own. */
export interface CloudErrorFormat {
	/** The code of an injected error whose fault names none. */
	defaultCode(status: number): string;
	response(status: number, error: InjectedError): EmulatorResponse;
}

export interface InjectedError {
	code: string;
	message: string;
	requestId: string;
	/** The Host the request was sent to. */
	host: string;
}

const MESSAGES: Readonly<Record<string, string>> = {
	ServiceUnavailable: 'The request has failed due to a temporary failure of the server.',
	InternalError:
		'The request processing has failed due to some unknown error, exception or failure.',
};

function errorResponse(
	req: EmulatorRequest,
	status: number,
	code: string | undefined,
	format: CloudErrorFormat,
): EmulatorResponse {
	const errorCode = code ?? format.defaultCode(status);
	return format.response(status, {
		code: errorCode,
		message: MESSAGES[errorCode] ?? `Injected fault ${errorCode}.`,
		requestId: newRequestId(),
		host: req.headers.host ?? req.url.host,
	});
}

/** What a `serverError` fault answers instead of the handler. */
export function serverErrorResponse(
	req: EmulatorRequest,
	fault: FaultSpec,
	format: CloudErrorFormat,
): EmulatorResponse {
	return errorResponse(req, fault.status ?? 503, fault.code, format);
}

/** HTTP 200 whose body is an error, as a misbehaving gateway might return. */
export function errorBody200Response(
	req: EmulatorRequest,
	fault: FaultSpec,
	format: CloudErrorFormat,
): EmulatorResponse {
	return errorResponse(req, 200, fault.code, format);
}

/** HTTP 200 with the fault's body as JSON text. */
export function body200Response(fault: FaultSpec): EmulatorResponse {
	return {
		status: 200,
		headers: { 'content-type': 'application/json;charset=utf-8' },
		body: Buffer.from(fault.body ?? '{}'),
	};
}

/** The request as a gateway echoes it in a signature error: method, path, query, headers. */
function echoedRequest(req: EmulatorRequest): string {
	const headers = Object.entries(req.headers).map(([name, value]) => `${name}:${value}`);
	return [req.method, req.url.pathname, req.url.search.slice(1), ...headers].join('\n');
}

/** A signature error whose message echoes what was received, secrets included. */
export function echoRequestResponse(
	req: EmulatorRequest,
	fault: FaultSpec,
	format: CloudErrorFormat,
): EmulatorResponse {
	const echo = echoedRequest(req);
	return format.response(400, {
		code: fault.code ?? 'SignatureDoesNotMatch',
		message: `Specified signature is not matched with our calculation. Server canonical request is:${echo} server string to sign is:${echo}`,
		requestId: newRequestId(),
		host: req.headers.host ?? req.url.host,
	});
}

/** The handler's answer with its body cut in half (truncated JSON or XML). */
export function truncated(response: EmulatorResponse): EmulatorResponse {
	const body = Buffer.from(response.body ?? '');
	return { ...response, body: body.subarray(0, Math.floor(body.length / 2)) };
}
