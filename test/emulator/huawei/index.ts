/* eslint-disable @n8n/community-nodes/require-node-api-error -- a bug in a route handler must surface as a 500 */
import { huaweiProjectId } from '../accounts';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import { newHexId } from '../core/ids';
import { imageResponse } from '../core/media';
import { QpsLimiter } from '../core/throttle';
import { rawQueryPairs } from './auth/akskAuth';
import { ApigAuth } from './auth/apigAuth';
import { listProjects } from './auth/iam';
import { MfsNotifier, type MfsCallbackConfig, type MfsDelivery } from './mfs/mfsNotifier';
import { apigError, jsonResponse, VodError, vodErrorResponse } from './responses';
import { HUAWEI_MEDIA_PATH_PREFIX, SnapshotTasks, type SeedAssetInput } from './vod/snapshotTasks';
import type { Asset, TaskFailure, ThumbnailTask } from './vod/types';
import { VOD_ROUTES, type VodRoute } from './vod/vodRoutes';

export { huaweiFaultFormat } from './responses';
export {
	DEFAULT_TASK_DURATION_MS,
	HUAWEI_MEDIA_PATH_PREFIX,
	SEEDED_ASSET_IDS,
} from './vod/snapshotTasks';
export type { MfsCallbackConfig, MfsDelivery } from './mfs/mfsNotifier';

/** APIG's default: requests per second per caller and API. */
export const DEFAULT_QPS = 20;

export interface HuaweiEmulatorDeps {
	/** Emulator clock, ms (tests may skew it). */
	now(): number;
	/** http://127.0.0.1:<port>, for URLs handed out (snapshot images). */
	baseUrl(): string;
}

export interface HuaweiEmulator {
	/** undefined = not a Huawei path. */
	handle(req: EmulatorRequest): Promise<EmulatorResponse | undefined>;
	/** Adds an asset (random 32-hex id unless given; 60 s long unless given). */
	seedAsset(input?: SeedAssetInput): Asset;
	/** Duration of snapshot tasks started from now on (default 300 ms). */
	setTaskDuration(ms: number): void;
	/** The next snapshot task ends FAILED with this error (default VOD.10051). */
	failNextTask(failure?: TaskFailure): void;
	/** Where thumbnailComplete events are POSTed; undefined switches delivery off. */
	configureMfsCallback(config: MfsCallbackConfig | undefined): void;
	deliveries(): MfsDelivery[];
	/** Sends a recorded delivery's event again, freshly signed (a duplicate). */
	redeliver(deliveryId: number): Promise<MfsDelivery>;
	/** Lifetime of the IAM tokens issued from now on (default 24 hours). */
	setTokenLifetime(ms: number): void;
	/** Requests per second per caller and API (default 20). */
	setQps(qps: number): void;
	tasks(): ThumbnailTask[];
	/** Resolves once every running task has finished and its callback was sent. */
	idle(): Promise<void>;
	/** Back to the seeded state: tasks, tokens, lockouts, throttling, callback and deliveries. */
	reset(): void;
}

const VOD_PATH = /^\/(v1|v1\.0)\/([^/]+)(\/.*?)\/?$/;

