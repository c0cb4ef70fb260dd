/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The README's first command: `npm run demo` runs scripts/demo.ts after installing, building and
 * setting up n8n (which the test command has already done). This runs that script as a user would
 * and checks each cloud's summary against the images it says it wrote.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

import { HUAWEI_EXAMPLE_QUANTITY } from '../demo/huawei';
import { REPO_ROOT } from './harness';

const run = promisify(execFile);
const OUTPUT_DIR = path.join(REPO_ROOT, '.demo-output');

let stdout = '';
let durationMs = 0;

function summaryNumber(output: string, pattern: RegExp): number {
	const match = pattern.exec(output);
	expect(match, `no line matching ${pattern} in:\n${output}`).not.toBeNull();
	return Number(match?.[1]);
}

/** The lines of one cloud's section of the summary (up to the next unindented line). */
function section(cloud: string): string {
	const lines = stdout.split('\n');
	const start = lines.indexOf(cloud);
	expect(start, `no "${cloud}" section in:\n${stdout}`).toBeGreaterThanOrEqual(0);
	const rest = lines.slice(start + 1);
	const end = rest.findIndex((line) => !line.startsWith('  '));
	return rest.slice(0, end === -1 ? undefined : end).join('\n');
}

/** The summary's image count and bytes equal the .jpg files in .demo-output/<folder>/, each listed. */
function expectImagesWritten(text: string, folder: string): number {
	const images = summaryNumber(text, /^ {2}images written: (\d+) \(\d+ bytes\)/m);
	const bytes = summaryNumber(text, /^ {2}images written: \d+ \((\d+) bytes\)/m);
	const dir = path.join(OUTPUT_DIR, folder);
	const written = readdirSync(dir).filter((name) => name.endsWith('.jpg'));
	expect(written).toHaveLength(images);
	const writtenBytes = written.reduce(
		(total, name) => total + statSync(path.join(dir, name)).size,
		0,
	);
	expect(writtenBytes).toBe(bytes);
	for (const name of written) expect(text).toContain(`.demo-output/${folder}/${name}`);
	return images;
}

beforeAll(async () => {
	const started = Date.now();
	({ stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
		cwd: REPO_ROOT,
		env: process.env,
		maxBuffer: 16 * 1024 * 1024,
		timeout: 420_000,
	}));
	durationMs = Date.now() - started;
	process.stderr.write(
		`[e2e] npm run demo (scripts/demo.ts) took ${(durationMs / 1000).toFixed(1)} s\n`,
	);
}, 450_000);

describe('npm run demo (scripts/demo.ts)', () => {
	it('reports no problem and prints a section per cloud', () => {
		expect(stdout).not.toContain('PROBLEM:');
		expect(stdout).toMatch(/^total demo time: [\d.]+ s$/m);
	});

	it('Alibaba Cloud VOD: sprite and normal jobs, their images, one callback and one execution per job', () => {
		const text = section('Alibaba Cloud VOD');
		const jobs = summaryNumber(
			text,
			/^ {2}snapshot jobs: (\d+) \(\d+ sprite, \d+ normal\), all finished$/m,
		);
		const images = expectImagesWritten(text, 'vod');
		const callbacks = summaryNumber(text, /^ {2}callbacks answered 200: (\d+) of \d+ /m);
		const triggerRuns = summaryNumber(text, /^ {2}trigger executions: (\d+)/m);
		expect(jobs).toBeGreaterThan(0);
		expect(images).toBeGreaterThanOrEqual(jobs);
		expect(callbacks).toBe(jobs);
		expect(triggerRuns).toBe(jobs);
	});

	it('Alibaba Cloud MPS: one sprite and one normal job, their images read from OSS and written, each fired once by the MNS trigger', () => {
		const text = section('Alibaba Cloud MPS');
		expect(text).toMatch(/^ {2}snapshot jobs: 2 \(1 sprite, 1 normal\), all finished$/m);
		// The example: a 2×5 sheet of 10 cells without the cells, and 3 normal snapshots.
		expect(expectImagesWritten(text, 'mps')).toBe(4);
		expect(text).toMatch(/\.demo-output\/mps\/[0-9a-f]{32}-sprite-00001\.jpg/);
		// The MNS Queue trigger (examples/mps-queue-trigger.json) fired each job once and read every
		// message; it deletes a fired job's message at its next poll, which the demo may end before.
		expect(text).toMatch(
			/^ {2}jobs fired by the MNS trigger \(queue [\w-]+\): 2 of 2 exactly once; messages never received: 0; received, deleted at the trigger's next poll: [0-2]$/m,
		);
		expect(summaryNumber(text, /^ {2}trigger executions: (\d+)/m)).toBeGreaterThanOrEqual(1);
	});

	it('Huawei Cloud VOD: a Quantity task, its images, one MFS callback and one execution', () => {
		const text = section('Huawei Cloud VOD');
		expect(text).toMatch(/^ {2}snapshot tasks: 1 \(Quantity, asset\/process\), all finished$/m);
		expect(expectImagesWritten(text, 'huawei')).toBe(HUAWEI_EXAMPLE_QUANTITY);
		expect(summaryNumber(text, /^ {2}callbacks answered 200: (\d+) of 1 /m)).toBe(1);
		expect(summaryNumber(text, /^ {2}trigger executions: (\d+)/m)).toBe(1);
	});
});
