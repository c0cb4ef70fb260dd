import { createMnsHandler } from './aliyun/mns/mnsHandler';
import { mnsFaultFormat } from './aliyun/mns/mnsXml';
import { createRpcGateway, rpcFaultFormat } from './aliyun/gateway/rpcGateway';
import { createOssHandler, isOssRequest } from './aliyun/oss/ossHandler';
import { ossFaultFormat } from './aliyun/oss/ossXml';
import { EmulatorControl } from './control';
import { CONTROL_PREFIX, createControlApi } from './controlApi';
import type { CloudErrorFormat } from './core/faultResponses';
import { textResponse, type EmulatorRequest, type EmulatorResponse } from './core/http';
import { EmulatorHttpServer, type EmulatorRoutes } from './core/httpServer';
import { MEDIA_PATH_PREFIX } from './core/media';
import { HUAWEI_MEDIA_PATH_PREFIX, huaweiFaultFormat, type HuaweiEmulator } from './huawei';
import { createEmulatorState, type EmulatorState } from './state';

export interface EmulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Duration of asynchronous snapshot jobs (default 300 ms). */
	jobDurationMs?: number;
	/** Per-action QPS overrides, keys `<service>:<Action>` (`vod:SubmitSnapshotJob`, `mts:…`). */
	qpsLimits?: Partial<Record<string, number>>;
	/** Initial skew of the emulator clock against real time. */
	clockSkewMs?: number;
}

export interface Emulator extends EmulatorControl {
	/** `http://127.0.0.1:<port>`: the endpoint of every emulated cloud. */
	readonly url: string;
	readonly port: number;
	/** The Huawei side's own controls (assets, tasks, MFS callbacks). */
	readonly huawei: HuaweiEmulator;
	close(): Promise<void>;
}

const notFound = (req: EmulatorRequest): EmulatorResponse =>
	textResponse(404, `No emulated API at ${req.url.pathname}`);

/**
 * Every cloud behind one server: OSS (a known bucket as first path segment, or an OSS signature),
 * Aliyun RPC at `/`, MNS at `/queues/`, images, then Huawei.
 */
function routesFor(
	state: EmulatorState,
	controlApi: (req: EmulatorRequest) => Promise<EmulatorResponse>,
): EmulatorRoutes {
	const products = [state.vod.product, state.mps.product];
	const rpc = createRpcGateway({
		products,
		nonces: state.nonces,
		limiter: state.limiter,
		now: () => state.clock.now(),
	});
	const mns = createMnsHandler({
		queues: state.mns,
		clock: state.clock,
		shutdown: state.shutdown.signal,
	});
	const oss = createOssHandler(state.oss);
	return {
		// Snapshot downloads (Aliyun's and Huawei's) are recorded and faulted like API calls.
		isControl: (req) => {
			const path = req.url.pathname;
			return (
				path.startsWith(CONTROL_PREFIX) &&
				!path.startsWith(MEDIA_PATH_PREFIX) &&
				!path.startsWith(HUAWEI_MEDIA_PATH_PREFIX)
			);
		},
		control: controlApi,
		handle: async (req) => {
			const path = req.url.pathname;
			if (isOssRequest(state.oss, req)) return oss(req);
			if (path === '/') return await rpc(req);
			if (path.startsWith('/queues/')) return await mns(req);
			if (path.startsWith(MEDIA_PATH_PREFIX)) return state.media.serve(req);
			return (await state.huawei.handle(req)) ?? notFound(req);
		},
		errorFormat: (req): CloudErrorFormat => {
			const path = req.url.pathname;
			if (isOssRequest(state.oss, req)) return ossFaultFormat;
			if (path === '/') return rpcFaultFormat(req, products);
			return path.startsWith('/queues/') ? mnsFaultFormat : huaweiFaultFormat;
		},
	};
}

class EmulatorServer extends EmulatorControl implements Emulator {
	readonly huawei: HuaweiEmulator;
	private readonly http: EmulatorHttpServer;

	constructor(state: EmulatorState, options: EmulatorOptions) {
		super(state, options);
		this.huawei = state.huawei;
		const controlApi = createControlApi(this, state.huawei, () => this.url);
		this.http = new EmulatorHttpServer(routesFor(state, controlApi), state);
	}

	get url(): string {
		return this.http.url;
	}

	get port(): number {
		return this.http.port;
	}

	async listen(port: number): Promise<void> {
		await this.http.listen(port);
	}

	async close(): Promise<void> {
		this.state.shutdown.abort();
		this.state.timers.clear();
		this.state.huawei.reset();
		await this.state.huawei.idle();
		await this.http.close();
	}
}

/** Starts every emulated cloud behind one HTTP server on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	let url = '';
	const state = createEmulatorState(() => url, options);
	const emulator = new EmulatorServer(state, options);
	await emulator.listen(options.port ?? 0);
	url = emulator.url;
	return emulator;
}
