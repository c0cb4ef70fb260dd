import { createHash, createHmac } from 'node:crypto';

import { aliyunAccessKey } from '../accounts';
import type { Emulator } from '../server';
import { send, type AliyunTestKey, type RawResponse } from './aliyunRpc';

/**
 * MNS requests signed straight from the documented formula (aliyun.md h), independently of the
 * project's signer: VERB\nContent-MD5\nContent-Type\nDate\n + x-mns headers + resource.
 */
export async function mnsRequest(
	emulator: Emulator,
	method: string,
	resource: string,
	options: {
		body?: string;
		key?: AliyunTestKey;
		date?: string;
		extraHeaders?: Record<string, string>;
		/** Sign this resource instead of the one sent (to tamper). */
		signedResource?: string;
	} = {},
): Promise<RawResponse> {
	const key = options.key ?? aliyunAccessKey;
	const body = options.body ?? '';
	const date = options.date ?? new Date(emulator.now()).toUTCString();
	const headers: Record<string, string> = { date, 'x-mns-version': '2015-06-06' };
	if (body !== '') {
		headers['content-type'] = 'text/xml';
		headers['content-md5'] = Buffer.from(createHash('md5').update(body).digest('hex')).toString(
			'base64',
		);
	}
	Object.assign(headers, options.extraHeaders);
	const mnsHeaders = Object.keys(headers)
		.filter((name) => name.startsWith('x-mns-'))
		.sort()
		.map((name) => `${name}:${headers[name]}\n`)
		.join('');
	const stringToSign = `${method}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${date}\n${mnsHeaders}${options.signedResource ?? resource}`;
	const signature = createHmac('sha1', key.accessKeySecret).update(stringToSign).digest('base64');
	headers.authorization = `MNS ${key.accessKeyId}:${signature}`;
	return await send(emulator, method, resource, headers, body === '' ? undefined : body);
}

/** The text of the first `<name>` element. */
export function xmlValue(xml: string, name: string): string | undefined {
	return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

export function xmlValues(xml: string, name: string): string[] {
	return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((found) => found[1]);
}

export const sendMessageXml = (body: string): string =>
	`<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://mns.aliyuncs.com/doc/v1/"><MessageBody>${body}</MessageBody></Message>`;
