import { UserError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { firstProblem, httpUrlProblem, minimumProblem, rangeProblem } from '../../shared/actions';
import { MAX_CALLBACK_URL_BYTES } from '../transport';
import type {
	KeepCellPic,
	SnapshotUserData,
	SpriteSnapshotConfig,
	SnapshotType,
	SubmitSnapshotJobRequest,
} from '../transport/types';

export interface SnapshotSettingsInput {
	count?: number;
	interval?: number;
	specifiedOffsetTime?: number;
	width?: number;
	height?: number;
}

export interface SpriteInput {
	cellWidth?: number;
	cellHeight?: number;
	padding?: number;
	margin?: number;
	color?: string;
	columns?: number;
	lines?: number;
	keepCellPic?: KeepCellPic;
}

export interface UserDataInput {
	extend?: JsonObject;
	callbackUrl?: string;
}

export interface SubmitInput {
	videoId: string;
	snapshotTemplateId: string;
	settings: SnapshotSettingsInput;
	/** undefined when no sprite is requested */
	sprite?: SpriteInput;
	userData: UserDataInput;
}

export const SETTING_LABELS: Record<keyof SnapshotSettingsInput, string> = {
	count: 'Count',
	interval: 'Interval',
	specifiedOffsetTime: 'Specified Offset Time',
	width: 'Width',
	height: 'Height',
};

export const SPRITE_NUMBER_LABELS: Record<
	keyof Omit<SpriteInput, 'color' | 'keepCellPic'>,
	string
> = {
	cellWidth: 'Sprite Cell Width',
	cellHeight: 'Sprite Cell Height',
	padding: 'Sprite Padding',
	margin: 'Sprite Margin',
	columns: 'Sprite Columns',
	lines: 'Sprite Lines',
};

/** VOD echoes Extend back in the callback and caps it at 512 bytes. */
const MAX_EXTEND_BYTES = 512;

function templateConflicts(input: SubmitInput): string[] {
	const conflicts = (Object.keys(SETTING_LABELS) as Array<keyof SnapshotSettingsInput>)
		.filter((key) => input.settings[key] !== undefined)
		.map((key) => SETTING_LABELS[key]);
	if (input.sprite) conflicts.push('Sprite');
	if (input.userData.extend !== undefined) conflicts.push('Extend');
	if (input.userData.callbackUrl !== undefined) conflicts.push('Callback URL');
	return conflicts;
}

function spriteProblem(sprite: SpriteInput | undefined): string | undefined {
	if (!sprite) return undefined;
	return firstProblem(
		minimumProblem(SPRITE_NUMBER_LABELS.cellWidth, sprite.cellWidth, 1),
		minimumProblem(SPRITE_NUMBER_LABELS.cellHeight, sprite.cellHeight, 1),
		minimumProblem(SPRITE_NUMBER_LABELS.padding, sprite.padding, 0),
		minimumProblem(SPRITE_NUMBER_LABELS.margin, sprite.margin, 0),
		rangeProblem(SPRITE_NUMBER_LABELS.columns, sprite.columns, 1, 10000),
		rangeProblem(SPRITE_NUMBER_LABELS.lines, sprite.lines, 1, 10000),
	);
}

function userDataProblem(userData: UserDataInput): string | undefined {
	const urlProblem =
		userData.callbackUrl === undefined
			? undefined
			: httpUrlProblem('Callback URL', userData.callbackUrl, MAX_CALLBACK_URL_BYTES);
	if (urlProblem !== undefined) return urlProblem;
	if (
		userData.extend !== undefined &&
		Buffer.byteLength(JSON.stringify(userData.extend)) > MAX_EXTEND_BYTES
	) {
		return `Extend must be at most ${MAX_EXTEND_BYTES} bytes of JSON`;
	}
	return undefined;
}

/** Returns the first reason VOD would reject or silently ignore the input, or undefined. */
export function submitInputProblem(input: SubmitInput): string | undefined {
	if (input.videoId.trim() === '') return 'Video ID is required';
	if (input.snapshotTemplateId !== '') {
		const conflicts = templateConflicts(input);
		return conflicts.length === 0
			? undefined
			: `Snapshot Template ID cannot be combined with ${conflicts.join(', ')}: VOD ignores every other setting when a template is used. Remove either the template or these settings`;
	}
	const { settings } = input;
	if (settings.count === undefined && settings.interval === undefined) {
		return 'Set at least one of Count and Interval (Snapshot Settings), or a Snapshot Template ID';
	}
	return firstProblem(
		minimumProblem('Count', settings.count, 1),
		minimumProblem('Interval', settings.interval, 0),
		minimumProblem('Specified Offset Time', settings.specifiedOffsetTime, 0),
		rangeProblem('Width', settings.width, 8, 4096),
		rangeProblem('Height', settings.height, 8, 4096),
		spriteProblem(input.sprite),
		userDataProblem(input.userData),
	);
}

function numberAsText(value: number | undefined): string | undefined {
	return value === undefined ? undefined : String(value);
}

/** The document marks some fields required and others optional, so every field with a default is sent. */
export function spriteSnapshotConfig(sprite: SpriteInput): SpriteSnapshotConfig {
	const config: SpriteSnapshotConfig = {
		Padding: String(sprite.padding ?? 0),
		Margin: String(sprite.margin ?? 0),
		Color: sprite.color ?? 'Black',
		Columns: String(sprite.columns ?? 10),
		Lines: String(sprite.lines ?? 10),
		KeepCellPic: sprite.keepCellPic ?? 'keep',
	};
	if (sprite.cellWidth !== undefined) config.CellWidth = String(sprite.cellWidth);
	if (sprite.cellHeight !== undefined) config.CellHeight = String(sprite.cellHeight);
	return config;
}

function userDataJson(userData: UserDataInput): string | undefined {
	if (userData.callbackUrl === undefined && userData.extend === undefined) return undefined;
	const json: SnapshotUserData = {};
	if (userData.callbackUrl !== undefined) {
		json.MessageCallback = { CallbackURL: userData.callbackUrl };
	}
	if (userData.extend !== undefined) json.Extend = userData.extend;
	return JSON.stringify(json);
}

/** Builds the SubmitSnapshotJob parameters from validated input. */
export function submitSnapshotJobRequest(input: SubmitInput): SubmitSnapshotJobRequest {
	if (input.snapshotTemplateId !== '') {
		return { VideoId: input.videoId, SnapshotTemplateId: input.snapshotTemplateId };
	}
	const { settings } = input;
	const request: SubmitSnapshotJobRequest = {
		VideoId: input.videoId,
		Count: settings.count,
		Interval: settings.interval,
		SpecifiedOffsetTime: settings.specifiedOffsetTime,
		Width: numberAsText(settings.width),
		Height: numberAsText(settings.height),
		SpriteSnapshotConfig: input.sprite && JSON.stringify(spriteSnapshotConfig(input.sprite)),
		UserData: userDataJson(input.userData),
	};
	return Object.fromEntries(
		Object.entries(request).filter(([, value]) => value !== undefined),
	) as SubmitSnapshotJobRequest;
}

/** The Extend parameter as a JSON object; empty or blank text or `{}` give undefined. */
export function parseExtend(value: unknown): JsonObject | undefined {
	if (typeof value === 'string' && value.trim() === '') return undefined;
	const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
	if (parsed === undefined) return undefined;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new UserError('Extend must be a JSON object, for example {"batch": "2024-06"}');
	}
	return Object.keys(parsed).length === 0 ? undefined : (parsed as JsonObject);
}

/** The types a finished job can appear under in ListSnapshots. */
export function snapshotTypesFor(input: SubmitInput): SnapshotType[] {
	if (input.snapshotTemplateId !== '') return ['NormalSnapshot', 'SpriteSnapshot'];
	return input.sprite ? ['SpriteSnapshot'] : ['NormalSnapshot'];
}
