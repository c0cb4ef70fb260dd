import type { VodWireCall } from './vodStandIn';

export const JOB_ID = 'ad90a501b1b94ba6afb72374ad005046';
export const CREATION_TIME = '2017-12-20T12:23:45Z';

/** ListSnapshots over a job of `total` snapshots, paged as VOD pages: PageNo from 1, PageSize per page. */
export function listSnapshotsPage(
	call: VodWireCall,
	total: number,
	urlOf: (index: number) => string = (index) =>
		`http://image.com/snapshot/sample${String(index).padStart(5, '0')}.jpg`,
	jobId = JOB_ID,
): object {
	if (total === 0) return { RequestId: 'REQ-LIST' };
	const pageNo = Number(call.params.PageNo);
	const pageSize = Number(call.params.PageSize);
	const first = (pageNo - 1) * pageSize + 1;
	const last = Math.min(total, pageNo * pageSize);
	const snapshots = [];
	for (let index = first; index <= last; index++)
		snapshots.push({ Index: index, Url: urlOf(index) });
	return {
		RequestId: 'REQ-LIST',
		MediaSnapshot: {
			CreationTime: CREATION_TIME,
			Regular: 'http://image.com/snapshot/sample{SnapshotCount}.jpg',
			JobId: jobId,
			Total: total,
			Snapshots: { Snapshot: snapshots },
		},
	};
}
