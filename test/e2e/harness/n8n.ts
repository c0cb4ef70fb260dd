/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-hardcoded-secrets */
/**
 * One real n8n installation in a fresh N8N_USER_FOLDER, with this package linked in the way users install
 * community packages. CLI commands (import, execute, execute-batch, publish) run as separate processes;
 * `start()` runs the server. Each process gets its own task-broker port.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { CredentialJson, WorkflowJson } from './builders';
import { ensureN8nInstalled, ensurePackageBuilt, type N8nInstallation } from './install';
import { PACKAGE_NAME, REPO_ROOT } from './paths';
import { readStoredRuns } from './db';
import { describeFailure, freePort, runCommand, trackChild, type CommandResult } from './process';
import { extractRun, isCliRun, logMessages, type CliRun } from './run';
import { RunningN8n } from './server';

export const E2E_ENCRYPTION_KEY = 'n8n-nodes-video-snapshots-e2e-key';

/** Environment variables from the parent that the n8n processes keep; all others are dropped. */
const INHERITED_ENV = ['HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ', 'USER'];

export interface N8nInstanceOptions {
	/** Prefix of the temp user folder, for telling runs apart. */
	label?: string;
	/** Extra variables for every n8n process (e.g. N8N_LOG_LEVEL must stay `info`). */
	env?: Record<string, string>;
	/** Folder pinning the n8n to run (see scripts/e2e-setup.sh); default test/e2e/n8n. */
	n8nFolder?: string;
}

export interface ExecuteResult {
	/** The IRun; present whenever n8n ran the workflow, also when it failed. */
	run: CliRun;
	exitCode: number | null;
	/** The signal that ended the process when it did not exit by itself (exitCode null). */
	signal: NodeJS.Signals | null;
	/** The tail of its stderr, to tell why when it was ended by a signal. */
	stderrTail: string;
	durationMs: number;
}

export interface BatchEntry {
	workflowId: string;
	status: 'success' | 'warning' | 'error';
	/** Full IRun: n8n's snapshot for a success, the saved execution for a failure. */
	run?: CliRun;
	/** n8n's one-line summary of the failure ("<message> on node <name>"). */
	error?: string;
}

export interface BatchResult {
	exitCode: number | null;
	durationMs: number;
	entries: Map<string, BatchEntry>;
}

interface BatchSummary {
	executions: Array<{ workflowId: string; executionStatus: string; error?: string }>;
}

function isBatchSummary(value: unknown): value is BatchSummary {
	return (
		typeof value === 'object' &&
		value !== null &&
		Array.isArray((value as { executions?: unknown }).executions)
	);
}

export class N8nInstance {
	private readonly servers = new Set<RunningN8n>();
	private disposed = false;

	private constructor(
		readonly installation: N8nInstallation,
		/** N8N_USER_FOLDER: n8n keeps `.n8n/{database.sqlite,config,nodes}` in it. */
		readonly userFolder: string,
		private readonly extraEnv: Record<string, string>,
	) {}

	/**
	 * Installs n8n if needed (scripts/e2e-setup.sh), builds the package if dist/ is incomplete, creates a
	 * temp user folder and links the package at `.n8n/nodes/node_modules/n8n-nodes-video-snapshots`.
	 */
	static async create(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const [installation] = await Promise.all([
			ensureN8nInstalled(options.n8nFolder),
			ensurePackageBuilt(),
		]);
		const userFolder = await mkdtemp(path.join(tmpdir(), `n8n-e2e-${options.label ?? 'user'}-`));
		const nodesModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
		await mkdir(nodesModules, { recursive: true });
		await symlink(REPO_ROOT, path.join(nodesModules, PACKAGE_NAME), 'dir');
		return new N8nInstance(installation, userFolder, options.env ?? {});
	}

	/** The environment of one n8n process: fresh broker port, JSON logs at info level, no telemetry. */
	async processEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
		const env: NodeJS.ProcessEnv = {};
		for (const name of INHERITED_ENV) {
			const value = process.env[name];
			if (value !== undefined) env[name] = value;
		}
		return {
			...env,
			PATH: `${path.join(this.installation.nodeDir, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_OUTPUT: 'console',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_DISABLE_UI: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			...this.extraEnv,
			...extra,
		};
	}

	/** Runs `n8n <args>` to completion (does not throw on a non-zero exit). */
	async cli(
		args: string[],
		options: { timeoutMs?: number; env?: Record<string, string> } = {},
	): Promise<CommandResult> {
		this.assertUsable();
		const env = await this.processEnv(options.env);
		return await runCommand(this.installation.nodeBin, [this.installation.n8nBin, ...args], {
			cwd: this.userFolder,
			env,
			timeoutMs: options.timeoutMs ?? 180_000,
		});
	}

	/** Runs `n8n <args>` and throws with the output if it exits non-zero. */
	async cliOk(args: string[], options: { timeoutMs?: number } = {}): Promise<CommandResult> {
		const result = await this.cli(args, options);
		if (result.code !== 0) throw new Error(describeFailure(result));
		return result;
	}

	/** `n8n import:credentials`; `data` is plain and gets encrypted on import. */
	async importCredentials(credentials: CredentialJson[]): Promise<void> {
		if (credentials.length === 0) return;
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		await writeFile(file, JSON.stringify(credentials, null, 2));
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow --separate` (imported workflows are inactive). */
	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		if (workflows.length === 0) return;
		const dir = path.join(this.userFolder, `workflows-${Date.now()}`);
		await mkdir(dir);
		for (const workflow of workflows) {
			await writeFile(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		}
		await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** `n8n execute --id`: the IRun, whether the workflow succeeded or failed. */
	async executeWorkflow(id: string, options: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		// sqlite stores createdAt with millisecond precision; allow for clock rounding.
		const startedAt = new Date(Date.now() - 1_000);
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], options);
		let run = extractRun(result.stdout);
		if (!run && result.code !== 0 && !result.timedOut) {
			// n8n 2.41.1 prints nothing when an execution fails before the CLI asks for its result
			// ("No active execution found"); the execution is saved, so read it from the database.
			run = (await readStoredRuns(this.installation, this.userFolder, [id], startedAt)).pop();
		}
		if (!run) {
			throw new Error(
				`n8n printed no execution result for workflow ${id}\n${describeFailure(result)}\n` +
					`--- log messages ---\n${logMessages(result.stdout).slice(-30).join('\n')}`,
			);
		}
		return {
			run,
			exitCode: result.code,
			signal: result.signal,
			stderrTail: result.stderr.slice(-2_000),
			durationMs: result.durationMs,
		};
	}

