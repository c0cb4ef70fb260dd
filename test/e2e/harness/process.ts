/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
/** Spawning child processes with a time limit, output capture and process-group cleanup. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface CommandResult {
	command: string;
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
	/** Copy the child's stderr to ours as it arrives (long installs). */
	echoStderr?: boolean;
}

/** Sends `signal` to a process group; a group that is already gone is fine. */
function signalPgid(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch (error) {
		// ESRCH: the group is already gone.
		if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
	}
}

/** Sends `signal` to the child's whole process group (children are spawned detached, as group leaders). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	signalPgid(child.pid, signal);
}

/** Detached children still running; killed if the test process exits without stopping them. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Registers a detached child so that it cannot outlive the test process. */
export function trackChild(child: ChildProcess): void {
	const pid = child.pid;
	if (pid === undefined) return;
	liveGroups.add(pid);
	child.once('exit', () => {
		// The leader is gone; anything left in its group (task runner) goes too.
		signalPgid(pid, 'SIGKILL');
		liveGroups.delete(pid);
	});
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.once('exit', () => {
			for (const pgid of liveGroups) signalPgid(pgid, 'SIGKILL');
		});
	}
}

/** Waits for `child` to exit; SIGTERM to its group, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	signalGroup(child, 'SIGTERM');
	const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
	try {
		await exited;
	} finally {
		clearTimeout(timer);
	}
}

export async function runCommand(
	file: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<CommandResult> {
	const started = Date.now();
	const timeoutMs = options.timeoutMs ?? 180_000;
	const child = spawn(file, args, {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	trackChild(child);
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => {
		stderr.push(chunk);
		if (options.echoStderr) process.stderr.write(chunk);
	});
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopChild(child, 5_000);
	}, timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
		(resolve, reject) => {
			child.once('error', reject);
			child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
		},
	).finally(() => clearTimeout(timer));
	return {
		command: [file, ...args].join(' '),
		code,
		signal,
		stdout: Buffer.concat(stdout).toString('utf8'),
		stderr: Buffer.concat(stderr).toString('utf8'),
		durationMs: Date.now() - started,
		timedOut,
	};
}

export function describeFailure(result: CommandResult, tailChars = 4_000): string {
	const status = result.timedOut ? 'timed out' : `exited with ${result.code ?? result.signal}`;
	return [
		`\`${result.command}\` ${status} after ${result.durationMs} ms`,
		`--- stdout (tail) ---\n${result.stdout.slice(-tailChars)}`,
		`--- stderr (tail) ---\n${result.stderr.slice(-tailChars)}`,
	].join('\n');
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
	return await new Promise<number>((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			if (address === null || typeof address === 'string') {
				server.close();
				reject(new Error('could not read the bound port'));
				return;
			}
			server.close(() => resolve(address.port));
		});
	});
}
