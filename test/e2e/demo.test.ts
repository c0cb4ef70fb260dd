/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The README's first command: `npm run demo` runs scripts/demo.ts after installing, building and
 * setting up n8n (which the test command has already done). This runs that script as a user would
 * and checks its summary against the images it says it wrote.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from './harness';

const run = promisify(execFile);

function summaryNumber(output: string, pattern: RegExp): number {
	const match = pattern.exec(output);
	expect(match, `no line matching ${pattern} in:\n${output}`).not.toBeNull();
	return Number(match?.[1]);
}

describe('npm run demo (scripts/demo.ts)', () => {
	it('runs the example pipeline and trigger in real n8n and reports what it wrote', async () => {
		const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
			cwd: REPO_ROOT,
			env: process.env,
			maxBuffer: 16 * 1024 * 1024,
			timeout: 240_000,
		});
		const jobs = summaryNumber(stdout, /^snapshot jobs submitted: (\d+) .*all finished$/m);
		const images = summaryNumber(stdout, /^images downloaded: (\d+) \(\d+ bytes\)/m);
		const bytes = summaryNumber(stdout, /^images downloaded: \d+ \((\d+) bytes\)/m);
		const callbacks = summaryNumber(
			stdout,
			/^VOD callbacks delivered: (\d+) of \d+ answered 200$/m,
		);
		const triggerRuns = summaryNumber(stdout, /^trigger workflow executions: (\d+)/m);
		expect(jobs).toBeGreaterThan(0);
		expect(callbacks).toBe(jobs);
		expect(triggerRuns).toBe(jobs);

		const outputDir = path.join(REPO_ROOT, '.demo-output');
		const written = readdirSync(outputDir).filter((name) => name.endsWith('.jpg'));
		expect(written).toHaveLength(images);
		const writtenBytes = written.reduce(
			(total, name) => total + statSync(path.join(outputDir, name)).size,
			0,
		);
		expect(writtenBytes).toBe(bytes);
		for (const name of written) expect(stdout).toContain(`.demo-output/${name}`);
	}, 300_000);
});
