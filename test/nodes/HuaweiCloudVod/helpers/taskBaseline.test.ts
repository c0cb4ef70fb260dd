import { describe, expect, it } from 'vitest';

import { tasksSinceBaseline } from '../../../../nodes/HuaweiCloudVod/helpers/taskBaseline';
import type { AssetTaskResult } from '../../../../nodes/HuaweiCloudVod/transport/types';

const ASSET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const BEFORE = '2026-12-07T02:00:00Z';
const NEWEST = '2026-12-07T02:10:00Z';
const AFTER = '2026-12-07T02:10:01Z';

function task(createTime: string | undefined, fields: AssetTaskResult = {}): AssetTaskResult {
	return {
		type: 'THUMBNAIL',
		asset_id: ASSET,
		status: 'SUCCEED',
		create_time: createTime,
		...fields,
	};
}

describe('tasksSinceBaseline', () => {
	it('keeps every task when the asset had none before Create', () => {
		const listed = [task(BEFORE), task(NEWEST)];
		expect(tasksSinceBaseline({ newestTasks: [] }, listed)).toEqual(listed);
	});

	it('keeps tasks created after the newest second and drops older or undated ones', () => {
		const baseline = { newestCreateTime: NEWEST, newestTasks: [task(NEWEST, { task_id: 'old' })] };
		const later = task(AFTER);
		expect(tasksSinceBaseline(baseline, [task(BEFORE), later, task(undefined)])).toEqual([later]);
	});

	it('in the newest second, drops the tasks the baseline had by task_id and keeps new ones', () => {
		const baseline = { newestCreateTime: NEWEST, newestTasks: [task(NEWEST, { task_id: 'old' })] };
		const ours = task(NEWEST, { task_id: 'new', status: 'WAITING' });
		const listed = [task(NEWEST, { task_id: 'old' }), ours];
		expect(tasksSinceBaseline(baseline, listed)).toEqual([ours]);
	});

	it('in the newest second, counts tasks listed without task_id: only those beyond the baseline are new', () => {
		const baseline = { newestCreateTime: NEWEST, newestTasks: [task(NEWEST)] };
		expect(tasksSinceBaseline(baseline, [task(NEWEST)])).toEqual([]);
		const listed = [task(NEWEST), task(NEWEST, { status: 'WAITING' })];
		expect(tasksSinceBaseline(baseline, listed)).toEqual([listed[1]]);
	});

	it('reads the newest second from sub-second or offset times as whole UTC seconds', () => {
		const baseline = { newestCreateTime: NEWEST, newestTasks: [task('2026-12-07T02:10:00.400Z')] };
		const sameSecond = task('2026-12-07T10:10:00.900+08:00', { task_id: 'new' });
		expect(tasksSinceBaseline(baseline, [sameSecond])).toEqual([sameSecond]);
	});
});
