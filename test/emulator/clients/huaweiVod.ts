import { SEEDED_ASSET_IDS } from '../huawei';
import { emulatorPerFile } from '../lifecycle';
import type { Emulator } from '../server';
import { sdkSend, type WireResponse } from './huaweiSdk';
import type {
	AssetProcessResponse,
	ListAssetTaskInfoResponse,
	ListThumbnailDetailsResponse,
	ListThumbnailInfoResponse,
	ShowAssetDetailResponse,
} from '../huawei/vod/types';

/** The VOD snapshot calls as a node would make them, signed by the official SDK (test support). */
export function vodApi(baseUrl: string) {
	return {
		process: async (thumbnail: unknown, assetId: string = SEEDED_ASSET_IDS[0]) =>
			await sdkSend<AssetProcessResponse>(baseUrl, {
				method: 'POST',
				path: '/v1.0/{project_id}/asset/process',
				body: { asset_id: assetId, thumbnail },
			}),
		listThumbnails: async (query: Record<string, string> = {}) =>
			await sdkSend<ListThumbnailInfoResponse>(baseUrl, {
				method: 'GET',
				path: '/v1/{project_id}/asset/thumbnails',
				query,
			}),
		thumbnailDetails: async (query: Record<string, string>) =>
			await sdkSend<ListThumbnailDetailsResponse>(baseUrl, {
				method: 'GET',
				path: '/v1/{project_id}/asset/thumbnail/details',
				query,
			}),
		deleteThumbnails: async (query: Record<string, string | string[]>) =>
			await sdkSend<{ delete_result_array: Array<Record<string, string>> }>(baseUrl, {
				method: 'DELETE',
				path: '/v1/{project_id}/asset/thumbnails',
				query,
			}),
		assetDetails: async (assetId: string, categories: string[] = []) =>
			await sdkSend<ShowAssetDetailResponse>(baseUrl, {
				method: 'GET',
				path: '/v1.0/{project_id}/asset/details',
				query: categories.length > 0 ? { asset_id: assetId, categories } : { asset_id: assetId },
			}),
		setCover: async (thumbnailUrl: string) =>
			await sdkSend<unknown>(baseUrl, {
				method: 'PUT',
				path: '/v1.0/{project_id}/asset/cover',
				body: { thumbnailUrl },
			}),
		tasks: async (query: Record<string, string>) =>
			await sdkSend<ListAssetTaskInfoResponse>(baseUrl, {
				method: 'GET',
				path: '/v1/{project_id}/asset/tasks',
				query,
			}),
	};
}

export type VodApi = ReturnType<typeof vodApi>;

export function taskIdOf(response: WireResponse<AssetProcessResponse>): string {
	const taskId = response.json.thumbnail_task_id;
	if (response.status !== 200 || !taskId)
		throw new Error(`asset/process failed: ${JSON.stringify(response.json)}`);
	return taskId;
}

/**
 * One emulator for the calling test file with a Huawei VOD client on it; `eachTest` sets the
 * Huawei side up again after each test's reset.
 */
export function huaweiVodPerFile(
	use: (emulator: Emulator, api: VodApi) => void,
	eachTest: (emulator: Emulator) => void,
): void {
	let started: Emulator | undefined;
	emulatorPerFile(
		(emulator) => {
			started = emulator;
			use(emulator, vodApi(emulator.url));
		},
		{ eachTest: () => started && eachTest(started) },
	);
}
