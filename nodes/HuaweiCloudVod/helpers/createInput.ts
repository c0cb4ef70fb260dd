import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	coerceFields,
	firstProblem,
	rangeProblem,
	readText,
	requiredProblem,
} from '../../shared/actions';
import type { CreateAssetProcessTaskRequest, Thumbnail, ThumbnailType } from '../transport/types';

/** huawei.md §4.1: the ranges of the `thumbnail` object. */
export const INTERVAL_RANGE = { min: 0, max: 100 } as const;
export const QUANTITY_RANGE = { min: 1, max: 10 } as const;
const INT32_MAX = 2147483647;

export interface CreateInput {
	assetId: string;
	type: ThumbnailType;
	interval?: number;
	/** The Time Points text as typed; parsed by `timePoints`. */
	timePointsText: string;
	quantity?: number;
	settings: IDataObject;
}

const SETTING_NUMBERS = {
	coverPosition: 'Cover Position',
	maxLength: 'Max Long Edge (Pixels)',
	quantityTime: 'Seconds Between Snapshots',
};

export function readCreateInput(this: IExecuteFunctions, i: number, assetId: string): CreateInput {
	const type = readText.call(this, 'snapshotType', 'Snapshot Type', i, 'time') as ThumbnailType;
	const number = (name: string, label: string): number | undefined => {
		const fields = coerceFields(
			{ value: this.getNodeParameter(name, i, undefined) },
			{
				numbers: { value: label },
			},
		);
		return fields.value as number | undefined;
	};
	return {
		assetId,
		type,
		interval: type === 'time' ? number('interval', 'Interval (Seconds)') : undefined,
		timePointsText: type === 'dots' ? readText.call(this, 'timePoints', 'Time Points', i) : '',
		quantity: type === 'quantity' ? number('quantity', 'Quantity') : undefined,
		settings: coerceFields(this.getNodeParameter('settings', i, {}) as IDataObject, {
			numbers: SETTING_NUMBERS,
			texts: { templateGroupName: 'Template Group Name' },
		}),
	};
}

/** "5, 10,30" → [5, 10, 30]; undefined when a part is not a whole number of seconds. */
export function timePoints(text: string): number[] | undefined {
	const parts = text.split(/[\s,]+/).filter((part) => part !== '');
	if (parts.length === 0 || !parts.every((part) => /^\d+$/.test(part))) return undefined;
	return parts.map(Number);
}

function typeProblem(input: CreateInput): string | undefined {
	if (input.type === 'time') {
		return rangeProblem(
			'Interval (Seconds)',
			input.interval,
			INTERVAL_RANGE.min,
			INTERVAL_RANGE.max,
		);
	}
	if (input.type === 'dots') {
		return timePoints(input.timePointsText) === undefined
			? `Time Points must be a list of whole seconds such as "5, 10, 30" (got "${input.timePointsText}")`
			: undefined;
	}
	if (input.type === 'quantity') {
		return input.quantity === undefined
			? `Quantity is required, ${QUANTITY_RANGE.min} to ${QUANTITY_RANGE.max}`
			: rangeProblem('Quantity', input.quantity, QUANTITY_RANGE.min, QUANTITY_RANGE.max);
	}
	return `Snapshot Type must be Interval, Time Points or Quantity (got "${String(input.type)}")`;
}

/** The first input problem, naming the field and its allowed values; undefined when all are fine. */
export function createInputProblem(input: CreateInput): string | undefined {
	const { settings } = input;
	return firstProblem(
		requiredProblem('Asset ID', input.assetId),
		typeProblem(input),
		rangeProblem('Cover Position', settings.coverPosition as number | undefined, 1, INT32_MAX),
		rangeProblem('Max Long Edge (Pixels)', settings.maxLength as number | undefined, 1, INT32_MAX),
		input.type === 'quantity'
			? rangeProblem(
					'Seconds Between Snapshots',
					settings.quantityTime as number | undefined,
					0,
					INT32_MAX,
				)
			: undefined,
	);
}

function thumbnailFor(input: CreateInput): Thumbnail {
	const { settings } = input;
	const thumbnail: Thumbnail = { type: input.type };
	if (input.type === 'time') thumbnail.time = input.interval;
	if (input.type === 'dots') thumbnail.dots = timePoints(input.timePointsText);
	if (input.type === 'quantity') {
		thumbnail.quantity = input.quantity;
		if (settings.quantityTime !== undefined)
			thumbnail.quantity_time = settings.quantityTime as number;
	}
	if (settings.coverPosition !== undefined)
		thumbnail.cover_position = settings.coverPosition as number;
	if (settings.aspectRatio !== undefined) thumbnail.aspect_ratio = Number(settings.aspectRatio);
	if (settings.maxLength !== undefined) thumbnail.max_length = settings.maxLength as number;
	return thumbnail;
}

/** The asset/process body; settings left out are VOD's defaults. */
export function assetProcessRequest(input: CreateInput): CreateAssetProcessTaskRequest {
	const request: CreateAssetProcessTaskRequest = {
		asset_id: input.assetId,
		thumbnail: thumbnailFor(input),
	};
	const group = ((input.settings.templateGroupName as string | undefined) ?? '').trim();
	if (group !== '') request.template_group_name = group;
	return request;
}
