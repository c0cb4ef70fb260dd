import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	DELETES_DUE_KEY,
	readDeletesDue,
	writeDeletesDue,
} from '../../../../nodes/AliyunMps/trigger/mnsDeletes';
import { received } from './messages';

describe('deletes due (the receipt handles a poll leaves for the next one)', () => {
	it('keeps the message id and receipt handle of each emitted message, nothing of its body', () => {
		const staticData: IDataObject = {};
		writeDeletesDue(staticData, [received('{}', 'M1'), received('{}', 'M2')]);
		expect(staticData[DELETES_DUE_KEY]).toEqual([
			{ MessageId: 'M1', ReceiptHandle: '1-M1+/8=' },
			{ MessageId: 'M2', ReceiptHandle: '1-M2+/8=' },
		]);
		expect(readDeletesDue(staticData)).toEqual(staticData[DELETES_DUE_KEY]);
	});

	it('removes the key when none are due, and leaves data without it untouched', () => {
		const staticData: IDataObject = {
			[DELETES_DUE_KEY]: [{ MessageId: 'M1', ReceiptHandle: 'h' }],
		};
		writeDeletesDue(staticData, []);
		expect(staticData).toEqual({});
		const idle: IDataObject = { pollingCursor: { time: 1, since: 1, seen: [] } };
		writeDeletesDue(idle, []);
		expect(idle).toEqual({ pollingCursor: { time: 1, since: 1, seen: [] } });
	});

	it.each([
		['no key', {}],
		['not a list', { [DELETES_DUE_KEY]: 'h' }],
		['entries without both strings', { [DELETES_DUE_KEY]: [{ MessageId: 'M1' }, 'h', null] }],
	])('reads none from %s', (_case, staticData: IDataObject) => {
		expect(readDeletesDue(staticData)).toEqual([]);
	});
});
