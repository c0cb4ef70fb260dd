import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { redactSecrets } from '../errors';

/**
 * Errors the transport did not build (a download's, n8n's own) can carry a signed URL or request
 * headers in their text and in the raw error they wrap; only redacted text is kept.
 */
function withoutSecrets<E extends NodeApiError | NodeOperationError>(error: E): E {
	error.message = redactSecrets(error.message);
	if (error.description) error.description = redactSecrets(error.description);
	if (error.stack) error.stack = redactSecrets(error.stack);
	error.messages = error.messages.map(redactSecrets);
	if (error.cause instanceof Error) error.cause = new Error(redactSecrets(error.cause.message));
	return error;
}

/** What an operation error carries besides its message. */
export interface OperationErrorOptions {
	itemIndex?: number;
	description?: string;
}

/**
 * A NodeOperationError whose message stays as written. n8n swaps any message that merely contains
 * a Node.js error code for its own connection text: MPS's `InvalidParameter.ResourceNotFound` holds
 * ENOTFOUND, and a time-out quoting a reset holds ECONNRESET; the job and the code would be lost.
 */
export function operationError(
	node: INode,
	message: string,
	options: OperationErrorOptions = {},
): NodeOperationError {
	const error = new NodeOperationError(node, message, options);
	error.message = message;
	return error;
}

/** Keeps NodeApiError/NodeOperationError (with their provider fields) and tags them with the item. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return withoutSecrets(error);
	}
	return withoutSecrets(
		new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex }),
	);
}

/** Provider fields the shared transport puts on its NodeApiError (nodes/shared/errors). */
const PROVIDER_KEYS = ['code', 'requestId', 'httpStatus'];

/**
 * An error item's json. n8n's error output moves an item only when its json keys are limited to
 * error, message and details, so provider fields go under details.
 */
export function errorJson(
	error: NodeApiError | NodeOperationError,
	details: IDataObject = {},
): IDataObject {
	const provider: IDataObject = {};
	for (const key of PROVIDER_KEYS) {
		const value = error.errorResponse?.[key];
		if (value !== undefined) provider[key] = value;
	}
	if (error.description) provider.description = error.description;
	// Set by withSubmittedJob (nodes/shared/polling) on every failure of a job that was created.
	if (typeof error.context.jobId === 'string') provider.jobId = error.context.jobId;
	return { error: error.message, details: { ...provider, ...details } };
}

/**
 * One part of an item's output that failed (a download of one of its images) while the other
 * parts may still succeed; `details` names the part in the error item.
 */
export class PartFailure {
	constructor(
		readonly error: unknown,
		readonly details: IDataObject,
	) {}
}

/**
 * The one place continue-on-fail is decided: without it the error (tagged with the item) is
 * thrown, with it the error becomes an error item paired to the input item.
 */
export function errorItemOrThrow(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	details: IDataObject = {},
): INodeExecutionData {
	const nodeError = asNodeError(this.getNode(), error, itemIndex);
	if (!this.continueOnFail()) throw nodeError;
	return { json: errorJson(nodeError, details), pairedItem: { item: itemIndex } };
}
