import { TINY_JPEG } from '../../core/jpeg';
import { isRecord } from '../../core/json';
import type { OssStore } from '../oss/ossStore';
import type { OssFile } from './snapshotConfig';

const DEFAULT_TILE_SIDE = 10;

/** `{Count}` / `{TileCount}` → 00001, 00002, … (aliyun.md §i "From an MPS snapshot output to OSS keys"). */
export function expandPlaceholder(key: string, placeholder: string, index: number): string {
	return key.split(placeholder).join(String(index).padStart(5, '0'));
}

function ossFileOf(value: unknown): OssFile | undefined {
	if (!isRecord(value)) return undefined;
	const { Bucket, Location, Object: object } = value;
	if (typeof Bucket !== 'string' || typeof Location !== 'string' || typeof object !== 'string')
		return undefined;
	return { Bucket, Location, Object: object };
}

function writeSeries(
	oss: OssStore,
	file: OssFile,
	placeholder: string,
	count: number,
	now: number,
): void {
	const key = decodeURIComponent(file.Object);
	for (let index = 1; index <= count; index++)
		oss.put(file.Bucket, file.Location, expandPlaceholder(key, placeholder, index), TINY_JPEG, now);
}

function tileSide(tileOut: Record<string, unknown>, name: string): number {
	const value = Number(tileOut[name] ?? DEFAULT_TILE_SIDE);
	return Number.isInteger(value) && value > 0 ? value : DEFAULT_TILE_SIDE;
}

/**
 * What a finished job writes into OSS: `count` images at OutputFile (unless a sprite job drops its
 * cells), and the sprite sheets at TileOutputFile. Returns the number of sheets (TileCount).
 */
export function writeSnapshotObjects(
	oss: OssStore,
	config: Record<string, unknown>,
	count: number,
	now: number,
): number {
	const output = ossFileOf(config.OutputFile);
	const tileOut = isRecord(config.TileOut) ? config.TileOut : undefined;
	const tileFile = ossFileOf(config.TileOutputFile);
	const keepCells = tileOut === undefined || String(tileOut.IsKeepCellPic ?? 'true') !== 'false';
	if (output && keepCells) writeSeries(oss, output, '{Count}', count, now);
	if (!tileOut || !tileFile) return 0;
	const perSheet = tileSide(tileOut, 'Lines') * tileSide(tileOut, 'Columns');
	const tileCount = Math.ceil(count / perSheet);
	writeSeries(oss, tileFile, '{TileCount}', tileCount, now);
	return tileCount;
}
