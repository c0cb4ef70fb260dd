/** Snapshot → Submit parameters for `videoId`: Count 3, then `extra` over them. */
export function submitParameters(videoId: string, extra: Record<string, unknown> = {}) {
	return {
		resource: 'snapshot',
		operation: 'submit',
		videoId,
		snapshotSettings: { count: 3 },
		...extra,
	};
}
