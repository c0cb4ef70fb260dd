/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import { listenOnLoopback } from '../../support/loopbackServer';
import { closeServer, lowerCaseHeaders, readBody } from './testServer';

export interface ReceivedCallback {
	headers: Record<string, string>;
	body: string;
}

/**
 * A webhook endpoint for MFS delivery tests: records every POST and answers the n-th one with
 * `statuses[n]` after `delaysMs[n]` (the last entry repeats; no delay when absent).
 */
export interface CallbackReceiver {
	url: string;
	received: ReceivedCallback[];
	close(): Promise<void>;
}

export async function startCallbackReceiver(
	statuses: number[] = [200],
	delaysMs: number[] = [],
): Promise<CallbackReceiver> {
	const received: ReceivedCallback[] = [];
	const nth = (list: number[], n: number) => list[Math.min(n, list.length - 1)];
	const server = createServer((message, response) => {
		void (async () => {
			const body = await readBody(message);
			const n = received.length;
			received.push({ headers: lowerCaseHeaders(message), body: body.toString('utf8') });
			await delay(nth(delaysMs, n) ?? 0);
			if (!response.destroyed) response.writeHead(nth(statuses, n)).end();
		})();
	});
	const url = `${await listenOnLoopback(server)}/webhook`;
	return { url, received, close: async () => await closeServer(server) };
}
