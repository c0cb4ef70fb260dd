/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals */
/**
 * What n8n's verification checks, run on the source tree and on the `npm pack` tarball exactly as
 * users receive it: the community scanner, an empty `dependencies`, and that every node and
 * credential the package declares loads with nothing but n8n-workflow beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');

interface PackageJson {
	name: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	devDependencies: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; strict: boolean; nodes: string[]; credentials: string[] };
}

const packageJson = JSON.parse(
	readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
) as PackageJson;

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

function scan(packageDir: string, patterns?: string[]): ScanResult {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.NODE_ENV;
	const args = [path.join(__dirname, 'scan.mjs'), packageDir];
	if (patterns) args.push(JSON.stringify(patterns));
	const output = execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env });
	return JSON.parse(output) as ScanResult;
}

let workDir: string;
let unpackedPackage: string;

beforeAll(() => {
	if (!existsSync(path.join(repoRoot, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before this test (npm test does it)');
	}
	workDir = mkdtempSync(path.join(tmpdir(), 'video-snapshots-pack-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], {
		cwd: repoRoot,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop() as string;
	const installRoot = path.join(workDir, 'node_modules');
	mkdirSync(installRoot);
	execFileSync('tar', ['-xzf', path.join(workDir, tarball), '-C', workDir]);
	unpackedPackage = path.join(installRoot, packageJson.name);
	execFileSync('mv', [path.join(workDir, 'package'), unpackedPackage]);
	// The only module n8n provides to a community package at run time.
	symlinkSync(
		path.join(repoRoot, 'node_modules', 'n8n-workflow'),
		path.join(installRoot, 'n8n-workflow'),
	);
}, 120_000);

afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('package.json', () => {
	it('declares no runtime dependency and only n8n-workflow as a peer', () => {
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('pins n8n-workflow exactly to the version the e2e n8n ships with', () => {
		expect(packageJson.devDependencies['n8n-workflow']).toMatch(/^\d+\.\d+\.\d+$/);
	});
});

describe('community scanner (analyzePackage)', () => {
	it('reports no error on the source tree', () => {
		const result = scan(repoRoot);
		expect(result.details ?? result.message ?? '').toBe('');
		expect(result.passed).toBe(true);
	}, 120_000);

	it('reports no error on the unpacked npm pack tarball', () => {
		const result = scan(unpackedPackage, ['**/*.js', 'package.json']);
		expect(result.details ?? result.message ?? '').toBe('');
		expect(result.passed).toBe(true);
	}, 120_000);
});

describe('the packed tarball', () => {
	it('contains only dist/ and the package files', () => {
		const listing = execFileSync('find', ['.', '-type', 'f', '-not', '-path', './dist/*'], {
			cwd: unpackedPackage,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.sort();
		expect(
			listing.every((file) => /^\.\/(package\.json|README\.md|LICENSE(\.md)?)$/.test(file)),
		).toBe(true);
	});

	it('loads every declared node and credential with only n8n-workflow installed', () => {
		const entries = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
		const script = `
			const path = require('node:path');
			const loaded = [];
			for (const entry of ${JSON.stringify(entries)}) {
				// n8n's loader takes the export named after the file: Foo.node.js -> Foo.
				const className = path.basename(entry).split('.')[0];
				const instance = new (require(path.join(process.cwd(), entry))[className])();
				loaded.push(instance.description ? instance.description.name : instance.name);
			}
			process.stdout.write(JSON.stringify(loaded));
		`;
		const output = execFileSync(process.execPath, ['-e', script], {
			cwd: unpackedPackage,
			encoding: 'utf8',
			env: { PATH: process.env.PATH ?? '' },
		});
		const names = JSON.parse(output) as string[];
		expect(names.length).toBe(entries.length);
		expect(names.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
	});
});
