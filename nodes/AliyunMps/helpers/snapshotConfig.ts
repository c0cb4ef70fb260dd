import type { IDataObject } from 'n8n-workflow';

import { coerceFields, firstProblem, minimumProblem, rangeProblem } from '../../shared/actions';
import type { MpsFrameType, MpsSnapshotConfig, MpsTileOut } from '../transport/types';
import { toMpsOssFile, type OssFileInput } from './ossFiles';

export const COUNT_PLACEHOLDER = '{Count}';
export const TILE_COUNT_PLACEHOLDER = '{TileCount}';
export const MAX_USER_DATA_BYTES = 1024;
const SIZE = { min: 8, max: 4096 };
const TILE_SIDE = { min: 1, max: 10000 };

/** Snapshot Settings as read from the item (numbers coerced, Time Array parsed). */
export interface SnapshotSettings {
	time?: number;
	num?: number;
	interval?: number;
	timeArray?: number[];
	width?: number;
	height?: number;
	blackLevel?: number;
	pixelBlackThreshold?: number;
	webVtt?: boolean;
}

export interface TileOutSettings {
	lines?: number;
	columns?: number;
	cellWidth?: number;
	cellHeight?: number;
	margin?: number;
	padding?: number;
	color?: string;
	keepCellPictures?: boolean;
}

export const SNAPSHOT_NUMBERS = {
	time: 'Time (ms)',
	num: 'Num',
	interval: 'Interval',
	width: 'Width',
	height: 'Height',
	blackLevel: 'Black Level',
	pixelBlackThreshold: 'Pixel Black Threshold',
} as const;

export const TILE_NUMBERS = {
	lines: 'Lines',
	columns: 'Columns',
	cellWidth: 'Cell Width',
	cellHeight: 'Cell Height',
	margin: 'Margin',
	padding: 'Padding',
} as const;

/** `1000, 5000` (text) or `[1000, 5000]` (an expression's list) → numbers; a message when not. */
export function parseTimeArray(value: unknown): number[] | string {
	const parts = Array.isArray(value) ? value.map(String) : String(value).split(',');
	const points = parts.map((part) => part.trim());
	const numbers = points.map(Number);
	const ascending = numbers.every(
		(point, index) =>
			Number.isInteger(point) && point >= 0 && (index === 0 || point > numbers[index - 1]),
	);
	if (points.some((part) => !/^\d+$/.test(part)) || !ascending)
		return `Time Array must be whole milliseconds in ascending order, separated by commas, e.g. 1000, 5000, 9000 (got "${parts.join(',')}")`;
	return numbers;
}

/** The collection's numbers coerced and Time Array parsed; a message naming the field otherwise. */
export function readSnapshotSettings(collection: IDataObject): SnapshotSettings | string {
	const coerced = coerceFields(collection, { numbers: SNAPSHOT_NUMBERS });
	const { timeArray, ...rest } = coerced;
	const settings = rest as SnapshotSettings;
	if (timeArray === undefined || timeArray === '') return settings;
	const points = parseTimeArray(timeArray);
	return typeof points === 'string' ? points : { ...settings, timeArray: points };
}

export function snapshotSettingsProblem(settings: SnapshotSettings): string | undefined {
	const combined =
		settings.timeArray !== undefined &&
		(settings.time !== undefined || settings.num !== undefined || settings.interval !== undefined)
			? 'Time Array cannot be combined with Time, Num or Interval (MPS answers InvalidParameter.Ambiguity)'
			: undefined;
	return firstProblem(
		minimumProblem(SNAPSHOT_NUMBERS.time, settings.time, 0),
		minimumProblem(SNAPSHOT_NUMBERS.num, settings.num, 1),
		minimumProblem(SNAPSHOT_NUMBERS.interval, settings.interval, 0),
		rangeProblem(SNAPSHOT_NUMBERS.width, settings.width, SIZE.min, SIZE.max),
		rangeProblem(SNAPSHOT_NUMBERS.height, settings.height, SIZE.min, SIZE.max),
		rangeProblem(SNAPSHOT_NUMBERS.blackLevel, settings.blackLevel, 30, 100),
		rangeProblem(SNAPSHOT_NUMBERS.pixelBlackThreshold, settings.pixelBlackThreshold, 0, 255),
		combined,
	);
}

