import { isoSeconds, newHexId } from '../../core/ids';
import type { JobControl } from '../../core/jobControl';
import type { MediaLibrary } from '../../core/media';
import { invalidParameter } from '../gateway/errors';
import type { MnsQueues } from '../mns/queues';
import type { RpcAction } from '../gateway/rpcGateway';
import type { RpcParams } from '../gateway/rpcParams';
import {
	MPS_JOB_STATES,
	type MpsJobState,
	type MpsSnapshotJob,
	type MpsSnapshotJobs,
} from './mpsJobs';
import { MPS_MEDIA_KIND, mpsNotificationBody } from './notification';
import { writeSnapshotObjects } from './ossOutput';
import type { OssStore } from '../oss/ossStore';
import { ossFile, planMpsSnapshot, readJsonParam } from './snapshotConfig';

export const DEFAULT_PIPELINE_ID = 'dd3dae411e704030b921e52698e50000';

export interface MpsActionDeps {
	jobs: MpsSnapshotJobs;
	jobControl: JobControl;
	media: MediaLibrary;
	mns: MnsQueues;
	/** Where finished jobs write their images. */
	oss: OssStore;
	/** MNS queue bound to each pipeline (UpdatePipeline NotifyConfig). */
	pipelineQueues: ReadonlyMap<string, string>;
	now: () => number;
}

const MAX_JOB_IDS = 10;
const PAGE_SIZE_RANGE = { min: 1, max: 300 };
const DEFAULT_PAGE_SIZE = 30;
const MAX_USER_DATA_BYTES = 1024;
const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The SnapshotJob object of the MPS responses. */
export function mpsJobBody(job: MpsSnapshotJob): Record<string, unknown> {
	const done = job.state === 'Success';
	return {
		Id: job.id,
		State: job.state,
		Count: String(done ? job.plannedCount : 0),
		TileCount: String(done ? job.tileCount : 0),
		PipelineId: job.pipelineId,
		CreationTime: isoSeconds(job.createdAt),
		Input: job.input,
		SnapshotConfig: job.snapshotConfig,
		...(job.userData === undefined ? {} : { UserData: job.userData }),
		...(job.failure ? { Code: job.failure.code, Message: job.failure.message } : {}),
		...(job.mnsMessageId ? { MNSMessageResult: { MessageId: job.mnsMessageId } } : {}),
	};
}

function finish(job: MpsSnapshotJob, deps: MpsActionDeps): void {
	const failure = deps.jobControl.takeFailure('mts');
	if (failure) {
		job.state = 'Fail';
		job.failure = failure;
	} else {
		job.state = 'Success';
		deps.media.register(job.id, MPS_MEDIA_KIND, job.plannedCount);
		job.tileCount = writeSnapshotObjects(
			deps.oss,
			job.snapshotConfig,
			job.plannedCount,
			deps.now(),
		);
	}
	const queueName = deps.pipelineQueues.get(job.pipelineId);
	if (queueName === undefined) return;
	const message = deps.mns.send(
		queueName,
		JSON.stringify(mpsNotificationBody(job, deps.media)),
		deps.now(),
	);
	job.mnsMessageId = message.messageId;
}

function timeBound(params: RpcParams, name: string): number | undefined {
	const raw = params.get(name);
	if (raw === undefined) return undefined;
	if (!UTC_SECONDS.test(raw))
		throw invalidParameter(name, 'It must be yyyy-MM-ddTHH:mm:ssZ (UTC).');
	return Date.parse(raw);
}

export function mpsActions(deps: MpsActionDeps): Record<string, RpcAction> {
	const pageTokens = new Map<string, number>();

	const byIds = (ids: string[]) => {
		if (ids.length > MAX_JOB_IDS)
			throw invalidParameter('SnapshotJobIds', `At most ${MAX_JOB_IDS} ids per call.`);
		const found = ids
			.map((id) => deps.jobs.get(id))
			.filter((job): job is MpsSnapshotJob => job !== undefined);
		const missing = ids.filter((id) => !deps.jobs.get(id));
		return {
			SnapshotJobList: { SnapshotJob: found.map(mpsJobBody) },
			...(missing.length > 0 ? { NonExistSnapshotJobIds: { String: missing } } : {}),
		};
	};

	const paged = (params: RpcParams) => {
		const state = params.get('State');
		if (
			state !== undefined &&
			!MPS_JOB_STATES.some((candidate: MpsJobState) => candidate === state)
		) {
			throw invalidParameter('State', 'It must be Submitted, Snapshoting, Success or Fail.');
		}
		const pipelineId = params.get('PipelineId');
		const from = timeBound(params, 'StartOfJobCreatedTimeRange');
		const to = timeBound(params, 'EndOfJobCreatedTimeRange');
		const pageSize = params.integer('MaximumPageSize', DEFAULT_PAGE_SIZE, PAGE_SIZE_RANGE);
		const token = params.get('NextPageToken');
		const offset = token === undefined ? 0 : pageTokens.get(token);
		if (offset === undefined) throw invalidParameter('NextPageToken', 'It is unknown or expired.');
		const matching = deps.jobs.newestFirst().filter((job) => {
			const createdSecond = Math.floor(job.createdAt / 1000) * 1000;
			return (
				(state === undefined || job.state === state) &&
				(pipelineId === undefined || job.pipelineId === pipelineId) &&
				(from === undefined || createdSecond >= from) &&
				(to === undefined || createdSecond <= to)
			);
		});
		const page = matching.slice(offset, offset + pageSize);
		const body: Record<string, unknown> = {
			SnapshotJobList: { SnapshotJob: page.map(mpsJobBody) },
		};
		if (offset + page.length < matching.length) {
			const next = newHexId();
			pageTokens.set(next, offset + page.length);
			body.NextPageToken = next;
		}
		return body;
	};

	return {
		SubmitSnapshotJob: (params, context) => {
			const input = ossFile(readJsonParam(params, 'Input'), 'Input');
			const snapshotConfig = readJsonParam(params, 'SnapshotConfig');
			const plan = planMpsSnapshot(snapshotConfig);
			const userData = params.get('UserData');
			if (userData !== undefined && Buffer.byteLength(userData) > MAX_USER_DATA_BYTES) {
				throw invalidParameter('UserData', `At most ${MAX_USER_DATA_BYTES} bytes.`);
			}
			const job = deps.jobs.add({
				id: newHexId(),
				state: 'Submitted',
				createdAt: deps.now(),
				pipelineId: params.get('PipelineId') ?? DEFAULT_PIPELINE_ID,
				input,
				snapshotConfig,
				plannedCount: plan.count,
				tileCount: 0,
				timeArray: plan.timeArray,
				userData,
				requestId: context.requestId,
			});
			if (plan.async) {
				deps.jobControl.schedule(
					() => {
						job.state = 'Snapshoting';
					},
					() => finish(job, deps),
				);
			} else {
				finish(job, deps);
			}
			return { SnapshotJob: mpsJobBody(job) };
		},
		QuerySnapshotJobList: (params) => {
			const ids = params.get('SnapshotJobIds');
			if (ids === undefined) return paged(params);
			return byIds(
				ids
					.split(',')
					.map((id) => id.trim())
					.filter((id) => id !== ''),
			);
		},
	};
}
