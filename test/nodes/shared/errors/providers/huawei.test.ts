import { describe, expect, it } from 'vitest';

import type { ErrorKind } from '../../../../../nodes/shared/errors';
import { classify } from '../httpErrors';

describe('classifyError — Huawei Cloud codes (huawei.md §1.7, §5)', () => {
	it.each<[string, number, ErrorKind]>([
		['APIGW.0301', 401, 'auth'],
		['APIG.0301', 401, 'auth'],
		['APIGW.0308', 429, 'throttled'],
		['APIG.0308', 429, 'throttled'],
		['APIGW.0302', 403, 'permission'],
		['APIGW.0101', 404, 'client'],
		['APIGW.0201', 502, 'server'],
		['APIGW.0201', 400, 'client'],
		['VOD.10053', 400, 'client'],
		['VOD.10062', 403, 'client'],
		['VOD.10051', 403, 'client'],
	])('%s (HTTP %i) is %s', (code, status, kind) => {
		const classified = classify('huawei', {
			status,
			data: { error_code: code, error_msg: `msg ${code}`, request_id: 'hw-req' },
		});
		expect(classified).toMatchObject({
			provider: 'huawei',
			kind,
			code,
			message: `msg ${code}`,
			requestId: 'hw-req',
		});
	});

	it('treats a 5xx without a code as a server error and reads X-Request-Id', () => {
		expect(
			classify('huawei', { status: 500, headers: { 'X-Request-Id': 'hdr-id' }, data: '' }),
		).toMatchObject({
			kind: 'server',
			requestId: 'hdr-id',
			httpStatus: 500,
		});
	});

	it('reads the {"error":{"code","message"}} shape', () => {
		expect(
			classify('huawei', {
				status: 400,
				data: { error: { code: 'VOD.10081', message: 'illegal' } },
			}),
		).toMatchObject({ kind: 'client', code: 'VOD.10081', message: 'illegal' });
	});
});
