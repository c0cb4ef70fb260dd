/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
/**
 * PostgreSQL and Redis for the queue-mode tests, as this test's own processes on free loopback ports:
 * Debian's binaries (scripts/queue-setup.sh installs them when missing), a throw-away data folder, no
 * persistence. postgres refuses to run as root, so under root it runs as the `postgres` user (created
 * by Debian's package), else as `nobody`.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

import {
	describeFailure,
	freePort,
	REPO_ROOT,
	runCommand,
	signalGroup,
	stopChild,
	trackChild,
} from '../harness';

const MAX_LOG_CHARS = 200_000;
const SERVICE_ENV = { PATH: '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
/** initdb's superuser; n8n connects as it, without a password (trust on loopback only). */
export const POSTGRES_USER = 'n8n';
export const POSTGRES_DATABASE = 'postgres';

interface QueueBinaries {
	redisServer: string;
	postgresBinDir: string;
}

function isQueueBinaries(value: unknown): value is QueueBinaries {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return typeof record.redisServer === 'string' && typeof record.postgresBinDir === 'string';
}

let binaries: Promise<QueueBinaries> | undefined;

/** Runs scripts/queue-setup.sh once per test process (apt-get only when something is missing). */
export async function ensureQueueBinaries(): Promise<QueueBinaries> {
	binaries ??= (async () => {
		const result = await runCommand('bash', [path.join(REPO_ROOT, 'scripts', 'queue-setup.sh')], {
			cwd: REPO_ROOT,
			env: process.env,
			timeoutMs: 10 * 60_000,
			echoStderr: true,
		});
		if (result.code !== 0) throw new Error(`queue setup failed\n${describeFailure(result)}`);
		const parsed: unknown = JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
		if (!isQueueBinaries(parsed))
			throw new Error(`unexpected queue-setup output: ${result.stdout}`);
		return parsed;
	})();
	return await binaries;
}

interface Account {
	uid: number;
	gid: number;
}

/** The unprivileged account postgres runs as when we are root; undefined when we are not root. */
function postgresAccount(): Account | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const entries = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.map((line) => line.split(':'));
	for (const name of ['postgres', 'nobody']) {
		const entry = entries.find((fields) => fields[0] === name);
		if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
	}
	throw new Error('running as root, but there is neither a postgres nor a nobody user');
}

/** A long-running service process in its own process group, with its output kept for failure reports. */
class ServiceProcess {
	private output = '';
	private exitInfo: string | undefined;

	constructor(
		readonly name: string,
		private readonly child: ChildProcessByStdio<null, Readable, Readable>,
	) {
		const append = (chunk: Buffer): void => {
			this.output = (this.output + chunk.toString('utf8')).slice(-MAX_LOG_CHARS);
		};
		child.stdout.on('data', append);
		child.stderr.on('data', append);
		child.once('exit', (code, signal) => {
			this.exitInfo = `exited with ${code ?? signal}`;
		});
	}

	/** Polls `ready` until it is true; fails early, with the output, if the process exits. */
	async waitUntil(ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exitInfo) throw new Error(`${this.name} ${this.exitInfo}\n${this.output}`);
			if (await ready()) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`${this.name} was not ready after ${timeoutMs} ms\n${this.output}`);
	}

	/** `signal` first (postgres: SIGINT is its fast shutdown), SIGKILL after `graceMs`. */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		if (signal !== 'SIGTERM') signalGroup(this.child, signal);
		await stopChild(this.child, graceMs);
	}
}

function spawnAs(
	file: string,
	args: string[],
	account?: Account,
): ChildProcessByStdio<null, Readable, Readable> {
	const child = spawn(file, args, {
		env: SERVICE_ENV,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
		...(account ? { uid: account.uid, gid: account.gid } : {}),
	});
	trackChild(child);
	return child;
}

function spawnService(
	name: string,
	file: string,
	args: string[],
	account?: Account,
): ServiceProcess {
	return new ServiceProcess(name, spawnAs(file, args, account));
}

/** Runs a short command (as `account` when given) to its end; its exit code and output. */
async function runToExit(
	file: string,
	args: string[],
	account?: Account,
): Promise<{ code: number | null; output: string }> {
	const child = spawnAs(file, args, account);
	const chunks: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	});
	return { code, output: Buffer.concat(chunks).toString('utf8') };
}

/** Answers whether a TCP server on 127.0.0.1:`port` replies to `request` with text matching `reply`. */
async function answers(port: number, request: Buffer, reply: RegExp): Promise<boolean> {
	return await new Promise<boolean>((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let received = '';
		const done = (result: boolean): void => {
			socket.destroy();
			resolve(result);
		};
		socket.setTimeout(1_000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write(request));
		socket.on('data', (chunk: Buffer) => {
			received += chunk.toString('latin1');
			if (reply.test(received)) done(true);
		});
	});
}

/** A started service: where it listens and how to stop it (and delete its data folder). */
export interface RunningService {
	port: number;
	stop(): Promise<void>;
}

/** PostgreSQL: initdb into a temp folder (trust auth, superuser `n8n`), then `postgres` on a free port. */
export async function startPostgres(): Promise<RunningService> {
	const { postgresBinDir } = await ensureQueueBinaries();
	const account = postgresAccount();
	const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-queue-pg-'));
	if (account) await chown(dataDir, account.uid, account.gid);
	const removeData = async (): Promise<void> => await rm(dataDir, { recursive: true, force: true });
	const init = await runToExit(
		path.join(postgresBinDir, 'initdb'),
		['-D', dataDir, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		account,
	);
	if (init.code !== 0) {
		await removeData();
		throw new Error(`initdb exited with ${init.code}\n${init.output}`);
	}
	const port = await freePort();
	const server = spawnService(
		'postgres',
		path.join(postgresBinDir, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${dataDir}`,
			// A throw-away database: no durability needed, and 2 cores to spare.
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		],
		account,
	);
	const stop = async (): Promise<void> => {
		await server.stop('SIGINT');
		await removeData();
	};
	try {
		// An SSLRequest packet: a running postgres answers with one byte, 'N' (no SSL here).
		const sslRequest = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]);
		await server.waitUntil(async () => await answers(port, sslRequest, /N/), 60_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}

/** redis-server on a free port of 127.0.0.1: no RDB snapshots, no AOF, its folder a temp one. */
export async function startRedis(): Promise<RunningService> {
	const { redisServer } = await ensureQueueBinaries();
	const dir = await mkdtemp(path.join(tmpdir(), 'e2e-queue-redis-'));
	const port = await freePort();
	const server = spawnService('redis-server', redisServer, [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
	]);
	const stop = async (): Promise<void> => {
		await server.stop();
		await rm(dir, { recursive: true, force: true });
	};
	try {
		await server.waitUntil(
			async () => await answers(port, Buffer.from('PING\r\n'), /\+PONG/),
			30_000,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}
