import { describe, expect, it } from 'vitest';

import { decodeMessageBody } from '../../../../../nodes/shared/transport/mns';
import { base64 } from './harness';

describe('decodeMessageBody (aliyun.md h: JSON, else Base64 JSON, else text)', () => {
	it.each([
		{ raw: '{"State":"Success"}', body: { State: 'Success' }, bodyEncoding: 'json' },
		{ raw: base64('{"State":"Success"}'), body: { State: 'Success' }, bodyEncoding: 'base64Json' },
		{ raw: base64('[1,2]'), body: [1, 2], bodyEncoding: 'base64Json' },
		{ raw: 'job finished', body: 'job finished', bodyEncoding: 'text' },
		// "test" is valid Base64, but of bytes that are not JSON
		{ raw: 'test', body: 'test', bodyEncoding: 'text' },
		{ raw: '', body: '', bodyEncoding: 'text' },
	])('reads $raw as $bodyEncoding', ({ raw, body, bodyEncoding }) => {
		expect(decodeMessageBody(raw)).toEqual({ body, bodyEncoding });
	});
});
