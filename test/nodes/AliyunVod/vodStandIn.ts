/**
 * A loopback stand-in for the VOD RPC endpoint: it checks each request's signature with the
 * emulator's gateway check, records the request as it arrived and answers from the test's handler.
 * For operation tests whose answers (page sizes, error codes, request ids) are the test's own data.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { AliyunApiError, aliyunErrorBody } from '../../emulator/aliyun/gateway/errors';
import { NonceRegistry } from '../../emulator/aliyun/gateway/nonces';
import { CLOCK_TOLERANCE_MS, verifyRpcRequest } from '../../emulator/aliyun/gateway/rpcAuth';
import { rpcAction, rpcVersion, rpcWireParams } from '../../emulator/aliyun/gateway/rpcRequest';
import type { RpcWireParams } from '../../emulator/aliyun/gateway/rpcRequest';
import type { EmulatorRequest } from '../../emulator/core/http';
import { startScriptedServer } from '../../support/scriptedServer';
import type { RecordedRequest, ScriptedResponse } from '../../support/scriptedServer';
import { asEmulatorRequest } from '../../support/standIn';

/** One VOD RPC request as it went on the wire. */
export interface VodWireCall {
	method: string;
	path: string;
	/** `x-acs-action` (V3 signing) or the `Action` parameter (V1). */
	action?: string;
	version?: string;
	/** The RPC parameters in the query, as sent (V3 carries Action and Version in headers). */
	params: Record<string, string>;
	body: string;
	/** True when the gateway's signature check (the emulator's) accepted the request. */
	signed: boolean;
}

/** Returns the answer body, or throws a ProviderError for an error answer. */
export type VodHandler = (call: VodWireCall) => object;

/** An error answer in VOD's JSON error format. */
export class ProviderError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly httpStatus: number,
		readonly requestId: string,
	) {
		super(message);
	}
}

/** One stand-in for the calling test file, forgetting its requests before each test. */
export function vodStandInPerFile(use: (standIn: VodStandIn) => void): void {
	let standIn: VodStandIn | undefined;
	beforeAll(async () => {
		standIn = await startVodStandIn();
		use(standIn);
	});
	afterAll(async () => await standIn?.close());
	beforeEach(() => standIn?.answer(noAnswer));
}

export interface VodStandIn {
	url: string;
	/** Every request received since the last `answer`, in order. */
	calls(): VodWireCall[];
	/** When each of those requests arrived (Date.now()). */
	arrivals(): number[];
	/** Sets the answers and forgets earlier requests. */
	answer(handler: VodHandler): void;
	close(): Promise<void>;
}

const noAnswer: VodHandler = (call) => {
	throw new Error(`No stand-in answer for ${call.action ?? call.path}`);
};

/** An error answer in the gateway's JSON format (the emulator's). */
function errorAnswer(code: string, message: string, status: number, requestId: string) {
	const body = aliyunErrorBody({ code, message }, requestId, 'vod.cn-shanghai.aliyuncs.com', 'vod');
	return { status, body };
}

/** The gateway's refusal of the request's signature, or undefined when it accepts it. */
function signatureRefusal(
	received: EmulatorRequest,
	params: RpcWireParams,
	nonces: NonceRegistry,
): AliyunApiError | undefined {
	try {
		verifyRpcRequest(received, params, { nonces, now: Date.now() });
		return undefined;
	} catch (error) {
		return error instanceof AliyunApiError
			? error
			: new AliyunApiError(500, 'StandIn.CheckFailed', String(error));
	}
}

export async function startVodStandIn(): Promise<VodStandIn> {
	const nonces = new NonceRegistry(CLOCK_TOLERANCE_MS);
	const calls: VodWireCall[] = [];
	let handler = noAnswer;
	const respond = (request: RecordedRequest): ScriptedResponse => {
		const received = asEmulatorRequest(request);
		const params = rpcWireParams(received);
		const refusal = signatureRefusal(received, params, nonces);
		const call: VodWireCall = {
			method: request.method,
			path: received.url.pathname,
			action: rpcAction(received, params),
			version: rpcVersion(received, params),
			params: Object.fromEntries(params.query),
			body: request.body,
			signed: refusal === undefined,
		};
		calls.push(call);
		if (refusal) return errorAnswer(refusal.code, refusal.message, refusal.status, 'REQ-UNSIGNED');
		try {
			return { status: 200, body: handler(call) };
		} catch (error) {
			if (error instanceof ProviderError)
				return errorAnswer(error.code, error.message, error.httpStatus, error.requestId);
			// A 400 is never retried, so a missing answer fails the test at once.
			return errorAnswer('StandIn.NoAnswer', String(error), 400, 'REQ-NO-ANSWER');
		}
	};
	const server = await startScriptedServer(respond);
	return {
		url: server.url,
		calls: () => [...calls],
		arrivals: () => server.requests.map((request) => request.at),
		answer(next) {
			handler = next;
			calls.length = 0;
			server.reset();
		},
		close: async () => await server.close(),
	};
}
