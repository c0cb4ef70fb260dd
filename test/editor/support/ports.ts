/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Ports that stay the same from run to run, so that no address in a screenshot (a credential's endpoint,
 * an error naming a host) changes between runs. Nothing else on this machine is expected on them; if one
 * is taken, the run takes a free port and says so (its screenshots then show that port).
 */
import { createServer } from 'node:net';

import { freePort } from '../../e2e/harness';

export const EDITOR_PORTS = {
	/** n8n with its editor. */
	n8n: 5691,
	/** The cloud emulator behind the credentials. */
	emulator: 5692,
	/** Nothing listens here: a credential Test against it is refused (ECONNREFUSED). */
	closed: 5693,
} as const;

async function canListen(port: number): Promise<boolean> {
	return await new Promise<boolean>((resolve) => {
		const server = createServer();
		server.unref();
		server.once('error', () => resolve(false));
		// All interfaces, as n8n checks its port: a listener on any address makes it taken.
		server.listen(port, () => server.close(() => resolve(true)));
	});
}

/** `preferred` when it is free, else a free port. */
export async function fixedPortOrFree(preferred: number): Promise<number> {
	if (await canListen(preferred)) return preferred;
	const port = await freePort();
	process.stderr.write(
		`[editor] port ${preferred} is taken; using ${port} (screenshots show it)\n`,
	);
	return port;
}
