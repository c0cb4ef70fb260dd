/* eslint-disable @n8n/community-nodes/require-node-api-error -- a bug in a control route must surface as a 500 */
import { aliyunAccessKey, aliyunStsKey, huaweiAccessKey, huaweiTemporaryKey } from './accounts';
import { VOD_VIDEO_STATUSES, type VodVideoSeed } from './aliyun/vod/videos';
import type { EmulatorControl } from './control';
import type { FaultKind, FaultSpec } from './core/faults';
import { isRecord, parseJson } from './core/json';
import type { EmulatorRequest, EmulatorResponse } from './core/http';
import type { HuaweiEmulator } from './huawei';

export const CONTROL_PREFIX = '/__emulator/';

class ControlError extends Error {}

type Body = Record<string, unknown>;

interface Route {
	method: string;
	path: RegExp;
	run(input: { body: Body; match: RegExpExecArray; req: EmulatorRequest }): unknown;
}

function json(status: number, body: unknown): EmulatorResponse {
	return {
		status,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body === undefined ? { ok: true } : body),
	};
}

function numberField(body: Body, name: string): number {
	const value = body[name];
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw new ControlError(`"${name}" must be a number`);
	return value;
}

function booleanField(body: Body, name: string): boolean {
	const value = body[name];
	if (typeof value !== 'boolean') throw new ControlError(`"${name}" must be true or false`);
	return value;
}

function optionalString(body: Body, name: string): string | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'string') throw new ControlError(`"${name}" must be a string`);
	return value;
}

function optionalNumber(body: Body, name: string): number | undefined {
	return body[name] === undefined ? undefined : numberField(body, name);
}

function stringField(body: Body, name: string): string {
	const value = optionalString(body, name);
	if (value === undefined) throw new ControlError(`"${name}" is required`);
	return value;
}

const FAULT_KINDS: readonly FaultKind[] = [
	'serverError',
	'reset',
	'delay',
	'malformed',
	'errorBody200',
	'body200',
	'echoRequest',
];

function faultSpec(body: Body): FaultSpec {
	const kind = FAULT_KINDS.find((candidate) => candidate === body.kind);
	if (!kind) throw new ControlError(`"kind" must be one of ${FAULT_KINDS.join(', ')}`);
	const match = isRecord(body.match) ? body.match : {};
	const phase = body.phase === 'after' ? 'after' : 'before';
	return {
		kind,
		count: optionalNumber(body, 'count'),
		status: optionalNumber(body, 'status'),
		delayMs: optionalNumber(body, 'delayMs'),
		code: optionalString(body, 'code'),
		body: optionalString(body, 'body'),
		phase,
		match: { path: optionalString(match, 'path'), action: optionalString(match, 'action') },
	};
}

function videoSeeds(body: Body): VodVideoSeed[] {
	const list = body.videos;
	if (!Array.isArray(list)) throw new ControlError('"videos" must be an array');
	return list.map((item): VodVideoSeed => {
		if (!isRecord(item) || typeof item.videoId !== 'string')
			throw new ControlError('each video needs a "videoId"');
		const seed: VodVideoSeed = { videoId: item.videoId };
		if (typeof item.title === 'string') seed.title = item.title;
		const status = VOD_VIDEO_STATUSES.find((candidate) => candidate === item.status);
		if (status) seed.status = status;
		if (typeof item.durationSeconds === 'number') seed.durationSeconds = item.durationSeconds;
		if (typeof item.coverCount === 'number') seed.coverCount = item.coverCount;
		if (typeof item.appId === 'string') seed.appId = item.appId;
		if (typeof item.creationTime === 'number') seed.creationTime = item.creationTime;
		return seed;
	});
}

function qpsLimits(body: Body): Record<string, number> {
	const limits = isRecord(body.limits) ? body.limits : {};
	return Object.fromEntries(Object.keys(limits).map((key) => [key, numberField(limits, key)]));
}

export function identities(url: string): Record<string, unknown> {
	return {
		url,
		aliyun: { accessKey: aliyunAccessKey, stsKey: aliyunStsKey },
		huawei: { accessKey: huaweiAccessKey, temporaryKey: huaweiTemporaryKey },
	};
}

