import { isRecord } from '../../../credentials/common/json';
import type { MnsJsonValue, MnsMessage } from '../../shared/transport/mns';
import { parseOssUrl, toMpsOssFile } from '../helpers/ossFiles';
import type { MpsSnapshotJob } from '../transport';
import type { FinishedState } from './jobs';

/** A single-job message MPS writes to the pipeline's queue (aliyun.md §h), keys read in either case. */
export interface MpsNotification {
	jobId: string;
	type: string;
	state: string;
	code?: string;
	msg?: string;
	userData?: string;
	/** `http://<bucket>.oss-<region>.aliyuncs.com/<key with {Count}>`; snapshots at time points only. */
	urlPattern?: string;
	count?: number;
}

export type ReadNotification = { notification: MpsNotification } | { problem: string };

/**
 * The member whose key equals `name` ignoring case: MPS writes each key twice, camelCase and
 * PascalCase (`jobId` and `JobId`), and either may be missing.
 */
function member(body: Record<string, MnsJsonValue>, name: string): MnsJsonValue | undefined {
	const wanted = name.toLowerCase();
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === wanted);
	return key === undefined ? undefined : body[key];
}

function text(body: Record<string, MnsJsonValue>, name: string): string | undefined {
	const value = member(body, name);
	if (typeof value === 'string') return value;
	return typeof value === 'number' ? String(value) : undefined;
}

function wholeNumber(body: Record<string, MnsJsonValue>, name: string): number | undefined {
	const value = Number(member(body, name));
	return Number.isInteger(value) && value >= 0 ? value : undefined;
}

const OPTIONAL_TEXTS = ['code', 'msg', 'userData', 'urlPattern'] as const;

/**
 * The notification in a received message, whose body the MNS client already read as JSON or as
 * Base64 JSON; a problem naming what is wrong when the body is not a job message.
 */
export function readNotification(
	message: Pick<MnsMessage, 'body' | 'bodyEncoding'>,
): ReadNotification {
	const { body } = message;
	if (!isRecord(body))
		return {
			problem:
				message.bodyEncoding === 'text'
					? 'the body is neither JSON nor Base64 of JSON'
					: 'the body is JSON but not an object',
		};
	const fields = body as Record<string, MnsJsonValue>;
	const jobId = text(fields, 'jobId');
	const type = text(fields, 'type');
	const state = text(fields, 'state');
	const missing = [
		jobId ? undefined : 'JobId',
		type ? undefined : 'Type',
		state ? undefined : 'State',
	].filter((name) => name !== undefined);
	if (!jobId || !type || !state) return { problem: `the body has no ${missing.join(', ')}` };
	const notification: MpsNotification = { jobId, type, state };
	for (const name of OPTIONAL_TEXTS) {
		const value = text(fields, name);
		if (value !== undefined) notification[name] = value;
	}
	const count = wholeNumber(fields, 'count');
	if (count !== undefined) notification.count = count;
	return { notification };
}

/**
 * The job as far as the message tells it, for a job QuerySnapshotJobList no longer knows: the
 * output file comes from UrlPattern, so `jobImages` expands it like a listed job's.
 */
export function jobFromNotification(
	notification: MpsNotification,
	state: FinishedState,
): MpsSnapshotJob {
	const output = notification.urlPattern
		? parseOssUrl('UrlPattern', notification.urlPattern)
		: undefined;
	const job: MpsSnapshotJob = {
		Id: notification.jobId,
		State: state,
	};
	if (notification.count !== undefined) job.Count = String(notification.count);
	if (notification.userData !== undefined) job.UserData = notification.userData;
	if (notification.code !== undefined) job.Code = notification.code;
	if (notification.msg !== undefined) job.Message = notification.msg;
	if (output !== undefined && typeof output !== 'string')
		job.SnapshotConfig = { OutputFile: toMpsOssFile(output) };
	return job;
}
