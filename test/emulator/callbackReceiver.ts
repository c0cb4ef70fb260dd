/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test helper: a local HTTP receiver */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';

import { listenOnLoopback, stopServer } from '../support/loopbackServer';

export interface ReceivedCallback {
	path: string;
	headers: Record<string, string>;
	body: string;
	at: number;
}

/** A local endpoint that records what it receives and answers with scripted statuses. */
export interface CallbackReceiver {
	url: string;
	received: ReceivedCallback[];
	/** Statuses for the next requests in order; 200 once they run out. */
	respondWith(statuses: number[]): void;
	/** Holds every answer this long (0 by default). */
	respondAfter(ms: number): void;
	close(): Promise<void>;
}

async function bodyOf(message: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of message)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks).toString('utf8');
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
	const received: ReceivedCallback[] = [];
	let statuses: number[] = [];
	let answerDelayMs = 0;
	const server = createServer((message, response) => {
		void bodyOf(message).then((body) => {
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(message.headers)) {
				if (typeof value === 'string') headers[name] = value;
			}
			received.push({ path: message.url ?? '/', headers, body, at: Date.now() });
			const status = statuses.shift() ?? 200;
			setTimeout(() => {
				if (response.destroyed) return;
				response.writeHead(status);
				response.end();
			}, answerDelayMs);
		});
	});
	const url = await listenOnLoopback(server);
	return {
		url,
		received,
		respondWith: (next) => {
			statuses = [...next];
		},
		respondAfter: (ms) => {
			answerDelayMs = ms;
		},
		close: async () => await stopServer(server),
	};
}

/** The documented VOD callback signature: md5(CallbackURL|timestamp|AuthKey), lower-case hex. */
export function documentedVodSignature(
	callbackUrl: string,
	timestamp: string,
	authKey: string,
): string {
	return createHash('md5').update(`${callbackUrl}|${timestamp}|${authKey}`, 'utf8').digest('hex');
}