function routes(control: EmulatorControl, huawei: HuaweiEmulator, url: () => string): Route[] {
	const service = (body: Body) => (body.product === 'mts' ? 'mts' : 'vod');
	return [
		{ method: 'GET', path: /^info$/, run: () => identities(url()) },
		{ method: 'POST', path: /^reset$/, run: () => control.reset() },
		{ method: 'GET', path: /^aliyun\/videos$/, run: () => control.videos() },
		{
			method: 'POST',
			path: /^aliyun\/videos$/,
			run: ({ body }) => control.seedVideos(videoSeeds(body)),
		},
		{
			method: 'GET',
			path: /^aliyun\/vod\/jobs\/([^/]+)$/,
			run: ({ match }) => control.vodJob(match[1]) ?? null,
		},
		{
			method: 'GET',
			path: /^aliyun\/mps\/jobs\/([^/]+)$/,
			run: ({ match }) => control.mpsJob(match[1]) ?? null,
		},
		{
			method: 'POST',
			path: /^jobs\/duration$/,
			run: ({ body }) => control.setJobDuration(numberField(body, 'ms')),
		},
		{
			method: 'POST',
			path: /^jobs\/fail-next$/,
			run: ({ body }) =>
				control.failNextJobs(service(body), {
					count: optionalNumber(body, 'count'),
					code: optionalString(body, 'code'),
					message: optionalString(body, 'message'),
				}),
		},
		{ method: 'POST', path: /^qps$/, run: ({ body }) => control.setQpsLimits(qpsLimits(body)) },
		{ method: 'POST', path: /^faults$/, run: ({ body }) => control.injectFault(faultSpec(body)) },
		{ method: 'DELETE', path: /^faults$/, run: () => control.clearFaults() },
		{
			method: 'GET',
			path: /^requests$/,
			run: ({ req }) => control.requests(Number(req.url.searchParams.get('since') ?? 0)),
		},
		{ method: 'DELETE', path: /^requests$/, run: () => control.clearRequests() },
		{ method: 'GET', path: /^callbacks$/, run: () => control.callbackDeliveries() },
		{
			method: 'POST',
			path: /^callbacks\/retry-delay$/,
			run: ({ body }) => control.setCallbackRetryDelay(numberField(body, 'ms')),
		},
		{
			method: 'POST',
			path: /^callbacks\/timeout$/,
			run: ({ body }) => control.setCallbackTimeout(numberField(body, 'ms')),
		},
		{
			method: 'POST',
			path: /^callbacks\/([^/]+)\/redeliver$/,
			run: async ({ match }) => ({ redelivered: await control.redeliverCallback(match[1]) }),
		},
		{ method: 'GET', path: /^clock$/, run: () => ({ now: control.now() }) },
		{
			method: 'POST',
			path: /^clock\/freeze$/,
			run: ({ body }) => control.freezeClock(booleanField(body, 'frozen')),
		},
		{
			method: 'POST',
			path: /^clock$/,
			run: ({ body }) => control.setClockSkew(numberField(body, 'skewMs')),
		},
		{
			method: 'POST',
			path: /^mns\/queues\/([^/]+)$/,
			run: ({ body, match }) =>
				control.createQueue(match[1], optionalNumber(body, 'visibilityTimeoutSeconds')),
		},
		{
			method: 'GET',
			path: /^mns\/queues\/([^/]+)$/,
			run: ({ match }) => control.queueMessages(match[1]),
		},
		{
			method: 'POST',
			path: /^mps\/pipelines\/([^/]+)\/queue$/,
			run: ({ body, match }) => control.bindPipelineQueue(match[1], stringField(body, 'queueName')),
		},
		{
			method: 'POST',
			path: /^huawei\/assets$/,
			run: ({ body }) =>
				huawei.seedAsset({
					assetId: optionalString(body, 'assetId'),
					title: optionalString(body, 'title'),
					durationSeconds: optionalNumber(body, 'durationSeconds'),
				}),
		},
		{
			method: 'POST',
			path: /^huawei\/fail-next$/,
			run: ({ body }) => {
				const code = optionalString(body, 'error_code');
				huawei.failNextTask(
					code === undefined
						? undefined
						: { error_code: code, error_msg: optionalString(body, 'error_msg') ?? code },
				);
			},
		},
		{
			method: 'POST',
			path: /^huawei\/callback$/,
			run: ({ body }) =>
				huawei.configureMfsCallback(
					body.url === undefined
						? undefined
						: {
								url: stringField(body, 'url'),
								authKey: stringField(body, 'authKey'),
								timeoutMs: optionalNumber(body, 'timeoutMs'),
								maxAttempts: optionalNumber(body, 'maxAttempts'),
								retryDelayMs: optionalNumber(body, 'retryDelayMs'),
							},
				),
		},
		{ method: 'GET', path: /^huawei\/callbacks$/, run: () => huawei.deliveries() },
		{
			method: 'POST',
			path: /^huawei\/callbacks\/(\d+)\/redeliver$/,
			run: async ({ match }) => await huawei.redeliver(Number(match[1])),
		},
		{
			method: 'POST',
			path: /^huawei\/qps$/,
			run: ({ body }) => huawei.setQps(numberField(body, 'qps')),
		},
		{ method: 'GET', path: /^huawei\/tasks$/, run: () => huawei.tasks() },
	];
}

/** JSON control API under `/__emulator/`; every route mirrors a method of `EmulatorControl`. */
export function createControlApi(
	control: EmulatorControl,
	huawei: HuaweiEmulator,
	url: () => string,
): (req: EmulatorRequest) => Promise<EmulatorResponse> {
	const table = routes(control, huawei, url);
	return async (req) => {
		const path = req.url.pathname.slice(CONTROL_PREFIX.length);
		const route = table.find(
			(candidate) => candidate.method === req.method && candidate.path.test(path),
		);
		const match = route?.path.exec(path);
		if (!route || !match)
			return json(404, { error: `no control route ${req.method} ${req.url.pathname}` });
		const text = req.body.toString('utf8');
		const parsed = text === '' ? {} : parseJson(text);
		if (!isRecord(parsed)) return json(400, { error: 'the body must be a JSON object' });
		try {
			return json(200, await route.run({ body: parsed, match, req }));
		} catch (error) {
			if (error instanceof ControlError) return json(400, { error: error.message });
			throw error;
		}
	};
}
