/* eslint-disable @n8n/community-nodes/no-restricted-imports -- emulator test code: node:http server */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { createMnsHandler } from './aliyun/mns/mnsHandler';
import { createRpcGateway } from './aliyun/rpcGateway';
import { EmulatorControl } from './control';
import { CONTROL_PREFIX, createControlApi } from './controlApi';
import { errorBody200Response, serverErrorResponse, truncated } from './core/faultResponses';
import type { FaultSpec } from './core/faults';
import { MEDIA_PATH_PREFIX } from './core/media';
import type { EmulatorRequest, EmulatorResponse } from './http';
import type { HuaweiEmulator } from './huawei';
import { MEDIA_PATH_PREFIX as HUAWEI_MEDIA_PATH_PREFIX } from './huawei/snapshotTasks';
import { createEmulatorState, type EmulatorState } from './state';

export interface EmulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Duration of asynchronous snapshot jobs (default 300 ms). */
	jobDurationMs?: number;
	/** Per-action QPS overrides, keys `<product>:<Action>` (`vod:SubmitSnapshotJob`). */
	qpsLimits?: Partial<Record<string, number>>;
	/** Initial skew of the emulator clock against real time. */
	clockSkewMs?: number;
}

export interface Emulator extends EmulatorControl {
	/** `http://127.0.0.1:<port>`: the endpoint of every emulated cloud. */
	readonly url: string;
	readonly port: number;
	/** The Huawei side's own controls (assets, tasks, MFS callbacks). */
	readonly huawei: HuaweiEmulator;
	close(): Promise<void>;
}

async function readBody(message: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks);
}

function lowerCaseHeaders(message: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

function notFound(req: EmulatorRequest): EmulatorResponse {
	return {
		status: 404,
		headers: { 'content-type': 'text/plain' },
		body: `No emulated API at ${req.url.pathname}`,
	};
}

class EmulatorServer extends EmulatorControl implements Emulator {
	url = '';
	port = 0;
	readonly huawei: HuaweiEmulator;
	private readonly server = createServer((message, response) => {
		// Only an aborted upload can fail here; the socket is gone either way.
		this.serve(message, response).catch(() => message.socket.destroy());
	});
	private readonly rpc: (req: EmulatorRequest) => Promise<EmulatorResponse>;
	private readonly mns: (req: EmulatorRequest) => Promise<EmulatorResponse>;
	private readonly controlApi: (req: EmulatorRequest) => Promise<EmulatorResponse>;

	constructor(state: EmulatorState, options: EmulatorOptions) {
		super(state, options);
		this.huawei = state.huawei;
		this.rpc = createRpcGateway({
			products: [state.vod.product, state.mps.product],
			nonces: state.nonces,
			limiter: state.limiter,
			now: () => state.clock.now(),
		});
		this.mns = createMnsHandler({
			queues: state.mns,
			clock: state.clock,
			shutdown: state.shutdown.signal,
		});
		this.controlApi = createControlApi(this, state.huawei, () => this.url);
	}

	async listen(port: number): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		const address: AddressInfo | string | null = this.server.address();
		this.port = typeof address === 'object' && address !== null ? address.port : port;
		this.url = `http://127.0.0.1:${this.port}`;
	}

	async close(): Promise<void> {
		this.state.shutdown.abort();
		this.state.timers.clear();
		this.state.huawei.reset();
		await this.state.huawei.idle();
		this.server.closeAllConnections();
		await new Promise<void>((resolve, reject) =>
			this.server.close((error) => (error ? reject(error) : resolve())),
		);
	}

	private async route(req: EmulatorRequest): Promise<EmulatorResponse> {
		const path = req.url.pathname;
		if (path === '/') return await this.rpc(req);
		if (path.startsWith('/queues/')) return await this.mns(req);
		if (path.startsWith(MEDIA_PATH_PREFIX)) return this.state.media.serve(req);
		return (await this.huawei.handle(req)) ?? notFound(req);
	}

	/** Control calls are neither recorded nor faulted; snapshot downloads (ours and Huawei's) are. */
	private isControl(req: EmulatorRequest): boolean {
		const path = req.url.pathname;
		return (
			path.startsWith(CONTROL_PREFIX) &&
			!path.startsWith(MEDIA_PATH_PREFIX) &&
			!path.startsWith(HUAWEI_MEDIA_PATH_PREFIX)
		);
	}

	private async serve(message: IncomingMessage, response: ServerResponse): Promise<void> {
		const rawUrl = message.url ?? '/';
		const req: EmulatorRequest = {
			method: message.method ?? 'GET',
			rawUrl,
			url: new URL(rawUrl, this.url),
			headers: lowerCaseHeaders(message),
			body: await readBody(message),
			receivedAt: this.state.clock.now(),
		};
		if (this.isControl(req)) {
			this.write(response, await this.safely(async () => await this.controlApi(req)));
			return;
		}
		const fault = this.state.faults.take(req);
		const result = await this.handleWithFault(req, fault);
		this.state.requestLog.record(req, result, fault?.kind);
		if (result) this.write(response, result);
		else message.socket.destroy();
	}

	/** The response to send, or undefined when the connection must be reset. */
	private async handleWithFault(
		req: EmulatorRequest,
		fault: FaultSpec | undefined,
	): Promise<EmulatorResponse | undefined> {
		if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 1000);
		if (fault?.kind === 'serverError') return serverErrorResponse(req, fault);
		if (fault?.kind === 'errorBody200') return errorBody200Response(req, fault);
		if (fault?.kind === 'reset' && fault.phase !== 'after') return undefined;
		const response = await this.safely(async () => await this.route(req));
		if (fault?.kind === 'reset') return undefined;
		if (fault?.kind === 'malformed') return truncated(response);
		return response;
	}

	/** A handler bug becomes a 500 the test can see, rather than a hung request. */
	private async safely(handle: () => Promise<EmulatorResponse>): Promise<EmulatorResponse> {
		try {
			return await handle();
		} catch (error) {
			const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
			return {
				status: 500,
				headers: { 'content-type': 'text/plain' },
				body: `Emulator failure: ${detail}`,
			};
		}
	}

	private write(response: ServerResponse, result: EmulatorResponse): void {
		if (response.destroyed) return;
		response.writeHead(result.status, result.headers);
		response.end(result.body);
	}
}

/** Starts every emulated cloud behind one HTTP server on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	let url = '';
	const state = createEmulatorState(() => url, options);
	const emulator = new EmulatorServer(state, options);
	await emulator.listen(options.port ?? 0);
	url = emulator.url;
	return emulator;
}