export function createHuaweiEmulator(deps: HuaweiEmulatorDeps): HuaweiEmulator {
	const notifier = new MfsNotifier(deps.now);
	const tasks = new SnapshotTasks(deps.now, deps.baseUrl, notifier);
	const auth = new ApigAuth(deps.now);
	const throttle = new QpsLimiter({}, DEFAULT_QPS);

	function admit(callerId: string, api: string, requestId: string): EmulatorResponse | undefined {
		if (throttle.tryAcquire(api, callerId, deps.now())) return undefined;
		// APIG states its limits per minute; the emulator enforces the same rate per second.
		const perMinute = (throttle.limitOf(api) ?? DEFAULT_QPS) * 60;
		const message = `The throttling threshold has been reached: policy user over ratelimit,limit:${perMinute},time:1 minute`;
		return apigError(429, 'APIGW.0308', message, requestId);
	}

	function apiNotFound(requestId: string): EmulatorResponse {
		return apigError(
			404,
			'APIGW.0101',
			'The API does not exist or has not been published in the environment',
			requestId,
		);
	}

	function handleIam(req: EmulatorRequest, path: string, requestId: string): EmulatorResponse {
		if (req.method === 'POST' && path === '/v3/auth/tokens') {
			const result = auth.tokens.createToken(req.body);
			return jsonResponse(result.status, result.body, requestId, result.headers);
		}
		if (req.method !== 'GET' || path !== '/v3/projects') return apiNotFound(requestId);
		const caller = auth.authenticate(req, requestId);
		if (!caller.ok) return caller.response;
		const throttled = admit(caller.id, 'KeystoneListProjects', requestId);
		if (throttled) return throttled;
		const result = listProjects(new URLSearchParams(rawQueryPairs(req.rawUrl)), deps.baseUrl());
		return jsonResponse(result.status, result.body, requestId);
	}

	function findRoute(
		req: EmulatorRequest,
		path: string,
	): { route: VodRoute; projectId: string } | undefined {
		const match = VOD_PATH.exec(path);
		if (!match) return undefined;
		const [, version, projectId, rest] = match;
		const route = VOD_ROUTES.find(
			(candidate) =>
				candidate.version === version && candidate.path === rest && candidate.method === req.method,
		);
		return route ? { route, projectId } : undefined;
	}

	function handleVod(req: EmulatorRequest, path: string, requestId: string): EmulatorResponse {
		const found = findRoute(req, path);
		if (!found) return apiNotFound(requestId);
		const caller = auth.authenticate(req, requestId);
		if (!caller.ok) return caller.response;
		const headerProject = req.headers['x-project-id'];
		if (
			found.projectId !== huaweiProjectId ||
			(headerProject !== undefined && headerProject !== found.projectId) ||
			(caller.projectId !== undefined && caller.projectId !== found.projectId) ||
			(caller.id.startsWith('token:') && caller.projectId === undefined)
		) {
			const error = new VodError(
				403,
				'VOD.10054',
				'Identity authentication failed: the project does not match.',
			);
			return vodErrorResponse(error, requestId);
		}
		const throttled = admit(caller.id, found.route.api, requestId);
		if (throttled) return throttled;
		try {
			const result = found.route.run(tasks, {
				query: new URLSearchParams(rawQueryPairs(req.rawUrl)),
				body: req.body,
			});
			if (result.status === 204) return { status: 204, headers: { 'x-request-id': requestId } };
			return jsonResponse(result.status, result.body, requestId);
		} catch (error) {
			if (error instanceof VodError) return vodErrorResponse(error, requestId);
			throw error;
		}
	}

	return {
		async handle(req) {
			const path = req.url.pathname;
			const requestId = newHexId();
			if (path.startsWith(HUAWEI_MEDIA_PATH_PREFIX)) {
				const exists = req.method === 'GET' && tasks.hasImage(path);
				return imageResponse(exists, { 'x-request-id': requestId });
			}
			if (path === '/v3' || path.startsWith('/v3/')) return handleIam(req, path, requestId);
			if (/^\/v1(\.0)?\//.test(path)) return handleVod(req, path, requestId);
			return undefined;
		},
		seedAsset: (input) => tasks.seedAsset(input),
		setTaskDuration: (ms) => tasks.setTaskDuration(ms),
		failNextTask: (failure) => tasks.failNextTask(failure),
		configureMfsCallback: (config) => notifier.configure(config),
		deliveries: () => notifier.deliveries(),
		redeliver: async (deliveryId) => await notifier.redeliver(deliveryId),
		setTokenLifetime: (ms) => auth.tokens.setLifetime(ms),
		setQps: (qps) => throttle.setFallback(qps),
		tasks: () => tasks.list(),
		idle: async () => await tasks.idle(),
		reset() {
			tasks.reset();
			auth.reset();
			throttle.reset();
			notifier.reset();
		},
	};
}
