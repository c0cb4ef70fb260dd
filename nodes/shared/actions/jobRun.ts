import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { optionsProblem } from './options';
import { readBoolean, readOptions } from './parameters';
import { firstProblem, retryOnFailProblem } from './validation';
import { waitSettings, waitSettingsProblem, type WaitSettings } from '../polling/waitForJob';

/** How an operation that starts a job runs for one item: its Options, whether to wait and download. */
export interface JobRun {
	options: IDataObject;
	waitForCompletion: boolean;
	/** Only while waiting: there is nothing to download before the job ends. */
	downloadImages: boolean;
	wait: WaitSettings;
}

/** The item's `waitAndDownloadFields` and Options collection (`waitOptions`, `downloadOptions`). */
export function readJobRun(this: IExecuteFunctions, i: number): JobRun {
	const options = readOptions.call(this, i);
	const waitForCompletion = readBoolean.call(this, 'waitForCompletion', 'Wait for Completion', i);
	return {
		options,
		waitForCompletion,
		downloadImages:
			waitForCompletion && readBoolean.call(this, 'downloadImages', 'Download Images', i),
		wait: waitSettings(options),
	};
}

/** Retry On Fail (a re-run would start the jobs again), the options, and the wait when waiting. */
export function jobRunProblem(node: INode, operation: string, run: JobRun): string | undefined {
	return firstProblem(
		retryOnFailProblem(node, operation),
		optionsProblem(run.options),
		run.waitForCompletion ? waitSettingsProblem(run.wait) : undefined,
	);
}
