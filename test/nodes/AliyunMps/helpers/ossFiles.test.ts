import { describe, expect, it } from 'vitest';

import { fromMpsOssFile, parseOssUrl } from '../../../../nodes/AliyunMps/helpers/ossFiles';

describe('parseOssUrl', () => {
	it('splits an OSS URL into bucket, location and the decoded key', () => {
		expect(
			parseOssUrl('Input URL', 'https://media.oss-cn-shanghai.aliyuncs.com/in/a%20b.mp4'),
		).toEqual({ bucket: 'media', location: 'oss-cn-shanghai', object: 'in/a b.mp4' });
	});

	it('names the field for a malformed %-escape instead of throwing', () => {
		expect(parseOssUrl('Input URL', 'https://media.oss-cn-shanghai.aliyuncs.com/in/100%.mp4')).toBe(
			'Input URL has a malformed %-escape in its object key (got "https://media.oss-cn-shanghai.aliyuncs.com/in/100%.mp4")',
		);
	});
});

describe('fromMpsOssFile', () => {
	it('decodes the key MPS echoes once', () => {
		expect(
			fromMpsOssFile({
				Bucket: 'media',
				Location: 'oss-cn-shanghai',
				Object: 'out%2F%E5%9B%BE.jpg',
			}),
		).toEqual({ bucket: 'media', location: 'oss-cn-shanghai', object: 'out/图.jpg' });
	});

	it('reads a malformed echoed key as missing', () => {
		expect(
			fromMpsOssFile({ Bucket: 'media', Location: 'oss-cn-shanghai', Object: 'out/%E5.jpg' }),
		).toBeUndefined();
	});
});
