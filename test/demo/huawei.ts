/**
 * The Huawei Cloud VOD examples (examples/huawei-snapshot-{pipeline,trigger}.json) made runnable against
 * the emulator: shared by `npm run demo` (scripts/demo/huawei.ts) and test/e2e/huaweiPipeline.test.ts.
 */
import { huaweiMfsAuthKey } from '../emulator/accounts';
import type { Emulator } from '../emulator/server';
import { huaweiAkSkCredential } from '../e2e/fixtures/clouds';
import { credential, type CredentialJson } from '../e2e/harness';

export const HUAWEI_PIPELINE_EXAMPLE = 'huawei-snapshot-pipeline.json';
export const HUAWEI_TRIGGER_EXAMPLE = 'huawei-snapshot-trigger.json';

/** Folder the Huawei pipeline example writes to (n8n's default N8N_RESTRICT_FILE_ACCESS_TO in Docker). */
export const HUAWEI_OUTPUT_FOLDER = '/home/node/.n8n-files/huawei-snapshots/';

/** The example's Quantity: snapshots per task. */
export const HUAWEI_EXAMPLE_QUANTITY = 5;

export const HUAWEI_PIPELINE_NODES = {
	manualTrigger: 'Run Now',
	asset: 'Asset to Snapshot',
	create: 'Create Quantity Snapshots',
	write: 'Write Images to Disk',
} as const;

export const HUAWEI_TRIGGER_NODES = {
	trigger: 'Thumbnail Complete',
	summary: 'Summarise Snapshot URLs',
} as const;

/** A `huaweiCloudApi` credential (AK/SK) whose VOD and IAM endpoints are the emulator. */
export function emulatorHuaweiCredential(id: string, emulatorUrl: string): CredentialJson {
	return { ...huaweiAkSkCredential(id, emulatorUrl), name: 'Huawei Cloud API (emulator)' };
}

/** The MFS callback key the emulator signs with. */
export function emulatorMfsCallbackCredential(id: string): CredentialJson {
	return credential(id, 'Huawei Cloud VOD Callback Key (emulator)', 'huaweiCloudVodCallbackApi', {
		authKey: huaweiMfsAuthKey,
		previousAuthKey: '',
	});
}

/** What the VOD console's MFS settings do: thumbnailComplete events go to `url`, signed with the key. */
export function pointMfsCallbackAt(emulator: Emulator, url: string): void {
	emulator.huawei.configureMfsCallback({ url, authKey: huaweiMfsAuthKey, retryDelayMs: 500 });
}
