import { describe, expect, it } from 'vitest';

import { readCursor } from '../../../../nodes/shared/trigger/pollingCursor';
import { sortMessages } from '../../../../nodes/AliyunMps/trigger/mnsQueuePoll';
import { received } from './messages';

const NOW = 1_700_000_000_000;

function job(id: string, state: string, type = 'Snapshot'): string {
	return JSON.stringify({ JobId: id, jobId: id, Type: type, type, State: state, state });
}

const fresh = () => readCursor({}, NOW);
const ids = (messages: Array<{ MessageId: string }>) =>
	messages.map((message) => message.MessageId);

describe('sortMessages', () => {
	it('fires finished snapshot jobs in enqueue order, whatever order the batch had', () => {
		const sorted = sortMessages(
			[received(job('b', 'Success'), 'M2', 20), received(job('a', 'Fail'), 'M1', 10)],
			['Success', 'Fail'],
			fresh(),
			NOW,
		);
		expect(sorted.fire.map(({ notification }) => notification.jobId)).toEqual(['a', 'b']);
		expect(sorted.drop).toEqual([]);
		expect(sorted.keep).toEqual([]);
	});

	it('drops another Type, an unfinished State and a State not chosen', () => {
		const sorted = sortMessages(
			[
				received(job('t', 'Success', 'Transcode'), 'M1', 1),
				received(job('s', 'Snapshoting'), 'M2', 2),
				received(job('f', 'Fail'), 'M3', 3),
				received(job('ok', 'Success'), 'M4', 4),
			],
			['Success'],
			fresh(),
			NOW,
		);
		expect(sorted.fire.map(({ message }) => message.MessageId)).toEqual(['M4']);
		expect(ids(sorted.drop)).toEqual(['M1', 'M2', 'M3']);
	});

	it('fires a job once when its message comes twice in one batch, and drops the copy', () => {
		const sorted = sortMessages(
			[received(job('a', 'Success'), 'M1', 1), received(job('a', 'Success'), 'M2', 2)],
			['Success', 'Fail'],
			fresh(),
			NOW,
		);
		expect(sorted.fire.map(({ message }) => message.MessageId)).toEqual(['M1']);
		expect(ids(sorted.drop)).toEqual(['M2']);
	});

	it('drops a job the cursor remembers as emitted (a redelivered message)', () => {
		const cursor = { time: NOW - 1000, since: NOW - 5000, seen: [{ id: 'a', time: NOW - 1000 }] };
		const sorted = sortMessages(
			[received(job('a', 'Success'), 'M9', 1), received(job('b', 'Success'), 'M10', 2)],
			['Success', 'Fail'],
			cursor,
			NOW,
		);
		expect(sorted.fire.map(({ notification }) => notification.jobId)).toEqual(['b']);
		expect(ids(sorted.drop)).toEqual(['M9']);
	});

	it('keeps unparseable messages with their problem, neither fired nor dropped', () => {
		const sorted = sortMessages(
			[received('not json', 'M1', 1), received('{"JobId":"x"}', 'M2', 2)],
			['Success', 'Fail'],
			fresh(),
			NOW,
		);
		expect(sorted.fire).toEqual([]);
		expect(sorted.drop).toEqual([]);
		expect(sorted.keep.map(({ message, problem }) => [message.MessageId, problem])).toEqual([
			['M1', 'the body is neither JSON nor Base64 of JSON'],
			['M2', 'the body has no Type, State'],
		]);
	});
});
