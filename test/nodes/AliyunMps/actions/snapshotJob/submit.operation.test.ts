import { describe, expect, it } from 'vitest';

import { emulatorPerFile } from '../../../../emulator/lifecycle';
import type { Emulator } from '../../../../emulator/server';
import { errorMessage, runMps, sentParams, submitParameters } from '../../harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started), { eachTest: () => emulator.setJobDuration(20) });

describe('Snapshot Job → Submit: the request', () => {
	it('URL-encodes the keys, adds {Count} for a series, always sends FrameType, passes Pipeline ID and User Data', async () => {
		const result = await runMps(
			emulator,
			submitParameters({
				snapshotSettings: { num: 3, time: 500, width: 320, height: 180 },
				pipelineId: 'b11c171cced04565b1f38f1ecc390001',
				userData: 'order-42',
			}),
		);
		expect(errorMessage(result)).toBe('');
		const [params] = sentParams(emulator, 'SubmitSnapshotJob');
		expect(JSON.parse(params.Input)).toEqual({
			Bucket: 'videos',
			Location: 'oss-cn-shanghai',
			Object: 'in%2Fclip%201.mp4',
		});
		expect(JSON.parse(params.SnapshotConfig)).toEqual({
			OutputFile: {
				Bucket: 'snaps',
				Location: 'oss-cn-shanghai',
				Object: 'out%2Fframe-%7BCount%7D.jpg',
			},
			Time: '500',
			Num: '3',
			Width: '320',
			Height: '180',
			FrameType: 'intra',
		});
		expect(params.PipelineId).toBe('b11c171cced04565b1f38f1ecc390001');
		expect(params.UserData).toBe('order-42');
		expect(result.items[0].json).toMatchObject({ State: 'Submitted', UserData: 'order-42' });
		expect(result.items[0].json.RequestId).toEqual(expect.any(String));
	});

	it('maps Tile Out, the sheet object with {TileCount}, Time Array, WebVTT and the other settings', async () => {
		await runMps(
			emulator,
			submitParameters({
				outputObject: 'out/{Count}.jpg',
				frameType: 'normal',
				snapshotSettings: {
					timeArray: '1000, 5000,9000',
					blackLevel: 40,
					pixelBlackThreshold: 20,
					webVtt: true,
				},
				tileOut: true,
				tileOutputObject: 'out/sheet.jpg',
				tileOutSettings: {
					lines: 2,
					columns: 3,
					cellWidth: 160,
					cellHeight: 90,
					margin: 4,
					padding: 2,
					color: '#FFFFFF',
					keepCellPictures: false,
				},
			}),
		);
		const config = JSON.parse(sentParams(emulator, 'SubmitSnapshotJob')[0].SnapshotConfig);
		expect(config).toEqual({
			OutputFile: { Bucket: 'snaps', Location: 'oss-cn-shanghai', Object: 'out%2F%7BCount%7D.jpg' },
			FrameType: 'normal',
			BlackLevel: '40',
			PixelBlackThreshold: '20',
			Format: 'vtt',
			TimeArray: [1000, 5000, 9000],
			TileOut: {
				Lines: '2',
				Columns: '3',
				CellWidth: '160',
				CellHeight: '90',
				Margin: '4',
				Padding: '2',
				Color: '#FFFFFF',
				IsKeepCellPic: 'false',
			},
			TileOutputFile: {
				Bucket: 'snaps',
				Location: 'oss-cn-shanghai',
				Object: 'out%2Fsheet-%7BTileCount%7D.jpg',
			},
		});
	});

	it('splits an OSS URL into bucket, location and decoded key', async () => {
		await runMps(
			emulator,
			submitParameters({
				inputSource: 'url',
				inputUrl:
					'https://videos.oss-cn-shanghai-internal.aliyuncs.com/in/%E8%A7%86%E9%A2%91%201.mp4',
			}),
		);
		expect(JSON.parse(sentParams(emulator, 'SubmitSnapshotJob')[0].Input)).toEqual({
			Bucket: 'videos',
			Location: 'oss-cn-shanghai',
			Object: 'in%2F%E8%A7%86%E9%A2%91%201.mp4',
		});
	});

	it('answers a single snapshot at once: no {Count} added, MPS reports Success', async () => {
		const result = await runMps(emulator, submitParameters({ snapshotSettings: { time: 1000 } }));
		expect(
			JSON.parse(sentParams(emulator, 'SubmitSnapshotJob')[0].SnapshotConfig).OutputFile.Object,
		).toBe('out%2Fframe.jpg');
		expect(result.items[0].json).toMatchObject({ State: 'Success', Count: '1' });
	});
});

describe('Snapshot Job → Submit: bad input is refused before any request', () => {
	it.each([
		// An empty field never runs (n8n checks required fields); an expression can still give ''.
		['an empty input bucket', { inputBucket: '={{ "" }}' }, 'Input Bucket is required'],
		['an empty output object', { outputObject: '={{ " " }}' }, 'Output Object is required'],
		[
			'a location that is not oss-<region>',
			{ inputLocation: 'cn-shanghai' },
			'Input Location must be the OSS region id oss-<region>',
		],
		[
			'input in another region',
			{ inputLocation: 'oss-cn-beijing' },
			'MPS only reads input from a bucket in its own region (oss-cn-shanghai)',
		],
		[
			'an OSS URL that is not one',
			{ inputSource: 'url', inputUrl: 'https://example.com/a.mp4' },
			'Input URL must be an OSS object URL',
		],
		[
			'Width below 8',
			{ snapshotSettings: { width: 4 } },
			'Width must be a whole number from 8 to 4096 (got 4)',
		],
		[
			'Height above 4096',
			{ snapshotSettings: { height: 5000 } },
			'Height must be a whole number from 8 to 4096',
		],
		[
			'Num below 1',
			{ snapshotSettings: { num: 0 } },
			'Num must be a whole number of at least 1 (got 0)',
		],
		[
			'a negative Time',
			{ snapshotSettings: { time: -1 } },
			'Time (ms) must be a whole number of at least 0',
		],
		[
			'a Time Array not ascending',
			{ snapshotSettings: { timeArray: '5000, 1000' } },
			'Time Array must be whole milliseconds in ascending order',
		],
		[
			'a Time Array with a fraction',
			{ snapshotSettings: { timeArray: '1000, 1500.5' } },
			'Time Array must be whole milliseconds',
		],
		[
			'a Time Array with Num',
			{ snapshotSettings: { timeArray: '1000', num: 2 } },
			'Time Array cannot be combined with Time, Num or Interval',
		],
		[
			'User Data over 1,024 bytes',
			{ userData: '字'.repeat(342) },
			'User Data must be at most 1024 bytes (got 1026)',
		],
		[
			'Tile Out without a sheet object',
			{ tileOut: true, tileOutputObject: '={{ "" }}' },
			'Sprite Sheet Object is required',
		],
		[
			'Lines above 10000',
			{ tileOut: true, tileOutputObject: 's.jpg', tileOutSettings: { lines: 10001 } },
			'Lines must be a whole number from 1 to 10000',
		],
		[
			'a Link Expiry over 7 days',
			{ waitForCompletion: true, options: { linkExpiry: 604801 } },
			'Link Expiry (Seconds) must be a whole number from 1 to 604800',
		],
	])('%s', async (_name, parameters, message) => {
		const result = await runMps(emulator, submitParameters(parameters));
		expect(errorMessage(result)).toContain(message);
		expect(emulator.requests()).toEqual([]);
	});
});
