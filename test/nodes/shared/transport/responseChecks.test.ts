/**
 * Issue 7 point 2 (a 200 with a broken body) and point 5 (an unknown outcome reads like "retry"):
 * the VOD node in n8n's real execution path against the emulator, with the fault injected on the
 * one action the operation calls.
 */
import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { seedVideoIds } from '../../../emulator/aliyun/vod/videos';
import type { FaultSpec } from '../../../emulator/core/faults';
import { emulatorPerFile } from '../../../emulator/lifecycle';
import type { Emulator } from '../../../emulator/server';
import {
	againstEmulator,
	receivedActions,
	runVod,
	VOD_NODE,
	vodErrorMessage,
} from '../../AliyunVod/harness';

let emulator: Emulator;

emulatorPerFile((started) => (emulator = started));

interface OperationCase {
	name: string;
	action: string;
	parameters: INodeParameters;
	/** A 200 answer the operation cannot use: a success body missing what it needs. */
	missing: { body: string; field: string };
}

const videoId = seedVideoIds.normal;

const OPERATIONS: OperationCase[] = [
	{
		name: 'Snapshot → Get Many',
		action: 'ListSnapshots',
		parameters: { resource: 'snapshot', operation: 'getAll', videoId, returnAll: true },
		missing: {
			body: '{"RequestId":"R1","MediaSnapshot":{"JobId":"j1","Snapshots":{"Snapshot":[]}}}',
			field: 'MediaSnapshot?.Total',
		},
	},
	{
		name: 'Video → Search',
		action: 'SearchMedia',
		parameters: { resource: 'video', operation: 'search', returnAll: true },
		missing: { body: '{"RequestId":"R1","MediaList":[]}', field: 'Total' },
	},
	{
		name: 'Snapshot → Submit',
		action: 'SubmitSnapshotJob',
		parameters: {
			resource: 'snapshot',
			operation: 'submit',
			videoId,
			snapshotSettings: { count: 3, interval: 0 },
		},
		missing: { body: '{"RequestId":"R1"}', field: 'SnapshotJob.JobId' },
	},
	{
		name: 'Video → Get',
		action: 'GetVideoInfo',
		parameters: { resource: 'video', operation: 'get', videoId },
		missing: { body: '{"RequestId":"R1","Video":{}}', field: 'Video.VideoId' },
	},
];

const BROKEN_BODIES: Array<{
	name: string;
	fault: (action: string) => FaultSpec;
	expected: RegExp;
}> = [
	{
		name: 'truncated JSON',
		fault: (action) => ({ kind: 'malformed', match: { action } }),
		expected:
			/^MalformedResponse: Alibaba Cloud answered \w+ with a body that is not a JSON object/,
	},
	{
		name: 'an error body in a 200',
		fault: (action) => ({ kind: 'errorBody200', code: 'InvalidParameter', match: { action } }),
		expected: /^InvalidParameter: /,
	},
];

async function runWithFault(operation: OperationCase, fault: FaultSpec) {
	emulator.injectFault(fault);
	const run = await runVod(operation.parameters, againstEmulator(emulator));
	const taskData = run.data.resultData.runData[VOD_NODE]?.[0];
	return { message: vodErrorMessage(run), output: taskData?.data?.main?.[0] ?? [], taskData };
}

describe('a 2xx answer is checked before it is used (issue 7, point 2)', () => {
	for (const operation of OPERATIONS) {
		for (const broken of BROKEN_BODIES) {
			it(`${operation.name}: ${broken.name} fails the item, with no output`, async () => {
				const { message, output } = await runWithFault(operation, broken.fault(operation.action));
				expect(output).toHaveLength(0);
				expect(message).toMatch(broken.expected);
			});
		}

		it(`${operation.name}: a 200 missing ${operation.missing.field} names the field`, async () => {
			const { message, output } = await runWithFault(operation, {
				kind: 'body200',
				body: operation.missing.body,
				match: { action: operation.action },
			});
			expect(output).toHaveLength(0);
			expect(message).toContain(
				`Alibaba Cloud answered ${operation.action} with HTTP 200 but without ${operation.missing.field}`,
			);
		});
	}

	it('a Submit whose answer is broken says the job may exist and how to check', async () => {
		const submit = OPERATIONS[2];
		const { message } = await runWithFault(submit, {
			kind: 'malformed',
			match: { action: 'SubmitSnapshotJob' },
		});
		expect(message).toContain('The outcome of SubmitSnapshotJob is unknown');
		expect(message).toContain('the snapshot job may have been created');
		expect(message).toContain('Snapshot → Get Many');
		// The job was created: the check the message points to finds it.
		expect(emulator.requests().filter((r) => r.action === 'SubmitSnapshotJob')).toHaveLength(1);
	});

	it('an empty but valid list is no error: a video without snapshot jobs', async () => {
		const run = await runVod(OPERATIONS[0].parameters, againstEmulator(emulator));
		expect(vodErrorMessage(run)).toBeUndefined();
	});
});

describe('a Submit whose outcome is unknown says so and how to check (issue 7, point 5)', () => {
	const submit = OPERATIONS[2];

	it.each([
		['a reset after the handler ran', { kind: 'reset', phase: 'after' } as const],
		['a reset before the handler ran', { kind: 'reset' } as const],
		['a 500', { kind: 'serverError', status: 500 } as const],
		['a 503', { kind: 'serverError', status: 503 } as const],
	])('%s: sent once, and the message is ours, not n8n\'s "retry"', async (_name, fault) => {
		const { message, taskData } = await runWithFault(submit, {
			...fault,
			match: { action: 'SubmitSnapshotJob' },
		});
		expect(receivedActions(emulator).filter((a) => a === 'SubmitSnapshotJob')).toHaveLength(1);
		expect(message).toContain('The outcome of SubmitSnapshotJob is unknown');
		expect(message).toContain('Check with Snapshot → Get Many for this video before running again');
		expect(message).not.toMatch(/retry|try again later/i);
		expect(taskData?.error?.description ?? '').not.toMatch(/try again later/i);
	});
});
