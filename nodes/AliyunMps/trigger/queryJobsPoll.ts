import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { coerceNumber, coerceText, firstProblem, rangeProblem } from '../../shared/actions';
import { pollWithCursor, type PolledEvent } from '../../shared/trigger/pollingCursor';
import { listJobs, utcSeconds } from '../helpers/queryJobs';
import type { MpsSnapshotJob } from '../transport';
import { DEFAULT_LOOK_BACK_HOURS, MAX_LOOK_BACK_HOURS } from './description';
import {
	jobItem,
	latestFinishedJob,
	readFinishedJobSettings,
	type FinishedJobSettings,
} from './jobs';

const HOUR_MS = 3_600_000;
/**
 * The finished jobs one look-back window may hold: each poll lists them all again, so each id is
 * remembered until its job leaves the window (about 60 bytes an id in the static data n8n saves
 * after every poll). A window holding more is refused rather than fired twice.
 */
export const MAX_REMEMBERED_JOBS = 5_000;

interface QueryJobsSettings extends FinishedJobSettings {
	pipelineId?: string;
	lookBackMs: number;
}

function readSettings(this: IPollFunctions): QueryJobsSettings {
	const finished = readFinishedJobSettings.call(this);
	const lookBackHours = coerceNumber(
		'Look Back (Hours)',
		this.getNodeParameter('lookBackHours', DEFAULT_LOOK_BACK_HOURS),
	);
	const problem = firstProblem(
		rangeProblem('Look Back (Hours)', lookBackHours, 1, MAX_LOOK_BACK_HOURS),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	const pipelineId = coerceText('Pipeline ID', this.getNodeParameter('pipelineId', '')).trim();
	return {
		...finished,
		pipelineId: pipelineId || undefined,
		lookBackMs: lookBackHours * HOUR_MS,
	};
}

/**
 * A finished job is an event at the time this poll first sees it finished: MPS lists no end time,
 * and seeing it is what makes it final for the workflow. Its id keeps it from firing twice while
 * its creation is inside the look-back window; after that it is no longer listed.
 */
function seenAt(jobs: MpsSnapshotJob[], nowMs: number): Array<PolledEvent<MpsSnapshotJob>> {
	return jobs.map((job) => ({ id: job.Id, time: nowMs, data: job }));
}

/**
 * The jobs in a chosen finished state created since `createdAfter`: one QuerySnapshotJobList
 * listing per state, so unfinished jobs are never fetched.
 */
async function finishedSince(
	this: IPollFunctions,
	settings: QueryJobsSettings,
	createdAfter: string | undefined,
): Promise<MpsSnapshotJob[]> {
	const jobs: MpsSnapshotJob[] = [];
	for (const state of settings.states) {
		const filters = { state, createdAfter, pipelineId: settings.pipelineId };
		jobs.push(...(await listJobs.call(this, filters, MAX_REMEMBERED_JOBS + 1 - jobs.length, {})));
		if (jobs.length > MAX_REMEMBERED_JOBS)
			throw new NodeOperationError(
				this.getNode(),
				`More than ${MAX_REMEMBERED_JOBS} finished jobs were created within Look Back (Hours); shorten it so one window holds at most ${MAX_REMEMBERED_JOBS}, or use the MNS Queue mode`,
			);
	}
	return jobs;
}

/** Query Jobs mode: every job that finishes after activation fires once; manual runs show the latest. */
export async function pollQueryJobs(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings.call(this);
	const nowMs = Date.now();
	const events = await pollWithCursor(this.getWorkflowStaticData('node'), {
		nowMs,
		manual: this.getMode() === 'manual',
		policy: { lookbackMs: settings.lookBackMs, maxIds: MAX_REMEMBERED_JOBS },
		fetchPage: async (windowStart) => {
			if (windowStart === undefined)
				return seenAt(
					await latestFinishedJob.call(this, settings.states, settings.pipelineId),
					nowMs,
				);
			// Jobs created before activation are history; older than the look-back, no longer watched.
			const createdAfter = utcSeconds(
				new Date(Math.max(windowStart, nowMs - settings.lookBackMs)).toISOString(),
			);
			return seenAt(await finishedSince.call(this, settings, createdAfter), nowMs);
		},
	});
	if (events.length === 0) return null;
	const items: INodeExecutionData[] = [];
	for (const event of events) items.push(await jobItem.call(this, event.data, settings.linkExpiry));
	return [items];
}
