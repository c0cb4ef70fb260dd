import { isRecord, parseJson } from '../../core/json';
import { AliyunApiError, invalidParameter } from '../gateway/errors';
import type { RpcParams } from '../gateway/rpcParams';

/** OSS location as MPS takes it: `{"Bucket","Location","Object"}`, Object URL-encoded. */
export interface OssFile {
	Bucket: string;
	Location: string;
	Object: string;
	RoleArn?: string;
}

export interface MpsSnapshotPlan {
	/** Num, Interval or TimeArray set: queued and finished later. */
	async: boolean;
	count: number;
	timeArray?: number[];
}

/** MPS knows nothing of the input's length here; Interval-only jobs assume this duration. */
export const NOMINAL_INPUT_DURATION_MS = 60_000;
const MAX_TIME_POINTS = 100;
const SIZE_RANGE = { min: 8, max: 4096 };

export function ossFile(value: unknown, name: string): OssFile {
	if (!isRecord(value))
		throw invalidParameter(name, 'It must be a JSON object with Bucket, Location and Object.');
	const { Bucket, Location, Object: object, RoleArn } = value;
	if (
		typeof Bucket !== 'string' ||
		typeof Location !== 'string' ||
		typeof object !== 'string' ||
		!Bucket ||
		!Location ||
		!object
	) {
		throw invalidParameter(name, 'Bucket, Location and Object are required strings.');
	}
	return { Bucket, Location, Object: object, ...(typeof RoleArn === 'string' ? { RoleArn } : {}) };
}

function integerField(
	config: Record<string, unknown>,
	name: string,
	min: number,
	max: number,
): number | undefined {
	const raw = config[name];
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw invalidParameter('SnapshotConfig', `${name} must be an integer in [${min}, ${max}].`);
	}
	return value;
}

function timeArray(config: Record<string, unknown>): number[] | undefined {
	const raw = config.TimeArray;
	if (raw === undefined) return undefined;
	const list = typeof raw === 'string' ? parseJson(raw) : isRecord(raw) ? raw.TimePointList : raw;
	if (
		!Array.isArray(list) ||
		list.length === 0 ||
		list.length > MAX_TIME_POINTS ||
		!list.every((item) => typeof item === 'number' && item >= 0)
	) {
		throw invalidParameter(
			'SnapshotConfig',
			`TimeArray must hold 1 to ${MAX_TIME_POINTS} non-negative time points (ms).`,
		);
	}
	return list.map(Number).sort((left, right) => left - right);
}

function hasCountPlaceholder(object: string): boolean {
	return object.includes('{Count}') || object.toUpperCase().includes('%7BCOUNT%7D');
}

/** Validates SnapshotConfig (aliyun.md e) and works out whether the job is asynchronous and how many images it makes. */
export function planMpsSnapshot(config: Record<string, unknown>): MpsSnapshotPlan {
	const output = ossFile(config.OutputFile, 'SnapshotConfig.OutputFile');
	const time = integerField(config, 'Time', 0, Number.MAX_SAFE_INTEGER);
	const num = integerField(config, 'Num', 1, 100000);
	const interval = integerField(config, 'Interval', 0, 86400);
	integerField(config, 'Width', SIZE_RANGE.min, SIZE_RANGE.max);
	integerField(config, 'Height', SIZE_RANGE.min, SIZE_RANGE.max);
	const frameType = config.FrameType;
	if (frameType !== undefined && !['normal', 'intra'].includes(String(frameType).toLowerCase())) {
		throw invalidParameter('SnapshotConfig', 'FrameType must be normal or intra.');
	}
	if (config.TileOut !== undefined) ossFile(config.TileOutputFile, 'SnapshotConfig.TileOutputFile');
	const points = timeArray(config);
	if (points && (num !== undefined || time !== undefined || interval !== undefined)) {
		throw new AliyunApiError(
			400,
			'InvalidParameter.Ambiguity',
			'TimeArray cannot be combined with Num, Time or Interval.',
		);
	}
	let count = 1;
	if (points) count = points.length;
	else if (num === 1) count = 1;
	else if (interval !== undefined && interval > 0) {
		const byInterval =
			Math.floor((NOMINAL_INPUT_DURATION_MS - (time ?? 0)) / (interval * 1000)) + 1;
		count = Math.max(1, num === undefined ? byInterval : Math.min(num, byInterval));
	} else if (num !== undefined) count = num;
	if (count > 1 && !hasCountPlaceholder(output.Object)) {
		throw invalidParameter(
			'SnapshotConfig',
			'OutputFile.Object must contain {Count} when several snapshots are taken.',
		);
	}
	return {
		async: points !== undefined || num !== undefined || interval !== undefined,
		count,
		timeArray: points,
	};
}

export function readJsonParam(params: RpcParams, name: string): Record<string, unknown> {
	params.required(name);
	const value = params.jsonObject(name);
	if (!value) throw invalidParameter(name, 'It must be a JSON object.');
	return value;
}
