import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { coerceNumber, coerceText, firstProblem, rangeProblem } from '../../shared/actions';
import { pollWithCursor, type PolledEvent } from '../../shared/trigger/pollingCursor';
import { imageEntries, imageLinks, jobImages } from '../helpers/jobImages';
import { listJobs } from '../helpers/queryJobs';
import type { MpsSnapshotJob } from '../transport';
import { MAX_LINK_EXPIRY_SECONDS } from '../actions/snapshotJob/submit.description';
import { utcSeconds } from '../actions/snapshotJob/getAll.operation';
import { DEFAULT_LOOK_BACK_HOURS, MAX_LOOK_BACK_HOURS } from './description';

const HOUR_MS = 3_600_000;
/** More jobs than one look-back window ever holds: the ids the cursor remembers. */
const MAX_REMEMBERED_JOBS = 100_000;
/** Manual runs look at this many newest jobs for the latest finished one. */
const MANUAL_SAMPLE = 50;

interface TriggerSettings {
	states: string[];
	pipelineId?: string;
	lookBackMs: number;
	linkExpiry: number;
}

function readSettings(this: IPollFunctions): TriggerSettings {
	const states = this.getNodeParameter('states', ['Success', 'Fail']) as string[];
	const lookBackHours = coerceNumber(
		'Look Back (Hours)',
		this.getNodeParameter('lookBackHours', DEFAULT_LOOK_BACK_HOURS),
	);
	const linkExpiry = coerceNumber(
		'Link Expiry (Seconds)',
		this.getNodeParameter('linkExpiry', 3600),
	);
	const problem = firstProblem(
		states.length === 0 ? 'States must name at least one of Success and Fail' : undefined,
		rangeProblem('Look Back (Hours)', lookBackHours, 1, MAX_LOOK_BACK_HOURS),
		rangeProblem('Link Expiry (Seconds)', linkExpiry, 1, MAX_LINK_EXPIRY_SECONDS),
	);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	const pipelineId = coerceText('Pipeline ID', this.getNodeParameter('pipelineId', '')).trim();
	return {
		states,
		pipelineId: pipelineId || undefined,
		lookBackMs: lookBackHours * HOUR_MS,
		linkExpiry,
	};
}

/**
 * A finished job is an event at the time this poll first sees it finished: MPS lists no end time,
 * and seeing it is what makes it final for the workflow. Its id keeps it from firing twice while
 * its creation is inside the look-back window; after that it is no longer listed.
 */
function finishedEvents(
	jobs: MpsSnapshotJob[],
	settings: TriggerSettings,
	nowMs: number,
): Array<PolledEvent<MpsSnapshotJob>> {
	return jobs
		.filter((job) => settings.states.includes(job.State))
		.map((job) => ({ id: job.Id, time: nowMs, data: job }));
}

async function jobItem(
	this: IPollFunctions,
	job: MpsSnapshotJob,
	linkExpiry: number,
): Promise<INodeExecutionData> {
	const images = job.State === 'Success' ? jobImages(job) : [];
	const links = await imageLinks.call(this, images, linkExpiry);
	const json: IDataObject = { ...job, Images: imageEntries(links) };
	return { json };
}

/** Query Jobs mode: every job that finishes after activation fires once; manual runs show the latest. */
export async function pollQueryJobs(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings.call(this);
	const nowMs = Date.now();
	const manual = this.getMode() === 'manual';
	const events = await pollWithCursor(this.getWorkflowStaticData('node'), {
		nowMs,
		manual,
		policy: { lookbackMs: settings.lookBackMs, maxIds: MAX_REMEMBERED_JOBS },
		fetchPage: async (windowStart) => {
			const filters = { pipelineId: settings.pipelineId };
			if (windowStart === undefined)
				return finishedEvents(
					await listJobs.call(this, filters, MANUAL_SAMPLE, {}),
					settings,
					nowMs,
				);
			// Jobs created before activation are history; older than the look-back, no longer watched.
			const createdAfter = utcSeconds(
				new Date(Math.max(windowStart, nowMs - settings.lookBackMs)).toISOString(),
			);
			const jobs = await listJobs.call(this, { ...filters, createdAfter }, undefined, {});
			return finishedEvents(jobs, settings, nowMs);
		},
	});
	if (events.length === 0) return null;
	const items: INodeExecutionData[] = [];
	for (const event of events) items.push(await jobItem.call(this, event.data, settings.linkExpiry));
	return [items];
}
