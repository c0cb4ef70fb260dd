/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';

import { listenOnLoopback, stopServer } from './loopbackServer';

export interface ImageServer {
	url: string;
	/** Paths requested, in order. */
	requests: string[];
	close(): Promise<void>;
}

/**
 * Serves fake JPEGs: /img/<name>.jpg answers `size` bytes (from the query, default 100) with
 * image/jpeg, any other path answers 404.
 */
export async function startImageServer(): Promise<ImageServer> {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		requests.push(url.pathname);
		if (!url.pathname.startsWith('/img/')) {
			response.statusCode = 404;
			response.end('not found');
			return;
		}
		const size = Number(url.searchParams.get('size') ?? '100');
		response.setHeader('content-type', 'image/jpeg');
		response.end(Buffer.alloc(size, 0xff));
	});
	const url = await listenOnLoopback(server);
	return { url, requests, close: async () => await stopServer(server) };
}
