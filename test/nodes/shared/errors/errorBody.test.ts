import { describe, expect, it } from 'vitest';

import { parseErrorBody, parseXmlErrorBody } from '../../../../nodes/shared/errors/errorBody';

describe('parseXmlErrorBody', () => {
	it('reads the flat <Error> document (aliyun.md §f)', () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n\t<RequestId>R-1</RequestId>\n\t<HostId>vod.cn-shanghai.aliyuncs.com</HostId>\n' +
			'\t<Code>InvalidParameter</Code>\n\t<Message>The &quot;VideoId&quot; is &lt;invalid&gt; &#38; &#x41;</Message>\n</Error>\n';
		expect(parseXmlErrorBody(xml)).toEqual({
			code: 'InvalidParameter',
			message: 'The "VideoId" is <invalid> & A',
			requestId: 'R-1',
		});
	});

	it('accepts attributes on the root and empty elements', () => {
		expect(
			parseXmlErrorBody(
				'<Error xmlns="http://mns.aliyuncs.com/doc/v1/"><Code>A</Code><Message /></Error>',
			),
		).toEqual({
			code: 'A',
			message: undefined,
			requestId: undefined,
		});
	});

	it('reads the fields of an <Error> that also holds stray text', () => {
		expect(parseXmlErrorBody('<Error><Code>A</Code>trailing text</Error>')).toEqual({
			code: 'A',
			message: undefined,
			requestId: undefined,
		});
	});

	it.each([
		['nested elements', '<Error><Code><Inner>A</Inner></Code></Error>'],
		['another root', '<Response><Code>A</Code></Response>'],
		['mismatched tags', '<Error><Code>A</Message></Error>'],
		['not XML', 'not xml'],
	])('rejects %s', (_name, xml) => {
		expect(parseXmlErrorBody(xml)).toBeUndefined();
	});
});

describe('parseErrorBody', () => {
	it.each([
		['an Aliyun JSON object', { RequestId: 'r', Code: 'C', Message: 'm' }],
		['Aliyun JSON text', JSON.stringify({ RequestId: 'r', Code: 'C', Message: 'm' })],
		['a Huawei gateway body', { request_id: 'r', error_code: 'C', error_msg: 'm' }],
		['a Huawei {error:{…}} body', { error: { code: 'C', message: 'm', request_id: 'r' } }],
		['XML text', '<Error><RequestId>r</RequestId><Code>C</Code><Message>m</Message></Error>'],
	])('reads %s', (_name, body) => {
		expect(parseErrorBody(body)).toEqual({ code: 'C', message: 'm', requestId: 'r' });
	});

	it.each([
		['empty text', ''],
		['plain text', 'Bad Gateway'],
		['a JSON array', '[1,2]'],
		['a number', 404],
		['undefined', undefined],
	])('gives no fields for %s', (_name, body) => {
		expect(parseErrorBody(body)).toEqual({});
	});
});
