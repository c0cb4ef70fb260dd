/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test helper: a local HTTP receiver */
import { createServer } from 'node:http';

import { flatHeaders, readBody } from './httpMessage';
import { listenOnLoopback, stopServer } from './loopbackServer';

export interface ReceivedCallback {
	/** Path and query as received. */
	path: string;
	/** Header names lower-cased; repeated headers joined with ", ". */
	headers: Record<string, string>;
	body: string;
	/** Date.now() when it arrived. */
	at: number;
}

/** A local webhook endpoint that records what it receives and answers with scripted statuses. */
export interface CallbackReceiver {
	/** `http://127.0.0.1:<port>`; any path is accepted. */
	url: string;
	received: ReceivedCallback[];
	/** Statuses for the next requests in order; 200 once they run out. */
	respondWith(statuses: number[]): void;
	/** The n-th answer waits `delaysMs[n]`; the last entry repeats (no delay by default). */
	respondAfter(...delaysMs: number[]): void;
	close(): Promise<void>;
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
	const received: ReceivedCallback[] = [];
	let statuses: number[] = [];
	let delaysMs: number[] = [];
	const delayOf = (n: number) => delaysMs[Math.min(n, delaysMs.length - 1)] ?? 0;
	const server = createServer((message, response) => {
		void readBody(message).then((body) => {
			const n = received.length;
			received.push({
				path: message.url ?? '/',
				headers: flatHeaders(message.headers),
				body: body.toString('utf8'),
				at: Date.now(),
			});
			const status = statuses.shift() ?? 200;
			setTimeout(() => {
				if (response.destroyed) return;
				response.writeHead(status);
				response.end();
			}, delayOf(n));
		});
	});
	const url = await listenOnLoopback(server);
	return {
		url,
		received,
		respondWith: (next) => {
			statuses = [...next];
		},
		respondAfter: (...next) => {
			delaysMs = [...next];
		},
		close: async () => await stopServer(server),
	};
}
