/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { identities } from './controlApi';
import { startEmulator } from './server';

const DEFAULT_PORT = 18080;

function portFromArguments(args: readonly string[]): number {
	const flag = args.indexOf('--port');
	const inline = args.find((arg) => arg.startsWith('--port='));
	const raw =
		inline?.slice('--port='.length) ??
		(flag === -1 ? undefined : args[flag + 1]) ??
		process.env.EMULATOR_PORT;
	const port = raw === undefined ? DEFAULT_PORT : Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port "${raw}"`);
	return port;
}

async function main(): Promise<void> {
	const emulator = await startEmulator({ port: portFromArguments(process.argv.slice(2)) });
	process.stdout.write(`Cloud emulator listening on ${emulator.url}\n`);
	process.stdout.write(`${JSON.stringify(identities(emulator.url), null, 2)}\n`);
	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

void main();
