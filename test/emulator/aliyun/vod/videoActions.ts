import { isoSeconds, newHexId } from '../../core/ids';
import { AliyunApiError, invalidParameter } from '../gateway/errors';
import type { RpcAction } from '../gateway/rpcGateway';
import type { RpcParams } from '../gateway/rpcParams';
import { parseMatch } from './searchMatch';
import type { VodVideo } from './videos';

export interface VideoCatalog {
	find(videoId: string): VodVideo | undefined;
	all(): VodVideo[];
	coverUrls(video: VodVideo): string[];
}

export const videoNotFound = (): AliyunApiError =>
	new AliyunApiError(404, 'InvalidVideo.NotFound', 'The video does not exist.');

export function findVideo(catalog: VideoCatalog, params: RpcParams): VodVideo {
	const video = catalog.find(params.required('VideoId'));
	if (!video) throw videoNotFound();
	return video;
}

/** The `Video` object of GetVideoInfo / SearchMedia (GetVideoInfo doc sample). */
export function videoBody(video: VodVideo, covers: string[]): Record<string, unknown> {
	return {
		VideoId: video.videoId,
		Title: video.title,
		Status: video.status,
		Duration: video.durationSeconds,
		Size: video.size,
		CreationTime: isoSeconds(video.creationTime),
		ModificationTime: isoSeconds(video.creationTime),
		CoverURL: covers[0] ?? '',
		Snapshots: { Snapshot: covers },
		AppId: video.appId,
		CateId: video.cateId,
		CateName: video.cateName,
		Tags: video.tags ?? '',
		Description: video.description ?? '',
		RegionId: 'cn-shanghai',
		StorageLocation: 'outin-emulator.oss-cn-shanghai.aliyuncs.com',
		StorageClass: 'Standard',
		TemplateGroupId: 'VOD_NO_TRANSCODE',
	};
}

const SEARCH_TYPES = new Set(['video', 'audio', 'image', 'attached']);
const SEARCH_PAGE_SIZE = { min: 1, max: 100 };
/** SearchMedia serves at most this many results by PageNo; deeper results need ScrollToken. */
const MAX_PAGED_RESULTS = 5000;

export function videoActions(catalog: VideoCatalog): Record<string, RpcAction> {
	const scrollTokens = new Map<string, number>();

	const sorted = (params: RpcParams): VodVideo[] => {
		const sortBy = params.get('SortBy') ?? 'CreationTime:Desc';
		if (sortBy !== 'CreationTime:Desc' && sortBy !== 'CreationTime:Asc') {
			throw invalidParameter('SortBy', 'It must be CreationTime:Desc or CreationTime:Asc.');
		}
		const direction = sortBy.endsWith('Desc') ? -1 : 1;
		const matches = parseMatch(params.get('Match'));
		return catalog
			.all()
			.filter(matches)
			.sort((left, right) => direction * (left.creationTime - right.creationTime));
	};

	return {
		GetVideoInfo: (params) => {
			const video = findVideo(catalog, params);
			return { Video: videoBody(video, catalog.coverUrls(video)) };
		},
		SearchMedia: (params) => {
			const searchType = params.get('SearchType') ?? 'video';
			if (!SEARCH_TYPES.has(searchType))
				throw invalidParameter('SearchType', 'Unknown media type.');
			const pageSize = params.integer('PageSize', 10, SEARCH_PAGE_SIZE);
			const pageNo = params.integer('PageNo', 1, { min: 1, max: Number.MAX_SAFE_INTEGER });
			const scrollToken = params.get('ScrollToken');
			const videos = searchType === 'video' ? sorted(params) : [];
			let offset = (pageNo - 1) * pageSize;
			if (scrollToken !== undefined) {
				const scrolled = scrollTokens.get(scrollToken);
				if (scrolled === undefined)
					throw invalidParameter('ScrollToken', 'It is unknown or expired.');
				offset = scrolled;
			} else if (offset + pageSize > MAX_PAGED_RESULTS) {
				throw invalidParameter(
					'PageNo',
					`PageNo * PageSize must not exceed ${MAX_PAGED_RESULTS}; use ScrollToken.`,
				);
			}
			const page = videos.slice(offset, offset + pageSize);
			const nextToken = newHexId();
			scrollTokens.set(nextToken, offset + page.length);
			return {
				Total: videos.length,
				ScrollToken: nextToken,
				MediaList: page.map((video) => ({
					MediaType: 'video',
					MediaId: video.videoId,
					CreationTime: isoSeconds(video.creationTime),
					Video: videoBody(video, catalog.coverUrls(video)),
				})),
			};
		},
	};
}