	/**
	 * `n8n execute-batch` in one process (saves the ~5 s start-up of a process per workflow). The IRun of a
	 * success is n8n's snapshot file; that of a failure is read from the database, next to n8n's one-line
	 * error. Executions run one after another unless `concurrency` is set.
	 */
	async executeBatch(
		ids: string[],
		options: { timeoutMs?: number; concurrency?: number } = {},
	): Promise<BatchResult> {
		const dir = await mkdtemp(path.join(this.userFolder, 'batch-'));
		const summaryFile = path.join(dir, 'summary.json');
		const args = [
			'execute-batch',
			`--ids=${ids.join(',')}`,
			`--output=${summaryFile}`,
			`--snapshot=${dir}`,
			'--retries=0',
		];
		if (options.concurrency !== undefined) args.push(`--concurrency=${options.concurrency}`);
		const startedAt = new Date(Date.now() - 1_000);
		const result = await this.cli(args, { timeoutMs: options.timeoutMs ?? 300_000 });
		if (!existsSync(summaryFile))
			throw new Error(`execute-batch wrote no summary\n${describeFailure(result)}`);
		const summary: unknown = JSON.parse(await readFile(summaryFile, 'utf8'));
		if (!isBatchSummary(summary))
			throw new Error(`unexpected execute-batch summary in ${summaryFile}`);
		const entries = new Map<string, BatchEntry>();
		for (const execution of summary.executions) {
			const status =
				execution.executionStatus === 'success' || execution.executionStatus === 'warning'
					? execution.executionStatus
					: 'error';
			const entry: BatchEntry = {
				workflowId: execution.workflowId,
				status,
				error: execution.error,
			};
			const snapshot = path.join(dir, `${execution.workflowId}-snapshot.json`);
			if (existsSync(snapshot)) {
				const parsed: unknown = JSON.parse(await readFile(snapshot, 'utf8'));
				if (isCliRun(parsed)) entry.run = parsed;
			}
			entries.set(execution.workflowId, entry);
		}
		// n8n writes no snapshot for a failed execution; the saved execution has its IRun.
		const withoutRun = [...entries.values()].filter((entry) => !entry.run);
		if (withoutRun.length > 0) {
			const stored = await readStoredRuns(
				this.installation,
				this.userFolder,
				withoutRun.map((entry) => entry.workflowId),
				startedAt,
			);
			for (const entry of withoutRun) {
				entry.run = stored.filter((run) => run.workflowId === entry.workflowId).pop();
			}
		}
		const missing = ids.filter((id) => !entries.has(id));
		if (missing.length > 0) {
			throw new Error(
				`execute-batch did not run ${missing.join(', ')}\n${describeFailure(result)}`,
			);
		}
		return { exitCode: result.code, durationMs: result.durationMs, entries };
	}

	/** `n8n publish:workflow` (activation in 2.x); only takes effect for a server started afterwards. */
	async publishWorkflow(id: string): Promise<void> {
		await this.cliOk(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n start` (or, in queue mode, `n8n worker` / `n8n webhook`) on a free port of 127.0.0.1; resolves
	 * once /healthz/readiness answers 200. A worker answers it on QUEUE_HEALTH_CHECK_PORT (set it, with
	 * QUEUE_HEALTH_CHECK_ACTIVE=true). N8N_WEBHOOK_URL defaults to the process's own port.
	 */
	async start(
		options: {
			readinessTimeoutMs?: number;
			env?: Record<string, string>;
			command?: 'start' | 'worker' | 'webhook';
		} = {},
	): Promise<RunningN8n> {
		this.assertUsable();
		const command = options.command ?? 'start';
		const env = await this.processEnv(options.env);
		const port = Number(command === 'worker' ? env.QUEUE_HEALTH_CHECK_PORT : env.N8N_PORT);
		env.N8N_WEBHOOK_URL ??= `http://127.0.0.1:${port}/`;
		const child = spawn(this.installation.nodeBin, [this.installation.n8nBin, command], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		trackChild(child);
		const server = new RunningN8n(child, port, () => this.servers.delete(server));
		this.servers.add(server);
		try {
			await server.waitUntilReady(options.readinessTimeoutMs ?? 90_000);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** Stops every server this instance started and deletes the user folder (kept if N8N_E2E_KEEP=1). */
	async dispose(): Promise<void> {
		if (this.disposed) return;
		this.disposed = true;
		await Promise.all([...this.servers].map(async (server) => await server.stop()));
		if (process.env.N8N_E2E_KEEP === '1') {
			process.stderr.write(`[e2e] kept user folder ${this.userFolder}\n`);
			return;
		}
		await rm(this.userFolder, { recursive: true, force: true });
	}

	private assertUsable(): void {
		if (this.disposed) throw new Error('this n8n instance was disposed');
	}
}
