/**
 * A loopback stand-in for the Huawei VOD endpoint: it checks each request's SDK-HMAC-SHA256
 * signature with the emulator's gateway check (the one the official SDK's requests pass), records
 * the request as it arrived and answers from the test's handler. For operation tests whose answers
 * (pages, error codes) are the test's own data.
 */
import { rawQueryPairs, verifyAksk } from '../../emulator/huawei/auth/akskAuth';
import { startScriptedServer } from '../../support/scriptedServer';
import type { RecordedRequest, ScriptedResponse } from '../../support/scriptedServer';
import { asEmulatorRequest, standInPerFile } from '../../support/standIn';

/** One VOD request as it went on the wire. */
export interface HuaweiWireCall {
	method: string;
	/** The path with the project id in it. */
	path: string;
	/** Decoded query pairs in order; repeated names (task_id, categories) stay repeated. */
	query: Array<[string, string]>;
	/** The JSON body, parsed; undefined when there was none. */
	body: unknown;
	/** True when the gateway's signature check (the emulator's) accepted the request. */
	signed: boolean;
}

/** The answer body (undefined: 204 with no body), or throw a VodStandInError. */
export type HuaweiHandler = (call: HuaweiWireCall) => object | undefined;

/** An error answer in VOD's JSON error format. */
export class VodStandInError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export interface HuaweiStandIn {
	url: string;
	/** Every request received since the last `answer`, in order. */
	calls(): HuaweiWireCall[];
	/** Sets the answers and forgets earlier requests. */
	answer(handler: HuaweiHandler): void;
	close(): Promise<void>;
}

const noAnswer: HuaweiHandler = (call) => {
	throw new Error(`No stand-in answer for ${call.method} ${call.path}`);
};

function errorAnswer(status: number, code: string, message: string): ScriptedResponse {
	return {
		status,
		body: { error_code: code, error_msg: message },
		headers: { 'x-request-id': 'REQ-STAND-IN' },
	};
}

export async function startHuaweiStandIn(): Promise<HuaweiStandIn> {
	const calls: HuaweiWireCall[] = [];
	let handler = noAnswer;
	const respond = (request: RecordedRequest): ScriptedResponse => {
		const received = asEmulatorRequest(request);
		const verdict = verifyAksk(received, Date.now());
		const call: HuaweiWireCall = {
			method: request.method,
			path: received.url.pathname,
			query: rawQueryPairs(request.url),
			body: request.body === '' ? undefined : (JSON.parse(request.body) as unknown),
			signed: verdict.ok,
		};
		calls.push(call);
		if (!verdict.ok) return errorAnswer(401, 'APIGW.0301', verdict.message);
		try {
			const body = handler(call);
			return body === undefined ? { status: 204 } : { status: 200, body };
		} catch (error) {
			if (error instanceof VodStandInError)
				return errorAnswer(error.httpStatus, error.code, error.message);
			// A 400 is never retried, so a missing answer fails the test at once.
			return errorAnswer(400, 'StandIn.NoAnswer', String(error));
		}
	};
	const server = await startScriptedServer(respond);
	return {
		url: server.url,
		calls: () => [...calls],
		answer(next) {
			handler = next;
			calls.length = 0;
			server.reset();
		},
		close: async () => await server.close(),
	};
}

/** One stand-in for the calling test file, forgetting its requests before each test. */
export function huaweiStandInPerFile(use: (standIn: HuaweiStandIn) => void): void {
	standInPerFile(startHuaweiStandIn, noAnswer, use);
}
