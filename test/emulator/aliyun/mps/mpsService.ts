import type { EmulatorClock } from '../../core/clock';
import type { JobControl } from '../../core/jobControl';
import type { MediaLibrary } from '../../core/media';
import type { MnsQueues } from '../mns/queues';
import type { OssStore } from '../oss/ossStore';
import type { RpcProduct } from '../gateway/rpcGateway';
import { mpsActions } from './mpsActions';
import { MpsSnapshotJobs } from './mpsJobs';

export const MPS_VERSION = '2014-06-18';

export interface MpsServiceDeps {
	clock: EmulatorClock;
	jobControl: JobControl;
	media: MediaLibrary;
	mns: MnsQueues;
	oss: OssStore;
}

/** ApsaraVideo MPS 2014-06-18 snapshot jobs, with pipeline → MNS queue notifications. */
export class MpsService {
	readonly jobs = new MpsSnapshotJobs();
	readonly product: RpcProduct;
	private readonly pipelineQueues = new Map<string, string>();

	constructor(private readonly deps: MpsServiceDeps) {
		this.product = {
			code: 'mts',
			version: MPS_VERSION,
			troubleshootName: 'Mts',
			actions: mpsActions({
				jobs: this.jobs,
				jobControl: deps.jobControl,
				media: deps.media,
				mns: deps.mns,
				oss: deps.oss,
				pipelineQueues: this.pipelineQueues,
				now: () => deps.clock.now(),
			}),
		};
	}

	/** Binds a pipeline's completion notifications to an MNS queue (created if needed). */
	bindPipelineQueue(pipelineId: string, queueName: string): void {
		this.deps.mns.create(queueName);
		this.pipelineQueues.set(pipelineId, queueName);
	}

	reset(): void {
		this.jobs.clear();
		this.pipelineQueues.clear();
	}
}
