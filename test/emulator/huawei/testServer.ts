/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type IncomingMessage, type Server } from 'node:http';

import { listenOnLoopback } from '../../support/loopbackServer';
import type { EmulatorRequest } from '../http';
import { createHuaweiEmulator, type HuaweiEmulator } from './index';

/** The Huawei emulator alone behind node:http, with a clock the test can skew. */
export interface HuaweiTestServer {
	emulator: HuaweiEmulator;
	baseUrl: string;
	/** Moves the emulator clock relative to real time. */
	setSkew(ms: number): void;
	/** Stops the emulator clock at its current reading (skew still applies); false lets it run. */
	freeze(frozen: boolean): void;
	close(): Promise<void>;
}

export async function readBody(message: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks);
}

export function lowerCaseHeaders(message: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export async function closeServer(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>((resolve, reject) =>
		server.close((error) => (error ? reject(error) : resolve())),
	);
}

export async function startHuaweiTestServer(): Promise<HuaweiTestServer> {
	let skew = 0;
	let frozenAt: number | undefined;
	let baseUrl = '';
	const now = () => (frozenAt ?? Date.now()) + skew;
	const emulator = createHuaweiEmulator({ now, baseUrl: () => baseUrl });
	const server = createServer((message, response) => {
		void (async () => {
			const rawUrl = message.url ?? '/';
			const req: EmulatorRequest = {
				method: message.method ?? 'GET',
				rawUrl,
				url: new URL(rawUrl, baseUrl),
				headers: lowerCaseHeaders(message),
				body: await readBody(message),
				receivedAt: now(),
			};
			const result = (await emulator.handle(req)) ?? { status: 404, body: 'not a Huawei path' };
			response.writeHead(result.status, result.headers);
			response.end(result.body);
		})();
	});
	baseUrl = await listenOnLoopback(server);
	return {
		emulator,
		baseUrl,
		setSkew: (ms) => {
			skew = ms;
		},
		freeze: (frozen) => {
			frozenAt = frozen ? Date.now() : undefined;
		},
		close: async () => {
			emulator.reset();
			await emulator.idle();
			await closeServer(server);
		},
	};
}
