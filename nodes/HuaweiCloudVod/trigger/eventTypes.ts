import type { INodePropertyOptions } from 'n8n-workflow';

/** The `event_type` values VOD documents for notifications (huawei.md §6.2), with human names. */
const VOD_EVENT_TYPES = {
	audioExtractComplete: 'Audio Extract Complete',
	coverComplete: 'Cover Complete',
	createComplete: 'Create Complete',
	parseComplete: 'Parse Complete',
	reviewComplete: 'Review Complete',
	thumbnailComplete: 'Snapshot Complete',
	transcodeComplete: 'Transcode Complete',
} as const;

export type VodEventType = keyof typeof VOD_EVENT_TYPES;

export const DEFAULT_EVENT_TYPES: VodEventType[] = ['thumbnailComplete'];

export const eventTypeOptions: INodePropertyOptions[] = Object.entries(VOD_EVENT_TYPES).map(
	([value, name]) => ({ name, value }),
);

export function isVodEventType(value: unknown): value is VodEventType {
	return typeof value === 'string' && Object.keys(VOD_EVENT_TYPES).includes(value);
}
