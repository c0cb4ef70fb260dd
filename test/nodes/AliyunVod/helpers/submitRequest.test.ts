import { describe, expect, it } from 'vitest';

import {
	spriteSnapshotConfig,
	submitInputProblem,
	submitSnapshotJobRequest,
} from '../../../../nodes/AliyunVod/helpers/submitRequest';
import type { SubmitInput } from '../../../../nodes/AliyunVod/helpers/submitRequest';

function input(overrides: Partial<SubmitInput> = {}): SubmitInput {
	return {
		videoId: 'd3e680e618708fef7cefbf2cae7cc931',
		snapshotTemplateId: '',
		settings: { count: 5 },
		userData: {},
		...overrides,
	};
}

describe('submitInputProblem', () => {
	it.each<[string, Partial<SubmitInput>, string]>([
		['empty video id', { videoId: '  ' }, 'Video ID is required'],
		['neither Count nor Interval', { settings: {} }, 'Set at least one of Count and Interval'],
		[
			'Width below 8',
			{ settings: { count: 1, width: 7 } },
			'Width must be a whole number from 8 to 4096 (got 7)',
		],
		[
			'Width above 4096',
			{ settings: { count: 1, width: 4097 } },
			'Width must be a whole number from 8 to 4096 (got 4097)',
		],
		[
			'Height below 8',
			{ settings: { count: 1, height: 0 } },
			'Height must be a whole number from 8 to 4096 (got 0)',
		],
		[
			'Height above 4096',
			{ settings: { count: 1, height: 5000 } },
			'Height must be a whole number from 8 to 4096 (got 5000)',
		],
		[
			'negative Interval',
			{ settings: { interval: -1 } },
			'Interval must be a whole number of at least 0 (got -1)',
		],
		['Count 0', { settings: { count: 0 } }, 'Count must be a whole number of at least 1 (got 0)'],
		[
			'negative offset',
			{ settings: { count: 1, specifiedOffsetTime: -5 } },
			'Specified Offset Time must be a whole number of at least 0 (got -5)',
		],
		[
			'sprite Columns 0',
			{ sprite: { columns: 0 } },
			'Sprite Columns must be a whole number from 1 to 10000 (got 0)',
		],
		[
			'sprite Columns 10001',
			{ sprite: { columns: 10001 } },
			'Sprite Columns must be a whole number from 1 to 10000 (got 10001)',
		],
		[
			'sprite Lines 0',
			{ sprite: { lines: 0 } },
			'Sprite Lines must be a whole number from 1 to 10000 (got 0)',
		],
		[
			'sprite Lines 10001',
			{ sprite: { lines: 10001 } },
			'Sprite Lines must be a whole number from 1 to 10000 (got 10001)',
		],
		[
			'callback not http',
			{ userData: { callbackUrl: 'ftp://x' } },
			'Callback URL must be an http:// or https:// URL',
		],
		[
			'Extend over 512 bytes',
			{ userData: { extend: { text: 'x'.repeat(520) } } },
			'Extend must be at most 512 bytes',
		],
		[
			'template with settings, sprite and user data',
			{
				snapshotTemplateId: 'tpl-1',
				settings: { count: 2, width: 640 },
				sprite: {},
				userData: { callbackUrl: 'https://example.com/cb' },
			},
			'Snapshot Template ID cannot be combined with Count, Width, Sprite, Callback URL',
		],
	])('rejects %s', (_name, overrides, message) => {
		expect(submitInputProblem(input(overrides))).toContain(message);
	});

	it.each<[string, Partial<SubmitInput>]>([
		['Count only', { settings: { count: 1 } }],
		['Interval 0 only', { settings: { interval: 0 } }],
		['the size limits', { settings: { count: 1, width: 8, height: 4096 } }],
		['sprite limits', { sprite: { columns: 1, lines: 10000 } }],
		['a template alone', { snapshotTemplateId: 'tpl-1', settings: {} }],
		['Extend of exactly 512 bytes', { userData: { extend: { t: 'x'.repeat(504) } } }],
	])('accepts %s', (_name, overrides) => {
		expect(submitInputProblem(input(overrides))).toBeUndefined();
	});
});

describe('submitSnapshotJobRequest', () => {
	it('sends only VideoId and SnapshotTemplateId for a template', () => {
		expect(submitSnapshotJobRequest(input({ snapshotTemplateId: 'tpl-1', settings: {} }))).toEqual({
			VideoId: 'd3e680e618708fef7cefbf2cae7cc931',
			SnapshotTemplateId: 'tpl-1',
		});
	});

	it('maps every setting, the sprite and the user data', () => {
		const request = submitSnapshotJobRequest(
			input({
				settings: { count: 10, interval: 5, specifiedOffsetTime: 2000, width: 640, height: 360 },
				sprite: {
					cellWidth: 160,
					cellHeight: 90,
					columns: 5,
					lines: 4,
					padding: 2,
					margin: 3,
					color: 'White',
					keepCellPic: 'delete',
				},
				userData: { callbackUrl: 'https://example.com/cb', extend: { batch: 'b1' } },
			}),
		);
		expect(request).toEqual({
			VideoId: 'd3e680e618708fef7cefbf2cae7cc931',
			Count: 10,
			Interval: 5,
			SpecifiedOffsetTime: 2000,
			Width: '640',
			Height: '360',
			SpriteSnapshotConfig: expect.any(String),
			UserData: expect.any(String),
		});
		expect(JSON.parse(request.SpriteSnapshotConfig ?? '')).toEqual({
			CellWidth: '160',
			CellHeight: '90',
			Columns: '5',
			Lines: '4',
			Padding: '2',
			Margin: '3',
			Color: 'White',
			KeepCellPic: 'delete',
		});
		expect(JSON.parse(request.UserData ?? '')).toEqual({
			MessageCallback: { CallbackURL: 'https://example.com/cb' },
			Extend: { batch: 'b1' },
		});
	});

	it('leaves out what was not set', () => {
		expect(submitSnapshotJobRequest(input({ settings: { interval: 0 } }))).toEqual({
			VideoId: 'd3e680e618708fef7cefbf2cae7cc931',
			Interval: 0,
		});
	});

	it.each<[string, Parameters<typeof submitSnapshotJobRequest>[0]['userData'], object]>([
		[
			'only a callback',
			{ callbackUrl: 'https://a.example/cb' },
			{ MessageCallback: { CallbackURL: 'https://a.example/cb' } },
		],
		['only Extend', { extend: { k: 1 } }, { Extend: { k: 1 } }],
	])('UserData with %s', (_name, userData, expected) => {
		expect(JSON.parse(submitSnapshotJobRequest(input({ userData })).UserData ?? '')).toEqual(
			expected,
		);
	});
});

describe('spriteSnapshotConfig', () => {
	it('sends the documented defaults explicitly for an empty sprite section', () => {
		// Defaults from the request-parameter appendix (aliyun.md §d): Padding 0, Margin 0, Color Black,
		// Columns 10, Lines 10, KeepCellPic keep; cell size defaults to the snapshot size, so it is omitted.
		expect(spriteSnapshotConfig({})).toEqual({
			Padding: '0',
			Margin: '0',
			Color: 'Black',
			Columns: '10',
			Lines: '10',
			KeepCellPic: 'keep',
		});
	});
});
