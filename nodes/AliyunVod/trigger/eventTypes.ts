import type { INodePropertyOptions } from 'n8n-workflow';

/** Event types VOD documents for HTTP callbacks (Event notification overview and event pages). */
const VOD_EVENT_TYPES = [
	'AddLiveRecordVideoComplete',
	'AIMediaAuditComplete',
	'AIMediaDNAComplete',
	'AIVideoTagComplete',
	'AttachedMediaUploadComplete',
	'CreateAuditComplete',
	'DeleteMediaComplete',
	'DynamicImageComplete',
	'FileUploadComplete',
	'ImageUploadComplete',
	'LiveRecordVideoComposeStart',
	'MediaBaseChangeComplete',
	'ProduceMediaComplete',
	'SnapshotComplete',
	'StreamTranscodeComplete',
	'TranscodeComplete',
	'UploadByURLComplete',
	'VideoAnalysisComplete',
] as const;

export type VodEventType = (typeof VOD_EVENT_TYPES)[number];

export const DEFAULT_EVENT_TYPES: VodEventType[] = ['SnapshotComplete'];

export const eventTypeOptions: INodePropertyOptions[] = VOD_EVENT_TYPES.map((eventType) => ({
	name: eventType,
	value: eventType,
}));

export function isVodEventType(value: unknown): value is VodEventType {
	return typeof value === 'string' && (VOD_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * The EventTypeList sent to SetMessageCallback. AI events cannot be enabled one by one: VOD
 * enables all of them with the single value `AIComplete`.
 */
export function eventTypeListFor(eventTypes: readonly VodEventType[]): string {
	const names = eventTypes.map((eventType) =>
		eventType.startsWith('AI') ? 'AIComplete' : eventType,
	);
	return [...new Set(names)].sort().join(',');
}
