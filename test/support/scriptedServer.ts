/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

import { readBody } from './httpMessage';
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

/** Answers a request the script holds nothing for. */
export type Responder = (request: RecordedRequest) => ScriptedResponse;

export interface ScriptedServer {
	url: string;
	requests: RecordedRequest[];
	/** Responses served in order; once used up, every request gets `fallback`'s answer. */
	enqueue: (...responses: ScriptedResponse[]) => void;
	reset: () => void;
	close: () => Promise<void>;
}

function contentTypeOf(body: ScriptedResponse['body']): string {
	if (typeof body === 'string') return body.trimStart().startsWith('<') ? 'text/xml' : 'text/plain';
	return 'application/json';
}

/**
 * A 127.0.0.1 HTTP server that answers from a script and records what it received. `fallback` is a
 * fixed answer, or a function of the request for a stand-in that answers like a service.
 */
export async function startScriptedServer(
	fallback: ScriptedResponse | Responder = { status: 200, body: { RequestId: 'fallback' } },
): Promise<ScriptedServer> {
	const respond: Responder = typeof fallback === 'function' ? fallback : () => fallback;
	const requests: RecordedRequest[] = [];
	const queue: ScriptedResponse[] = [];
	const server = createServer((request, response) => {
		void readBody(request).then((received) => {
			const url = request.url ?? '/';
			const recorded: RecordedRequest = {
				method: request.method ?? 'GET',
				url,
				query: new URL(url, 'http://127.0.0.1').searchParams,
				headers: request.headers,
				body: received.toString('utf8'),
				at: Date.now(),
			};
			requests.push(recorded);
			const scripted = queue.shift() ?? respond(recorded);
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
