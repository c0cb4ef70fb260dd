import { describe, expect, it } from 'vitest';

import { mnsRequestOptions } from '../../../../../nodes/shared/transport/mns';

describe('mnsRequestOptions (vectors mns-ReceiveMessage-longpoll, mns-DeleteMessage)', () => {
	const endpoint = 'https://1234567890123456.mns.cn-shanghai.aliyuncs.com';

	it('builds the ReceiveMessage URL of the vector, as text with the full response', () => {
		expect(
			mnsRequestOptions(endpoint, {
				method: 'GET',
				path: '/queues/vod-events/messages',
				query: { waitseconds: 10 },
			}),
		).toEqual({
			method: 'GET',
			url: 'https://1234567890123456.mns.cn-shanghai.aliyuncs.com/queues/vod-events/messages?waitseconds=10',
			json: false,
			encoding: 'text',
			returnFullResponse: true,
		});
	});

	it('puts the ReceiptHandle raw, with + and /, as the vector does', () => {
		const options = mnsRequestOptions(endpoint, {
			method: 'DELETE',
			path: '/queues/vod-events/messages',
			query: [['ReceiptHandle', 'MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0']],
		});
		expect(options.url).toBe(
			'https://1234567890123456.mns.cn-shanghai.aliyuncs.com/queues/vod-events/messages?ReceiptHandle=MbZj6wDWli+QEauMZc8ZRv37sIW2iJKq3M9Mx/KSbkJ0',
		);
	});

	it('percent-encodes only what a URL cannot carry raw (space, &, #, non-ASCII)', () => {
		const options = mnsRequestOptions(endpoint, {
			method: 'GET',
			path: '/queues/q/messages',
			query: [['a', 'x y&z#é=+/']],
		});
		expect(options.url).toBe(`${endpoint}/queues/q/messages?a=x%20y%26z%23%C3%A9=+/`);
	});
});
