/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/** Start and stop of the small node:http servers tests stand up on 127.0.0.1. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free 127.0.0.1 port; resolves to `http://127.0.0.1:<port>`. */
export async function listenOnLoopback(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops open (keep-alive) connections, then stops listening; a close error is ignored. */
export async function stopServer(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}
