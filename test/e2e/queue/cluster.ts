/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error */
/**
 * n8n 2.41.1 in queue mode, as a user runs it: `n8n start` (main), one `n8n worker` and two
 * `n8n webhook` processes, one N8N_ENCRYPTION_KEY, one PostgreSQL database, one Redis, binary data in
 * the database, and one N8N_WEBHOOK_URL for all: the URL of a load balancer (WebhookFront) in front
 * of the two webhook processes. Main serves the editor and REST API only (production webhooks off).
 */
import { ensureN8nInstalled, freePort, N8nInstance, type RunningN8n } from '../harness';
import { WebhookFront } from './front';
import {
	POSTGRES_DATABASE,
	POSTGRES_USER,
	startPostgres,
	startRedis,
	type RunningService,
} from './services';

/** How long a killed worker's job stays locked, and how often a worker looks for such jobs. */
const QUEUE_LOCK_DURATION_MS = 10_000;
const QUEUE_LOCK_RENEW_MS = 2_000;
const QUEUE_STALLED_INTERVAL_MS = 5_000;
const WEBHOOK_PROCESSES = 2;
const DB_POOL_SIZE = 10;
/** Four n8n processes start together on 2 cores (shared with other work): allow them time. */
const READINESS_TIMEOUT_MS = 300_000;

export interface QueueClusterOptions {
	/** Extra variables for every n8n process. */
	env?: Record<string, string>;
	/** Imports and publications, run with the CLI before any server starts. */
	prepare(n8n: N8nInstance): Promise<void>;
}

/** `n8n worker`, with its health check on a free port (readiness is polled there). */
async function startWorker(n8n: N8nInstance): Promise<RunningN8n> {
	return await n8n.start({
		command: 'worker',
		readinessTimeoutMs: READINESS_TIMEOUT_MS,
		env: {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		},
	});
}

export class QueueCluster {
	/** How long each step of start() took, in ms: services, prepare (the CLI runs), processes. */
	timings: Record<string, number> = {};

	private constructor(
		readonly n8n: N8nInstance,
		readonly main: RunningN8n,
		readonly webhooks: RunningN8n[],
		readonly front: WebhookFront,
		private readonly services: RunningService[],
		private currentWorker: RunningN8n | undefined,
	) {}

	/** The worker now running. */
	get worker(): RunningN8n {
		if (!this.currentWorker) throw new Error('no worker is running');
		return this.currentWorker;
	}

	/**
	 * Starts PostgreSQL, Redis and the front, runs `prepare`, then main, then the worker and the webhook
	 * processes. Whatever started is stopped again if a later step fails.
	 */
	static async start(options: QueueClusterOptions): Promise<QueueCluster> {
		const startedAt = Date.now();
		const started: Array<{ stop(): Promise<void> }> = [];
		let n8n: N8nInstance | undefined;
		try {
			const webhookPorts = await Promise.all(
				Array.from({ length: WEBHOOK_PROCESSES }, async () => await freePort()),
			);
			const keep = <T extends { stop(): Promise<void> }>(service: T): T => {
				started.push(service);
				return service;
			};
			const starting = [
				startPostgres().then(keep),
				startRedis().then(keep),
				WebhookFront.start(webhookPorts.map((port) => `http://127.0.0.1:${port}/`)).then(keep),
				ensureN8nInstalled(),
			] as const;
			// Every service that starts is kept (and stopped below) even when another one failed.
			await Promise.allSettled(starting);
			const [postgres, redis, front] = await Promise.all(starting);
			n8n = await N8nInstance.create({
				label: 'queue',
				env: {
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: '127.0.0.1',
					DB_POSTGRESDB_PORT: String(postgres.port),
					DB_POSTGRESDB_USER: POSTGRES_USER,
					DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
					// n8n's default pool of 2 connections per process: a burst of 50 callbacks then waited over
					// DB_POSTGRESDB_CONNECTION_TIMEOUT (20 s) for a connection in the webhook processes, which
					// answered 500 "Workflow could not be started!" (the trigger saves its static data per
					// delivery). A deployment that takes bursts needs a bigger pool; so does this test.
					DB_POSTGRESDB_POOL_SIZE: String(DB_POOL_SIZE),
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: '127.0.0.1',
					QUEUE_BULL_REDIS_PORT: String(redis.port),
					QUEUE_WORKER_LOCK_DURATION: String(QUEUE_LOCK_DURATION_MS),
					QUEUE_WORKER_LOCK_RENEW_TIME: String(QUEUE_LOCK_RENEW_MS),
					QUEUE_WORKER_STALLED_INTERVAL: String(QUEUE_STALLED_INTERVAL_MS),
					N8N_DEFAULT_BINARY_DATA_MODE: 'database',
					N8N_WEBHOOK_URL: front.url,
					N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
					...options.env,
				},
			});
			const timings: Record<string, number> = { services: Date.now() - startedAt };
			await options.prepare(n8n);
			timings.prepare = Date.now() - startedAt - timings.services;
			// The CLI runs of `prepare` migrated the database: the processes can start together.
			const instance = n8n;
			const [main, webhooks, worker] = await Promise.all([
				instance.start({ readinessTimeoutMs: READINESS_TIMEOUT_MS }),
				Promise.all(
					webhookPorts.map(
						async (port) =>
							await instance.start({
								command: 'webhook',
								env: { N8N_PORT: String(port) },
								readinessTimeoutMs: READINESS_TIMEOUT_MS,
							}),
					),
				),
				startWorker(instance),
			]);
			const cluster = new QueueCluster(n8n, main, webhooks, front, [postgres, redis], worker);
			await main.ensureOwnerSession();
			timings.processes = Date.now() - startedAt - timings.services - timings.prepare;
			cluster.timings = timings;
			return cluster;
		} catch (error) {
			await n8n?.dispose();
			for (const service of started.reverse()) await service.stop();
			throw error;
		}
	}

	/** Starts a worker after a kill; resolves once its health check is ready. */
	async startWorker(): Promise<RunningN8n> {
		this.currentWorker = await startWorker(this.n8n);
		return this.currentWorker;
	}

	/** SIGKILL to the worker's process group (its task runner too), as a crash or an OOM kill would. */
	async killWorker(): Promise<void> {
		const worker = this.worker;
		if (worker.pid !== undefined) process.kill(-worker.pid, 'SIGKILL');
		await worker.stop();
		this.currentWorker = undefined;
	}

	/** Stops every n8n process, then the front, Redis and PostgreSQL. */
	async dispose(): Promise<void> {
		await this.n8n.dispose();
		await this.front.stop();
		for (const service of this.services) await service.stop();
	}
}
