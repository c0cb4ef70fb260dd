import { MnsQueues } from './aliyun/mns/queues';
import { MpsService } from './aliyun/mps/mpsService';
import { OssStore } from './aliyun/oss/ossStore';
import { NonceRegistry } from './aliyun/gateway/nonces';
import { ALIYUN_QPS_LIMITS } from './aliyun/gateway/qpsLimits';
import { CLOCK_TOLERANCE_MS } from './aliyun/gateway/rpcAuth';
import { VodService } from './aliyun/vod/vodService';
import { EmulatorClock } from './core/clock';
import { FaultInjector } from './core/faults';
import { JobControl } from './core/jobControl';
import { MediaLibrary } from './core/media';
import { RequestLog } from './core/requestLog';
import { QpsLimiter } from './core/throttle';
import { TimerSet } from './core/timers';
import { createHuaweiEmulator, type HuaweiEmulator } from './huawei';

/** Everything one emulator instance holds; the server routes into it and the control API changes it. */
export interface EmulatorState {
	clock: EmulatorClock;
	timers: TimerSet;
	faults: FaultInjector;
	requestLog: RequestLog;
	limiter: QpsLimiter;
	nonces: NonceRegistry;
	jobControl: JobControl;
	media: MediaLibrary;
	mns: MnsQueues;
	vod: VodService;
	mps: MpsService;
	oss: OssStore;
	huawei: HuaweiEmulator;
	/** Aborted on close, to end MNS long polls. */
	shutdown: AbortController;
	baseUrl(): string;
}

export interface StateOptions {
	jobDurationMs?: number;
	qpsLimits?: Partial<Record<string, number>>;
	clockSkewMs?: number;
}

export function createEmulatorState(baseUrl: () => string, options: StateOptions): EmulatorState {
	const clock = new EmulatorClock();
	clock.skewMs = options.clockSkewMs ?? 0;
	const timers = new TimerSet();
	const limiter = new QpsLimiter(ALIYUN_QPS_LIMITS);
	if (options.qpsLimits) limiter.setLimits(options.qpsLimits);
	const jobControl = new JobControl(timers, options.jobDurationMs);
	const media = new MediaLibrary(baseUrl);
	const mns = new MnsQueues();
	const oss = new OssStore();
	const huawei = createHuaweiEmulator({ now: () => clock.now(), baseUrl });
	if (options.jobDurationMs !== undefined) huawei.setTaskDuration(options.jobDurationMs);
	return {
		clock,
		timers,
		faults: new FaultInjector(),
		requestLog: new RequestLog(),
		limiter,
		nonces: new NonceRegistry(CLOCK_TOLERANCE_MS),
		jobControl,
		media,
		mns,
		vod: new VodService({ clock, timers, jobControl, media, mns }),
		mps: new MpsService({ clock, jobControl, media, mns, oss }),
		oss,
		huawei,
		shutdown: new AbortController(),
		baseUrl,
	};
}
