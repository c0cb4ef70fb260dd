import type { ICredentialTestFunctions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { testCallbackKey } from '../../../../nodes/HuaweiCloudVod/trigger/registration';
import { huaweiMfsAuthKey } from '../../../emulator/accounts';

/** The credential Test never calls anything: it only reads the credential it is given. */
const noHelpers = {} as ICredentialTestFunctions;

async function test(data: Record<string, string>) {
	return await testCallbackKey.call(noHelpers, {
		id: 'c1',
		name: 'MFS key',
		type: 'huaweiCloudVodCallbackApi',
		data,
	});
}

describe('Huawei VOD callback key Test', () => {
	it.each([
		['an empty key', { authKey: '' }, 'Authentication Key is empty'],
		[
			'a key with a trailing space',
			{ authKey: 'abc ' },
			'Authentication Key starts or ends with a space',
		],
		[
			'a previous key with a leading space',
			{ authKey: 'abc', previousAuthKey: ' old' },
			'Previous Authentication Key starts or ends with a space',
		],
	])('names the field for %s', async (_name, data, message) => {
		expect(await test(data)).toEqual({ status: 'Error', message });
	});

	it('accepts a set key, saying VOD checks it on its first notification', async () => {
		expect(await test({ authKey: huaweiMfsAuthKey, previousAuthKey: '' })).toEqual({
			status: 'OK',
			message: 'The key is set; VOD checks it on its first notification',
		});
	});
});
