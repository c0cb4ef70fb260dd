import { isRecord, parseJson } from '../../core/json';
import { AliyunApiError, invalidParameter } from '../gateway/errors';
import type { RpcParams } from '../gateway/rpcParams';
import type { VodSnapshotOutput } from './snapshotJobs';
import type { VodVideo } from './videos';

export interface VodSnapshotTemplate {
	templateId: string;
	count: number;
	sprite?: { lines: number; columns: number; keepCellPic: boolean };
}

export const seedSnapshotTemplates: readonly VodSnapshotTemplate[] = [
	{ templateId: 'a9f1c7e4b2d84c3e9e0f5a6b7c8d9e01', count: 5 },
	{
		templateId: 'a9f1c7e4b2d84c3e9e0f5a6b7c8d9e02',
		count: 20,
		sprite: { lines: 2, columns: 5, keepCellPic: true },
	},
];

const MAX_OFFSET_TIMES = 30;
const SIZE_RANGE = { min: 8, max: 4096 };
const GRID_RANGE = { min: 1, max: 10000 };

function spriteOutputs(
	count: number,
	sprite: NonNullable<VodSnapshotTemplate['sprite']>,
): VodSnapshotOutput[] {
	const sheets = Math.ceil(count / (sprite.lines * sprite.columns));
	const outputs: VodSnapshotOutput[] = [{ type: 'SpriteSnapshot', count: sheets }];
	if (sprite.keepCellPic) outputs.push({ type: 'SpriteOriginSnapshot', count });
	return outputs;
}

function spriteConfig(params: RpcParams): VodSnapshotTemplate['sprite'] {
	const config = params.jsonObject('SpriteSnapshotConfig');
	if (!config) return undefined;
	const grid = (name: string): number => {
		const raw = config[name];
		if (raw === undefined) return 10;
		const value = Number(raw);
		if (!Number.isInteger(value) || value < GRID_RANGE.min || value > GRID_RANGE.max) {
			throw invalidParameter('SpriteSnapshotConfig', `${name} must be an integer in [1, 10000].`);
		}
		return value;
	};
	const keep = config.KeepCellPic ?? 'keep';
	if (keep !== 'keep' && keep !== 'delete') {
		throw invalidParameter('SpriteSnapshotConfig', 'KeepCellPic must be keep or delete.');
	}
	return { lines: grid('Lines'), columns: grid('Columns'), keepCellPic: keep === 'keep' };
}

function offsetTimes(params: RpcParams): number[] | undefined {
	const raw = params.get('SpecifiedOffsetTimes');
	if (raw === undefined) return undefined;
	const parsed = parseJson(raw);
	if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_OFFSET_TIMES) {
		throw invalidParameter(
			'SpecifiedOffsetTimes',
			`It must be a JSON array of 1 to ${MAX_OFFSET_TIMES} offsets.`,
		);
	}
	if (!parsed.every((value) => Number.isInteger(value) && Number(value) >= 0)) {
		throw invalidParameter('SpecifiedOffsetTimes', 'Offsets must be non-negative integers (ms).');
	}
	return parsed.map(Number);
}

/**
 * Number of snapshots per SubmitSnapshotJob doc: at least one of Count and Interval; when both are
 * set the one giving fewer snapshots wins; Interval 0 spreads Count evenly over the duration.
 */
function snapshotCount(params: RpcParams, video: VodVideo): number {
	const times = offsetTimes(params);
	if (times) return times.length;
	const count = params.integer('Count', undefined, { min: 1, max: 100000 });
	const interval = params.integer('Interval', undefined, { min: 0, max: 86400 });
	if (count === undefined && interval === undefined) {
		throw invalidParameter('Count', 'You must set at least one of Count and Interval.');
	}
	const durationMs = Math.floor(video.durationSeconds * 1000);
	const offset = params.integer('SpecifiedOffsetTime', 0, { min: 0, max: Number.MAX_SAFE_INTEGER });
	if (offset > durationMs)
		throw invalidParameter('SpecifiedOffsetTime', 'It is beyond the video duration.');
	const effectiveInterval = interval ?? 1;
	if (effectiveInterval === 0) return count ?? 1;
	const byInterval = Math.floor((durationMs - offset) / (effectiveInterval * 1000)) + 1;
	return count === undefined ? byInterval : Math.min(count, byInterval);
}

/** What a SubmitSnapshotJob call will produce, after validating its parameters. */
export function planSnapshotJob(
	params: RpcParams,
	video: VodVideo,
	templates: readonly VodSnapshotTemplate[],
): VodSnapshotOutput[] {
	const templateId = params.get('SnapshotTemplateId');
	if (templateId !== undefined) {
		// With a template every parameter but Action and VideoId is ignored.
		const template = templates.find((candidate) => candidate.templateId === templateId);
		if (!template) {
			throw new AliyunApiError(
				404,
				'NoSuchResource',
				`The specified resource ${templateId} does not exist.`,
			);
		}
		return template.sprite
			? spriteOutputs(template.count, template.sprite)
			: [{ type: 'NormalSnapshot', count: template.count }];
	}
	params.integer('Width', undefined, SIZE_RANGE);
	params.integer('Height', undefined, SIZE_RANGE);
	const sprite = spriteConfig(params);
	const count = snapshotCount(params, video);
	return sprite ? spriteOutputs(count, sprite) : [{ type: 'NormalSnapshot', count }];
}

export function parseUserData(params: RpcParams): Record<string, unknown> | undefined {
	const userData = params.jsonObject('UserData');
	if (userData?.MessageCallback !== undefined && !isRecord(userData.MessageCallback)) {
		throw invalidParameter('UserData', 'MessageCallback must be an object.');
	}
	return userData;
}
