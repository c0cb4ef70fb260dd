import type { INodeProperties } from 'n8n-workflow';

/** Whole numbers show without decimals. */
export const whole = { numberPrecision: 0 };

/** Snapshot Settings and the sprite sheet (TileOut) fields of Snapshot Job → Submit. */
export const snapshotSettingsProperties: INodeProperties[] = [
	{
		displayName: 'Snapshot Settings',
		name: 'snapshotSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Without Num, Interval or Time Array, MPS takes one snapshot and answers at once',
		options: [
			{
				displayName: 'Black Level',
				name: 'blackLevel',
				type: 'number',
				typeOptions: { minValue: 30, maxValue: 100, ...whole },
				default: 100,
				description:
					'Black-frame filter for the first snapshot (Time 0 with Num above 1), 30 to 100',
			},
			{
				displayName: 'Height',
				name: 'height',
				type: 'number',
				typeOptions: { minValue: 8, maxValue: 4096, ...whole },
				default: '',
				placeholder: 'Source height',
				description: 'Image height in pixels, 8 to 4096; empty keeps the source height',
			},
			{
				displayName: 'Interval',
				name: 'interval',
				type: 'number',
				typeOptions: { minValue: 0, ...whole },
				default: 10,
				description: 'Seconds between snapshots; 0 spreads them evenly over the video',
			},
			{
				displayName: 'Num',
				name: 'num',
				type: 'number',
				typeOptions: { minValue: 1, ...whole },
				default: 5,
				description: 'Number of snapshots',
			},
			{
				displayName: 'Pixel Black Threshold',
				name: 'pixelBlackThreshold',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 255, ...whole },
				default: 30,
				description: 'Pixel value up to which a pixel counts as black, 0 to 255',
			},
			{
				displayName: 'Time (Ms)',
				name: 'time',
				type: 'number',
				typeOptions: { minValue: 0, ...whole },
				default: 0,
				description: 'Where the first snapshot is taken, in milliseconds from the start',
			},
			{
				displayName: 'Time Array',
				name: 'timeArray',
				type: 'string',
				default: '',
				placeholder: '1000, 5000, 9000',
				description:
					'Exact time points in milliseconds, ascending, comma-separated (at most 100); not with Time, Num or Interval',
			},
			{
				displayName: 'WebVTT',
				name: 'webVtt',
				type: 'boolean',
				default: false,
				description: 'Whether MPS also writes a WebVTT file for the snapshots (Format vtt)',
			},
			{
				displayName: 'Width',
				name: 'width',
				type: 'number',
				typeOptions: { minValue: 8, maxValue: 4096, ...whole },
				default: '',
				placeholder: 'Source width',
				description: 'Image width in pixels, 8 to 4096; empty keeps the source width',
			},
		],
	},
	{
		displayName: 'Sprite Sheet (Tile Out)',
		name: 'tileOut',
		type: 'boolean',
		default: false,
		description: 'Whether to combine the snapshots into sprite sheets (TileOut)',
	},
	{
		displayName: 'Sprite Sheet Object',
		name: 'tileOutputObject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'snapshots/clip-1/sprite-{TileCount}.jpg',
		description:
			'Object key of the sheets in the output bucket; {TileCount} (00001, …) is added when missing',
		displayOptions: { show: { tileOut: [true] } },
	},
	{
		displayName: 'Sprite Sheet Settings',
		name: 'tileOutSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions: { show: { tileOut: [true] } },
		options: [
			{
				displayName: 'Cell Height',
				name: 'cellHeight',
				type: 'number',
				typeOptions: { minValue: 8, maxValue: 4096, ...whole },
				default: 90,
				description:
					'Height of one cell in pixels. Without this setting MPS uses the snapshot height.',
			},
			{
				displayName: 'Cell Width',
				name: 'cellWidth',
				type: 'number',
				typeOptions: { minValue: 8, maxValue: 4096, ...whole },
				default: 160,
				description:
					'Width of one cell in pixels. Without this setting MPS uses the snapshot width.',
			},
			{
				displayName: 'Color',
				name: 'color',
				type: 'color',
				default: '#000000',
				description:
					'Background colour (MPS default black). An expression may give a colour keyword such as white, or random.',
			},
			{
				displayName: 'Columns',
				name: 'columns',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000, ...whole },
				default: 10,
				description: 'Cells per row, 1 to 10000',
			},
			{
				displayName: 'Keep Cell Pictures',
				name: 'keepCellPictures',
				type: 'boolean',
				default: true,
				description: 'Whether MPS keeps the single snapshots the sheets are made of',
			},
			{
				displayName: 'Lines',
				name: 'lines',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000, ...whole },
				default: 10,
				description: 'Rows per sheet, 1 to 10000',
			},
			{
				displayName: 'Margin',
				name: 'margin',
				type: 'number',
				typeOptions: { minValue: 0, ...whole },
				default: 0,
				description: 'Outer border in pixels',
			},
			{
				displayName: 'Padding',
				name: 'padding',
				type: 'number',
				typeOptions: { minValue: 0, ...whole },
				default: 0,
				description: 'Space between cells in pixels',
			},
		],
	},
];
