/**
 * The Alibaba Cloud MPS example (examples/mps-snapshot-pipeline.json) made runnable against the
 * emulator: shared by `npm run demo` (scripts/demo/mps.ts) and the tests of the examples.
 */

export const MPS_PIPELINE_EXAMPLE = 'mps-snapshot-pipeline.json';

/** Folder the MPS pipeline example writes to (n8n's default N8N_RESTRICT_FILE_ACCESS_TO in Docker). */
export const MPS_OUTPUT_FOLDER = '/home/node/.n8n-files/mps-snapshots/';

export const MPS_PIPELINE_NODES = {
	manualTrigger: 'Run Now',
	sprite: 'Submit Sprite Job',
	normal: 'Submit Normal Job',
	merge: 'All Images',
	write: 'Write Images to Disk',
} as const;

/** examples/mps-queue-trigger.json (written by the MPS Trigger's authors): the MNS Queue mode. */
export const MPS_QUEUE_TRIGGER_EXAMPLE = 'mps-queue-trigger.json';

export const MPS_QUEUE_TRIGGER_NODES = {
	trigger: 'MPS Job Finished',
	summary: 'Summarise MPS Job',
} as const;
