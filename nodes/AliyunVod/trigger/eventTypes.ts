import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Event types VOD documents for HTTP callbacks (Event notification overview and event pages), with
 * the name the editor shows: n8n labels a trigger action "On <name>" and would otherwise lower-case
 * the identifier ("On ai media dna complete").
 */
const VOD_EVENT_NAMES = {
	AddLiveRecordVideoComplete: 'Add Live Record Video Complete',
	AIMediaAuditComplete: 'AI Media Audit Complete',
	AIMediaDNAComplete: 'AI Media DNA Complete',
	AIVideoTagComplete: 'AI Video Tag Complete',
	AttachedMediaUploadComplete: 'Attached Media Upload Complete',
	CreateAuditComplete: 'Create Audit Complete',
	DeleteMediaComplete: 'Delete Media Complete',
	DynamicImageComplete: 'Dynamic Image Complete',
	FileUploadComplete: 'File Upload Complete',
	ImageUploadComplete: 'Image Upload Complete',
	LiveRecordVideoComposeStart: 'Live Record Video Compose Start',
	MediaBaseChangeComplete: 'Media Base Change Complete',
	ProduceMediaComplete: 'Produce Media Complete',
	SnapshotComplete: 'Snapshot Complete',
	StreamTranscodeComplete: 'Stream Transcode Complete',
	TranscodeComplete: 'Transcode Complete',
	UploadByURLComplete: 'Upload by URL Complete',
	VideoAnalysisComplete: 'Video Analysis Complete',
} as const;

export type VodEventType = keyof typeof VOD_EVENT_NAMES;

const VOD_EVENT_TYPES = Object.keys(VOD_EVENT_NAMES) as VodEventType[];

export const DEFAULT_EVENT_TYPES: VodEventType[] = ['SnapshotComplete'];

/** The Events options: a human name, VOD's identifier as the value (saved workflows keep it). */
export const eventTypeOptions: INodePropertyOptions[] = VOD_EVENT_TYPES.map((eventType) => ({
	name: VOD_EVENT_NAMES[eventType],
	value: eventType,
	action: `On ${VOD_EVENT_NAMES[eventType]}`,
	description: `VOD event ${eventType}`,
})).sort((a, b) => a.name.localeCompare(b.name));

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
