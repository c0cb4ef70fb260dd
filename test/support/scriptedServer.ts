/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

import { listenOnLoopback, stopServer } from './loopbackServer';

export interface ScriptedResponse {
	status: number;
	/** Objects are sent as JSON; strings as given (XML, text). */
	body?: object | string;
	headers?: Record<string, string>;
}

export interface RecordedRequest {
	method: string;
	/** Path and query exactly as received. */
	url: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: string;
	/** Date.now() when the request arrived. */
	at: number;
}

export interface ScriptedServer {
	url: string;
	requests: RecordedRequest[];
	/** Responses served in order; once used up, every request gets `fallback`. */
	enqueue: (...responses: ScriptedResponse[]) => void;
	reset: () => void;
	close: () => Promise<void>;
}

function contentTypeOf(body: ScriptedResponse['body']): string {
	if (typeof body === 'string') return body.trimStart().startsWith('<') ? 'text/xml' : 'text/plain';
	return 'application/json';
}

/** A 127.0.0.1 HTTP server that answers from a script and records what it received. */
export async function startScriptedServer(
	fallback: ScriptedResponse = { status: 200, body: { RequestId: 'fallback' } },
): Promise<ScriptedServer> {
	const requests: RecordedRequest[] = [];
	const queue: ScriptedResponse[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = request.url ?? '/';
			requests.push({
				method: request.method ?? 'GET',
				url,
				query: new URL(url, 'http://127.0.0.1').searchParams,
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now(),
			});
			const scripted = queue.shift() ?? fallback;
			response.statusCode = scripted.status;
			response.setHeader('content-type', contentTypeOf(scripted.body));
			for (const [name, value] of Object.entries(scripted.headers ?? {}))
				response.setHeader(name, value);
			const body = scripted.body;
			response.end(
				body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
			);
		});
	});
	const url = await listenOnLoopback(server);
	return {
		url,
		requests,
		enqueue: (...responses) => queue.push(...responses),
		reset: () => {
			requests.length = 0;
			queue.length = 0;
		},
		close: async () => await stopServer(server),
	};
}
