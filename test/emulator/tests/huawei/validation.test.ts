import { describe, expect, it } from 'vitest';

import type { Emulator } from '../../server';
import { huaweiVodPerFile, type VodApi } from '../../clients/huaweiVod';

let emulator: Emulator;
let api: VodApi;

huaweiVodPerFile(
	(started, client) => {
		emulator = started;
		api = client;
	},
	(started) => {
		started.huawei.setQps(1000);
	},
);

// huawei.md 5: 400 VOD.10053 "The request parameter is illegal, illegal field: {xx}."
function illegal(field: string) {
	return {
		error_code: 'VOD.10053',
		error_msg: `The request parameter is illegal, illegal field: {${field}}.`,
	};
}

describe('VOD parameter validation', () => {
	// Ranges from huawei.md 4.2: offset [0,20000], limit [1,100].
	it.each([
		[{ offset: '20001' }, 'offset'],
		[{ offset: '-1' }, 'offset'],
		[{ limit: '0' }, 'limit'],
		[{ limit: '101' }, 'limit'],
		[{ limit: 'ten' }, 'limit'],
	])('ListThumbnailInfo %o → illegal %s', async (query, field) => {
		const response = await api.listThumbnails(query);
		expect(response.status).toBe(400);
		expect(response.json).toEqual(illegal(field));
	});

	it.each([[{ offset: '20000', limit: '100' }], [{ offset: '0', limit: '1' }]])(
		'ListThumbnailInfo accepts the range ends %o',
		async (query) => {
			expect((await api.listThumbnails(query)).status).toBe(200);
		},
	);

	it('ListThumbnailDetails requires task_id', async () => {
		const response = await api.thumbnailDetails({});
		expect(response.status).toBe(400);
		expect(response.json).toEqual(illegal('task_id'));
	});

	it('ListThumbnailDetails answers VOD.10062 for an unknown task', async () => {
		const response = await api.thumbnailDetails({ task_id: 'nope' });
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({ error_code: 'VOD.10062' });
	});

	// Thumbnail object ranges from huawei.md 4.1.
	it.each([
		[{ type: 'interval' }, 'thumbnail.type'],
		[{}, 'thumbnail.type'],
		[{ type: 'time', time: 101 }, 'thumbnail.time'],
		[{ type: 'time', time: 1.5 }, 'thumbnail.time'],
		[{ type: 'dots' }, 'thumbnail.dots'],
		[{ type: 'dots', dots: [] }, 'thumbnail.dots'],
		[{ type: 'dots', dots: [-1] }, 'thumbnail.dots'],
		[{ type: 'quantity' }, 'thumbnail.quantity'],
		[{ type: 'quantity', quantity: 11 }, 'thumbnail.quantity'],
		[{ type: 'quantity', quantity: 0 }, 'thumbnail.quantity'],
		[{ type: 'time', format: 2 }, 'thumbnail.format'],
		[{ type: 'time', aspect_ratio: 2 }, 'thumbnail.aspect_ratio'],
	])('asset/process thumbnail %o → illegal %s', async (thumbnail, field) => {
		const response = await api.process(thumbnail);
		expect(response.status).toBe(400);
		expect(response.json).toEqual(illegal(field));
		expect(emulator.huawei.tasks()).toEqual([]);
	});

	it.each([
		[{ type: 'time', time: 0 }],
		[{ type: 'time', time: 100 }],
		[{ type: 'quantity', quantity: 1 }],
		[{ type: 'quantity', quantity: 10, quantity_time: 2 }],
		[{ type: 'dots', dots: [0, 59] }],
	])('asset/process accepts %o', async (thumbnail) => {
		expect((await api.process(thumbnail)).status).toBe(200);
	});

	it('asset/process answers VOD.10062 for an unknown asset', async () => {
		const response = await api.process({ type: 'time' }, 'ffffffffffffffffffffffffffffffff');
		expect(response.status).toBe(400);
		expect(response.json).toEqual({
			error_code: 'VOD.10062',
			error_msg: 'Media asset or resource does not exist, please check.',
		});
	});

	it('asset details rejects an unknown category', async () => {
		const response = await api.assetDetails('a', ['cover_info']);
		expect(response.json).toEqual(illegal('categories'));
	});

	it('delete needs at least one and at most ten task ids', async () => {
		expect((await api.deleteThumbnails({})).json).toEqual(illegal('task_id'));
		const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
		expect((await api.deleteThumbnails({ task_id: eleven })).json).toEqual(illegal('task_id'));
	});

	it('every error carries X-Request-Id', async () => {
		const response = await api.listThumbnails({ limit: '0' });
		expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
	});
});
