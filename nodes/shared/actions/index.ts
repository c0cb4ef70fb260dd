export {
	downloadImagesField,
	downloadOptions,
	jobOutputFields,
	maxRequestsPerSecondOption,
	optionsCollection,
	readLimit,
	returnAllAndLimitFields,
	waitAndDownloadFields,
	waitForCompletionField,
	waitOptions,
} from './fields';
export type { JobOutputFields } from './fields';
export { jobRunProblem, readJobRun } from './jobRun';
export type { JobRun } from './jobRun';
export {
	asNodeError,
	errorItemOrThrow,
	errorJson,
	operationError,
	PartFailure,
} from './itemErrors';
export type { OperationErrorOptions } from './itemErrors';
export { callOptions, optionsProblem } from './options';
export {
	chosenValues,
	coerceFields,
	coerceNumber,
	coerceText,
	readBoolean,
	readOptions,
	readText,
} from './parameters';
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
