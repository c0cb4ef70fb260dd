import type { INodeParameters } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { againstEndpoint, runVod, vodErrorMessage } from '../../harness';
import type { VodRun } from '../../harness';
import { vodStandInPerFile } from '../../vodStandIn';
import type { VodStandIn } from '../../vodStandIn';
import { submitParameters } from './submitParameters';

let vod: VodStandIn;
vodStandInPerFile((started) => (vod = started));

const VIDEO_ID = 'd3e680e618708fef7cefbf2cae7cc931';

beforeEach(() => vod.answer(() => ({ RequestId: 'REQ-SUBMIT', SnapshotJob: { JobId: 'job-1' } })));

async function runVodAgainstStandIn(parameters: INodeParameters, run: VodRun = {}) {
	return await runVod(parameters, againstEndpoint(vod.url, run));
}

function submit(extra: Record<string, unknown> = {}) {
	return submitParameters(VIDEO_ID, extra);
}

function sentUserData(): unknown {
	const userData = vod.calls().find((call) => call.action === 'SubmitSnapshotJob')?.params.UserData;
	return typeof userData === 'string' ? JSON.parse(userData) : userData;
}

describe('Submit input gaps', () => {
	// First: the pace is shared per account and action, so after other Submits a 0.1 per second
	// pace would wait 10 s for its slot.
	it('accepts Max Requests per Second of 0.1, its minimum', async () => {
		const run = await runVodAgainstStandIn(submit({ options: { maxRequestsPerSecond: 0.1 } }));

		expect(vodErrorMessage(run)).toBeUndefined();
		expect(vod.calls()).toHaveLength(1);
	});

	it.each([
		{ name: 'no host', url: 'http:///' },
		{ name: 'no host, https', url: 'https:///path' },
		{ name: 'a blank in it', url: 'https://example.com/a b' },
	])('refuses a Callback URL with $name before any request', async ({ url }) => {
		const run = await runVodAgainstStandIn(submit({ userData: { callbackUrl: url } }));

		expect(vodErrorMessage(run)).toBe(
			`Callback URL must be an http:// or https:// URL with a host (got "${url}")`,
		);
		expect(vod.calls()).toHaveLength(0);
	});

	it("refuses a Callback URL over VOD's 256 bytes before any request", async () => {
		const url = `https://example.com/${'a'.repeat(237)}`;

		const run = await runVodAgainstStandIn(submit({ userData: { callbackUrl: url } }));

		expect(vodErrorMessage(run)).toBe('Callback URL must be at most 256 bytes (got 257)');
		expect(vod.calls()).toHaveLength(0);
	});

	it('accepts a Callback URL of exactly 256 bytes', async () => {
		const url = `https://example.com/${'a'.repeat(236)}`;

		const run = await runVodAgainstStandIn(submit({ userData: { callbackUrl: url } }));

		expect(vodErrorMessage(run)).toBeUndefined();
		expect(sentUserData()).toEqual({ MessageCallback: { CallbackURL: url } });
	});

	it.each(['HTTPS://example.com/cb', 'Http://example.com/cb'])(
		'accepts the scheme in any case: %s',
		async (url) => {
			const run = await runVodAgainstStandIn(submit({ userData: { callbackUrl: url } }));

			expect(vodErrorMessage(run)).toBeUndefined();
			expect(sentUserData()).toEqual({ MessageCallback: { CallbackURL: url } });
		},
	);

	it.each(['   ', '\n\t '])('treats a blank Extend (%j) as empty', async (extend) => {
		const run = await runVodAgainstStandIn(submit({ userData: { extend } }));

		expect(vodErrorMessage(run)).toBeUndefined();
		expect(sentUserData()).toBeUndefined();
	});

	it.each([1e-9, 0.05, -1])(
		'refuses Max Requests per Second of %s before any request',
		async (maxRequestsPerSecond) => {
			const run = await runVodAgainstStandIn(submit({ options: { maxRequestsPerSecond } }));

			expect(vodErrorMessage(run)).toBe(
				`Max Requests per Second must be at least 0.1 (got ${maxRequestsPerSecond})`,
			);
			expect(vod.calls()).toHaveLength(0);
		},
	);

	it("refuses to run with n8n's Retry On Fail, which would submit jobs again, before any request", async () => {
		const run = await runVodAgainstStandIn(submit(), { retryOnFail: true });

		expect(vodErrorMessage(run)).toMatch(
			/^Turn off Retry On Fail in the node's Settings for Snapshot → Submit: n8n would run every item again/,
		);
		expect(vod.calls()).toHaveLength(0);
	});
});
