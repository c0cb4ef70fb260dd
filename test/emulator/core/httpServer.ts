/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator test code: node:http server */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { flatHeaders, readBody } from '../../support/httpMessage';
import type { EmulatorClock } from './clock';
import {
	body200Response,
	echoRequestResponse,
	errorBody200Response,
	serverErrorResponse,
	truncated,
	type CloudErrorFormat,
} from './faultResponses';
import type { FaultInjector, FaultSpec } from './faults';
import { textResponse, type EmulatorRequest, type EmulatorResponse } from './http';
import type { RequestLog } from './requestLog';

/** What the emulated clouds plug into the server. */
export interface EmulatorRoutes {
	/** Control calls are neither recorded nor faulted. */
	isControl(req: EmulatorRequest): boolean;
	control(req: EmulatorRequest): Promise<EmulatorResponse>;
	handle(req: EmulatorRequest): Promise<EmulatorResponse>;
	/** The error format of the cloud a request is meant for, for injected faults. */
	errorFormat(req: EmulatorRequest): CloudErrorFormat;
}

export interface HttpServerDeps {
	clock: EmulatorClock;
	faults: FaultInjector;
	requestLog: RequestLog;
}

/** A handler bug becomes a 500 the test can see, rather than a hung request. */
async function safely(handle: () => Promise<EmulatorResponse>): Promise<EmulatorResponse> {
	try {
		return await handle();
	} catch (error) {
		const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
		return textResponse(500, `Emulator failure: ${detail}`);
	}
}

function write(response: ServerResponse, result: EmulatorResponse): void {
	if (response.destroyed) return;
	response.writeHead(result.status, result.headers);
	response.end(result.body);
}

/**
 * The emulator's HTTP plumbing on 127.0.0.1: turns each message into an `EmulatorRequest`,
 * applies injected faults, records the exchange and writes the answer.
 */
export class EmulatorHttpServer {
	url = '';
	port = 0;
	private readonly server = createServer((message, response) => {
		// Only an aborted upload can fail here; the socket is gone either way.
		this.serve(message, response).catch(() => message.socket.destroy());
	});

	constructor(
		private readonly routes: EmulatorRoutes,
		private readonly deps: HttpServerDeps,
	) {}

	async listen(port: number): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		const address: AddressInfo | string | null = this.server.address();
		this.port = typeof address === 'object' && address !== null ? address.port : port;
		this.url = `http://127.0.0.1:${this.port}`;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve, reject) =>
			this.server.close((error) => (error ? reject(error) : resolve())),
		);
	}

	private async serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
		const rawUrl = message.url ?? '/';
		const req: EmulatorRequest = {
			method: message.method ?? 'GET',
			rawUrl,
			url: new URL(rawUrl, this.url),
			headers: flatHeaders(message.headers),
			body: await readBody(message),
			receivedAt: this.deps.clock.now(),
		};
		if (this.routes.isControl(req)) {
			write(response, await safely(async () => await this.routes.control(req)));
			return;
		}
		const fault = this.deps.faults.take(req);
		const result = await this.handleWithFault(req, fault);
		this.deps.requestLog.record(req, result, fault?.kind);
		if (result) write(response, result);
		else message.socket.destroy();
	}

	/** The response to send, or undefined when the connection must be reset. */
	private async handleWithFault(
		req: EmulatorRequest,
		fault: FaultSpec | undefined,
	): Promise<EmulatorResponse | undefined> {
		if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 1000);
		if (fault?.kind === 'serverError')
			return serverErrorResponse(req, fault, this.routes.errorFormat(req));
		if (fault?.kind === 'errorBody200')
			return errorBody200Response(req, fault, this.routes.errorFormat(req));
		if (fault?.kind === 'body200') return body200Response(fault);
		if (fault?.kind === 'echoRequest')
			return echoRequestResponse(req, fault, this.routes.errorFormat(req));
		if (fault?.kind === 'reset' && fault.phase !== 'after') return undefined;
		const response = await safely(async () => await this.routes.handle(req));
		if (fault?.kind === 'reset') return undefined;
		if (fault?.kind === 'malformed') return truncated(response);
		return response;
	}
}
