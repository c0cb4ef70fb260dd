import type { INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, PartFailure } from '../actions/itemErrors';
import type { ItemResult, ItemResults } from '../actions/router';

/** A job that was created: every later failure names it and says how to get its result. */
export interface SubmittedJobRef {
	jobId: string;
	/** Tells how to get the result later, since the job may still finish after the wait ends. */
	resumeHint: string;
}

/**
 * The error as a node error that carries the job: the resume hint leads its description and
 * `context.jobId` puts the id in the error item's details (`errorJson`). Applied once.
 */
export function withSubmittedJob(
	node: INode,
	error: unknown,
	job: SubmittedJobRef,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const nodeError = asNodeError(node, error, itemIndex);
	if (nodeError.context.jobId === job.jobId) return nodeError;
	nodeError.context.jobId = job.jobId;
	nodeError.description = [job.resumeHint, nodeError.description]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(' ');
	return nodeError;
}

/** The results with every failed part (a download) carrying the job. */
export async function* withSubmittedJobOnFailures(
	results: ItemResults,
	node: INode,
	job: SubmittedJobRef,
	itemIndex: number,
): AsyncIterable<ItemResult> {
	for await (const result of results) {
		yield result instanceof PartFailure
			? new PartFailure(withSubmittedJob(node, result.error, job, itemIndex), result.details)
			: result;
	}
}