export function tileOutProblem(tile: TileOutSettings): string | undefined {
	return firstProblem(
		rangeProblem(TILE_NUMBERS.lines, tile.lines, TILE_SIDE.min, TILE_SIDE.max),
		rangeProblem(TILE_NUMBERS.columns, tile.columns, TILE_SIDE.min, TILE_SIDE.max),
		rangeProblem(TILE_NUMBERS.cellWidth, tile.cellWidth, SIZE.min, SIZE.max),
		rangeProblem(TILE_NUMBERS.cellHeight, tile.cellHeight, SIZE.min, SIZE.max),
		minimumProblem(TILE_NUMBERS.margin, tile.margin, 0),
		minimumProblem(TILE_NUMBERS.padding, tile.padding, 0),
	);
}

export function userDataProblem(userData: string): string | undefined {
	const bytes = Buffer.byteLength(userData, 'utf8');
	return bytes > MAX_USER_DATA_BYTES
		? `User Data must be at most ${MAX_USER_DATA_BYTES} bytes (got ${bytes})`
		: undefined;
}

/** Num above 1, an Interval, or several time points: MPS writes a numbered series. */
export function takesSeveral(settings: SnapshotSettings): boolean {
	if (settings.timeArray !== undefined) return settings.timeArray.length > 1;
	if (settings.num !== undefined) return settings.num > 1;
	return settings.interval !== undefined;
}

/** The key with `placeholder` before its extension (`snap/frame.jpg` → `snap/frame-{Count}.jpg`). */
export function withPlaceholder(key: string, placeholder: string): string {
	if (key.includes(placeholder)) return key;
	if (key.endsWith('/')) return `${key}${placeholder}.jpg`;
	const dot = key.lastIndexOf('.');
	return dot > key.lastIndexOf('/')
		? `${key.slice(0, dot)}-${placeholder}${key.slice(dot)}`
		: `${key}-${placeholder}`;
}

function text(value: number | undefined): string | undefined {
	return value === undefined ? undefined : String(value);
}

function tileOut(tile: TileOutSettings): MpsTileOut {
	return {
		Lines: text(tile.lines),
		Columns: text(tile.columns),
		CellWidth: text(tile.cellWidth),
		CellHeight: text(tile.cellHeight),
		Margin: text(tile.margin),
		Padding: text(tile.padding),
		Color: tile.color || undefined,
		IsKeepCellPic:
			tile.keepCellPictures === undefined ? undefined : tile.keepCellPictures ? 'true' : 'false',
	};
}

export interface SnapshotJobSpec {
	output: OssFileInput;
	settings: SnapshotSettings;
	frameType: MpsFrameType;
	tile?: { settings: TileOutSettings; output: OssFileInput };
}

/** SnapshotConfig as MPS takes it: keys URL-encoded, numbers as text, FrameType always sent. */
export function snapshotConfig(spec: SnapshotJobSpec): MpsSnapshotConfig {
	const { settings } = spec;
	const several = takesSeveral(settings);
	const outputKey = several
		? withPlaceholder(spec.output.object, COUNT_PLACEHOLDER)
		: spec.output.object;
	return {
		OutputFile: toMpsOssFile({ ...spec.output, object: outputKey }),
		Time: text(settings.time),
		Num: text(settings.num),
		Interval: text(settings.interval),
		Width: text(settings.width),
		Height: text(settings.height),
		FrameType: spec.frameType,
		BlackLevel: text(settings.blackLevel),
		PixelBlackThreshold: text(settings.pixelBlackThreshold),
		Format: settings.webVtt ? 'vtt' : undefined,
		// The request shape is unconfirmed (aliyun.md §e): a JSON array of integers, as MNS messages show it.
		TimeArray: settings.timeArray,
		...(spec.tile && {
			TileOut: tileOut(spec.tile.settings),
			TileOutputFile: toMpsOssFile({
				...spec.tile.output,
				object: withPlaceholder(spec.tile.output.object, TILE_COUNT_PLACEHOLDER),
			}),
		}),
	};
}
