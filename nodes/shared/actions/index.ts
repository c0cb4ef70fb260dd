export {
	downloadImagesField,
	downloadOptions,
	maxRequestsPerSecondOption,
	readLimit,
	returnAllAndLimitFields,
	waitForCompletionField,
	waitOptions,
} from './fields';
export { jobRunProblem, readJobRun, waitAndDownloadFields } from './jobRun';
export type { JobRun } from './jobRun';
export { asNodeError, errorItemOrThrow, errorJson, PartFailure } from './itemErrors';
export { callOptions, optionsProblem } from './options';
export { coerceFields, coerceText, readBoolean, readOptions, readText } from './parameters';
export type { FieldLabels } from './parameters';
export type { CallOptions } from './options';
export { routeItems } from './router';
export type { Entity, ItemResult, ItemResults, OperationExecute, OperationTable } from './router';
export {
	firstProblem,
	httpUrlProblem,
	minimumProblem,
	rangeProblem,
	requiredProblem,
	retryOnFailProblem,
} from './validation';
