import type { IDataObject } from 'n8n-workflow';

import { downloadSettingsProblem } from '../binary/settings';
import { firstProblem } from './validation';

/** The least pace the Max Requests per Second field offers (its minValue). */
export const MIN_REQUESTS_PER_SECOND = 0.1;

function maxRequestsPerSecondProblem(options: IDataObject): string | undefined {
	const value = options.maxRequestsPerSecond as number | undefined;
	return value !== undefined && !(value >= MIN_REQUESTS_PER_SECOND)
		? `Max Requests per Second must be at least ${MIN_REQUESTS_PER_SECOND} (got ${value})`
		: undefined;
}

/** The first problem in the shared entries of an Options collection (download, pace). */
export function optionsProblem(options: IDataObject): string | undefined {
	return firstProblem(downloadSettingsProblem(options), maxRequestsPerSecondProblem(options));
}

/** What an operation passes to its cloud's request function. */
export interface CallOptions {
	itemIndex: number;
	maxRequestsPerSecond?: number;
}

/** The item, and the Max Requests per Second option (`maxRequestsPerSecondOption`). */
export function callOptions(options: IDataObject, itemIndex: number): CallOptions {
	return { itemIndex, maxRequestsPerSecond: options.maxRequestsPerSecond as number | undefined };
}
