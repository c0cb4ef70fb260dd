import type { IDataObject } from 'n8n-workflow';

import { parseJson } from '../../../credentials/common/json';
import type { VideoInfo } from '../transport/types';

function parsedList(text: string): unknown[] | undefined {
	const parsed = parseJson(text);
	return Array.isArray(parsed) ? parsed : undefined;
}

/**
 * GetVideoInfo's documented sample gives `Snapshots.Snapshot` as a string holding a JSON array
 * while the SDK model has an array; both come out as an array.
 */
export function normalizedVideo(video: VideoInfo): IDataObject {
	const snapshots = video.Snapshots;
	if (
		typeof snapshots !== 'object' ||
		snapshots === null ||
		!('Snapshot' in snapshots) ||
		typeof snapshots.Snapshot !== 'string'
	) {
		return { ...video } as IDataObject;
	}
	const list = parsedList(snapshots.Snapshot);
	return (
		list ? { ...video, Snapshots: { ...snapshots, Snapshot: list } } : { ...video }
	) as IDataObject;
}
