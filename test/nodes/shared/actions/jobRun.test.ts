import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { jobRunProblem, readJobRun } from '../../../../nodes/shared/actions';

const node: INode = {
	id: 'n',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A context whose parameters are `parameters`, read for any item. */
function contextWith(parameters: IDataObject): IExecuteFunctions {
	const context: Pick<IExecuteFunctions, 'getNodeParameter'> = {
		getNodeParameter: ((name: string, _i: number, fallback?: unknown) =>
			parameters[name] ?? fallback) as IExecuteFunctions['getNodeParameter'],
	};
	return context as IExecuteFunctions;
}

const OWN = { numbers: { linkExpiry: 'Link Expiry (Seconds)' } };

describe('readJobRun', () => {
	it("reads wait, download and the shared options, coercing an expression's text", () => {
		const run = readJobRun.call(
			contextWith({
				waitForCompletion: true,
				downloadImages: 'true',
				options: { maxWaitTime: '30', pollInterval: 2 },
			}),
			0,
		);
		expect(run).toEqual({
			options: { maxWaitTime: 30, pollInterval: 2 },
			waitForCompletion: true,
			downloadImages: true,
			wait: { maxWaitSeconds: 30, pollIntervalSeconds: 2 },
		});
	});

	it('coerces the operation’s own Options entries by their labels', () => {
		const run = readJobRun.call(contextWith({ options: { linkExpiry: '600' } }), 0, OWN);
		expect(run.options.linkExpiry).toBe(600);
	});

	it('refuses an own entry that is not a number, naming it', () => {
		expect(() =>
			readJobRun.call(contextWith({ options: { linkExpiry: 'soon' } }), 0, OWN),
		).toThrow('Link Expiry (Seconds) must be a number (got "soon")');
	});

	it('downloads nothing without waiting', () => {
		const run = readJobRun.call(contextWith({ downloadImages: true }), 0);
		expect(run.downloadImages).toBe(false);
	});

	it('names Retry On Fail, then a bad wait only while waiting', () => {
		const wait = readJobRun.call(
			contextWith({ waitForCompletion: true, options: { maxWaitTime: 0 } }),
			0,
		);
		expect(jobRunProblem({ ...node, retryOnFail: true }, 'Job → Submit', wait)).toContain(
			'Turn off Retry On Fail',
		);
		expect(jobRunProblem(node, 'Job → Submit', wait)).toContain('Max Wait Time must be from 1');
		expect(jobRunProblem(node, 'Job → Submit', { ...wait, waitForCompletion: false })).toBe(
			undefined,
		);
	});
});
