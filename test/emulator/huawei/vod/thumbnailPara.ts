import { isRecord } from '../../core/json';
import { illegalField } from '../responses';
import type { ThumbnailPara, ThumbnailType } from './types';

const TYPES: ThumbnailType[] = ['time', 'dots', 'quantity'];
const INT32_MAX = 2147483647;

function intInRange(
	source: Record<string, unknown>,
	name: string,
	min: number,
	max: number,
): number | undefined {
	const value = source[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw illegalField(`thumbnail.${name}`);
	}
	return value;
}

/** Validates the request `thumbnail` object against the ranges of huawei.md 4.1 and fills defaults. */
export function parseThumbnailPara(raw: unknown): ThumbnailPara {
	if (!isRecord(raw)) throw illegalField('thumbnail');
	const type = raw.type;
	if (typeof type !== 'string' || !TYPES.includes(type as ThumbnailType)) {
		throw illegalField('thumbnail.type');
	}
	const para: ThumbnailPara = {
		type: type as ThumbnailType,
		cover_position: intInRange(raw, 'cover_position', 1, INT32_MAX) ?? 1,
		format: intInRange(raw, 'format', 1, 1) ?? 1,
		aspect_ratio: intInRange(raw, 'aspect_ratio', 0, 1) ?? 0,
		max_length: intInRange(raw, 'max_length', 1, INT32_MAX) ?? 480,
	};
	if (para.type === 'time') {
		para.time = intInRange(raw, 'time', 0, 100) ?? 12;
	}
	if (para.type === 'dots') {
		const dots = raw.dots;
		if (
			!Array.isArray(dots) ||
			dots.length === 0 ||
			!dots.every((dot) => typeof dot === 'number' && Number.isInteger(dot) && dot >= 0)
		) {
			throw illegalField('thumbnail.dots');
		}
		para.dots = dots.map(Number);
	}
	if (para.type === 'quantity') {
		const quantity = intInRange(raw, 'quantity', 1, 10);
		if (quantity === undefined) throw illegalField('thumbnail.quantity');
		para.quantity = quantity;
		const quantityTime = intInRange(raw, 'quantity_time', 0, INT32_MAX);
		if (quantityTime !== undefined) para.quantity_time = quantityTime;
	}
	return para;
}

/** Seconds into a video of `durationSeconds` at which the task captures its images. */
export function snapshotOffsets(para: ThumbnailPara, durationSeconds: number): number[] {
	if (para.type === 'dots') {
		return (para.dots ?? []).filter((dot) => dot <= durationSeconds);
	}
	if (para.type === 'quantity') {
		const quantity = para.quantity ?? 1;
		const step = para.quantity_time ? para.quantity_time : durationSeconds / quantity;
		return Array.from({ length: quantity }, (_, k) => Math.floor(k * step)).filter(
			(offset) => offset <= durationSeconds,
		);
	}
	const interval = para.time ?? 12;
	if (interval === 0) return [0];
	const offsets: number[] = [];
	for (let offset = 0; offset < durationSeconds; offset += interval) offsets.push(offset);
	return offsets.length > 0 ? offsets : [0];
}
