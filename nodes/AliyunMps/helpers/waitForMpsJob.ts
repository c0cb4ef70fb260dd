import type { IExecuteFunctions, INode, NodeOperationError } from 'n8n-workflow';

import { operationError, type CallOptions } from '../../shared/actions';
import { waitForJob, type SubmittedJobRef, type WaitSettings } from '../../shared/polling';
import type { MpsSnapshotJob } from '../transport';
import { queryJobsById } from './queryJobs';

/** The job's id and how to get its images later, for every failure after the Submit. */
export function submittedMpsJob(jobId: string): SubmittedJobRef {
	return {
		jobId,
		resumeHint: `Snapshot job ${jobId} was submitted and may still finish: use Snapshot Job → Get with this ID to see its state and output later.`,
	};
}

/** A job MPS reports as `Fail`: its Code and Message are the error. */
export function failedJobError(
	node: INode,
	job: MpsSnapshotJob,
	itemIndex: number,
): NodeOperationError {
	const code = job.Code ?? 'UnknownError';
	return operationError(
		node,
		`MPS snapshot job ${job.Id} failed: ${code}${job.Message ? `: ${job.Message}` : ''}`,
		{ itemIndex, description: `MPS error code ${code}` },
	);
}

/** Whether MPS has finished the job, one way or the other. */
export function isFinished(job: MpsSnapshotJob): boolean {
	return job.State === 'Success' || job.State === 'Fail';
}

/**
 * Polls QuerySnapshotJobList by id until the job is `Success` (returned) or `Fail` (its Code
 * and Message thrown). A job MPS does not know is an error too: it was just created.
 */
export async function waitForMpsJob(
	this: IExecuteFunctions,
	jobId: string,
	settings: WaitSettings,
	options: CallOptions,
): Promise<MpsSnapshotJob> {
	const { itemIndex } = options;
	const check = async (deadlineMs: number): Promise<MpsSnapshotJob | undefined> => {
		const { jobs, missing } = await queryJobsById.call(this, [jobId], { ...options, deadlineMs });
		if (missing.length > 0)
			throw operationError(this.getNode(), `MPS does not know snapshot job ${jobId}`, {
				itemIndex,
			});
		const [job] = jobs;
		if (job.State === 'Fail') throw failedJobError(this.getNode(), job, itemIndex);
		return job.State === 'Success' ? job : undefined;
	};
	const wait = waitForJob<MpsSnapshotJob>;
	return await wait.call(
		this,
		{ ...submittedMpsJob(jobId), name: `snapshot job ${jobId}`, check },
		settings,
		itemIndex,
	);
}
