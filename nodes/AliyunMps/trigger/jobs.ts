import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { chosenValues, coerceNumber, firstProblem, rangeProblem } from '../../shared/actions';
import {
	DEFAULT_LINK_EXPIRY_SECONDS,
	imageEntries,
	imageObject,
	imageLinks,
	jobImages,
} from '../helpers/jobImages';
import { listJobs } from '../helpers/queryJobs';
import type { MpsSnapshotJob } from '../transport';
import { MAX_LINK_EXPIRY_SECONDS } from '../actions/snapshotJob/submit.description';

/** The states a job ends in; QuerySnapshotJobList filters on each (aliyun.md §e). */
export type FinishedState = 'Success' | 'Fail';
const FINISHED_STATES: readonly FinishedState[] = ['Success', 'Fail'];

/** What both modes read: which finished jobs fire, and how long their image links live. */
export interface FinishedJobSettings {
	states: FinishedState[];
	linkExpiry: number;
}

export function isFinishedState(value: unknown): value is FinishedState {
	return FINISHED_STATES.some((state) => state === value);
}

export function readFinishedJobSettings(this: IPollFunctions): FinishedJobSettings {
	const states = chosenValues(
		this.getNodeParameter('states', [...FINISHED_STATES]),
		FINISHED_STATES,
	);
	const linkExpiry = coerceNumber(
		'Link Expiry (Seconds)',
		this.getNodeParameter('linkExpiry', DEFAULT_LINK_EXPIRY_SECONDS),
	);
	const problem = firstProblem(
		states.length === 0 ? 'States must name at least one of Success and Fail' : undefined,
		rangeProblem('Link Expiry (Seconds)', linkExpiry, 1, MAX_LINK_EXPIRY_SECONDS),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	return { states, linkExpiry };
}

/** The job with its `Images` (pre-signed links; none for a failed job) and any `extra` fields. */
export async function jobItem(
	this: IPollFunctions,
	job: MpsSnapshotJob,
	linkExpiry: number,
	extra: IDataObject = {},
): Promise<INodeExecutionData> {
	const images = job.State === 'Success' ? jobImages(job) : [];
	const links = await imageLinks.call(this, images, linkExpiry);
	return { json: { ...job, Images: imageEntries(links), ...extra } };
}

/**
 * The item of a job MPS does not list, from its message alone: the image keys the message names,
 * without pre-signed links, since anyone who may send to the queue could name any object the
 * credential can read.
 */
export function unlistedJobItem(job: MpsSnapshotJob, extra: IDataObject = {}): INodeExecutionData {
	const images = job.State === 'Success' ? jobImages(job) : [];
	return {
		json: {
			...job,
			Images: images.map(imageObject),
			ImagesUnsigned:
				'MPS does not list this job, so its images come from the MNS message alone and get no pre-signed links',
			...extra,
		},
	};
}

/**
 * The newest job in one of `states` (MPS lists newest created first): one QuerySnapshotJobList
 * page of one job per state. What a manual run ("Fetch Test Event") shows in either mode.
 */
export async function latestFinishedJob(
	this: IPollFunctions,
	states: readonly FinishedState[],
	pipelineId?: string,
): Promise<MpsSnapshotJob[]> {
	const newest: MpsSnapshotJob[] = [];
	for (const state of states)
		newest.push(...(await listJobs.call(this, { state, pipelineId }, 1, {})));
	const sorted = newest.sort((left, right) =>
		(right.CreationTime ?? '').localeCompare(left.CreationTime ?? ''),
	);
	return sorted.slice(0, 1);
}
