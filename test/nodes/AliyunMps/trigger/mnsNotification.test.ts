import { describe, expect, it } from 'vitest';

import { jobImages } from '../../../../nodes/AliyunMps/helpers/jobImages';
import {
	jobFromNotification,
	readNotification,
} from '../../../../nodes/AliyunMps/trigger/mnsNotification';
import { DOC_SUCCESS, received } from './messages';

describe('readNotification', () => {
	it('reads the documented sample, keys in both casings', () => {
		expect(readNotification(received(JSON.stringify(DOC_SUCCESS)))).toEqual({
			notification: {
				jobId: DOC_SUCCESS.jobId,
				type: 'Snapshot',
				state: 'Success',
				userData: '{}',
				urlPattern: DOC_SUCCESS.UrlPattern,
				count: 5,
			},
		});
	});

	it('reads camelCase-only and PascalCase-only bodies alike', () => {
		const camel = { jobId: 'j1', type: 'Snapshot', state: 'Fail', code: 'E1', msg: 'bad' };
		const pascal = { JobId: 'j1', Type: 'Snapshot', State: 'Fail', Code: 'E1', Msg: 'bad' };
		const expected = {
			notification: { jobId: 'j1', type: 'Snapshot', state: 'Fail', code: 'E1', msg: 'bad' },
		};
		expect(readNotification(received(JSON.stringify(camel)))).toEqual(expected);
		expect(readNotification(received(JSON.stringify(pascal)))).toEqual(expected);
	});

	it('reads a Base64 body like a raw JSON one', () => {
		const raw = JSON.stringify(DOC_SUCCESS);
		const base64 = received(Buffer.from(raw, 'utf8').toString('base64'));
		expect(base64.bodyEncoding).toBe('base64Json');
		expect(readNotification(base64)).toEqual(readNotification(received(raw)));
	});

	it.each([
		['text that is neither JSON nor Base64', 'hello world', 'neither JSON nor Base64'],
		['a JSON array', '[1,2]', 'not an object'],
		['a JSON string', '"Snapshot"', 'not an object'],
		['a body without State', JSON.stringify({ JobId: 'j', Type: 'Snapshot' }), 'no State'],
		['an empty object', '{}', 'no JobId, Type, State'],
		['truncated JSON', JSON.stringify(DOC_SUCCESS).slice(0, 40), 'neither JSON nor Base64'],
	])('names the problem of %s', (_label, raw, problem) => {
		const read = readNotification(received(raw));
		expect(read).toEqual({ problem: expect.stringContaining(problem) });
	});
});

describe('jobFromNotification', () => {
	it('turns UrlPattern and Count into the images of the job, decoded once', () => {
		const read = readNotification(
			received(
				JSON.stringify({
					JobId: 'j2',
					Type: 'Snapshot',
					State: 'Success',
					UrlPattern: 'http://snaps.oss-cn-shanghai.aliyuncs.com/out/a%20b-{Count}.jpg',
					Count: 2,
				}),
			),
		);
		if (!('notification' in read)) throw new Error(read.problem);
		const job = jobFromNotification(read.notification, 'Success');
		expect(job).toMatchObject({ Id: 'j2', State: 'Success', Count: '2' });
		expect(jobImages(job).map((image) => [image.bucket, image.location, image.object])).toEqual([
			['snaps', 'oss-cn-shanghai', 'out/a b-00001.jpg'],
			['snaps', 'oss-cn-shanghai', 'out/a b-00002.jpg'],
		]);
	});

	it("keeps a failed job's code and message, and has no images without a UrlPattern", () => {
		const read = readNotification(
			received(
				JSON.stringify({ jobId: 'j3', type: 'Snapshot', state: 'Fail', code: 'C', msg: 'm' }),
			),
		);
		if (!('notification' in read)) throw new Error(read.problem);
		const job = jobFromNotification(read.notification, 'Fail');
		expect(job).toEqual({ Id: 'j3', State: 'Fail', Code: 'C', Message: 'm' });
		expect(jobImages(job)).toEqual([]);
	});
});
