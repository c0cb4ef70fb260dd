/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * n8n-core loads n8n-workflow's CommonJS build; without this alias our sources would get its ESM
 * build, and the two copies' error classes would not be the same classes.
 */
const sharedResolve = {
	alias: [{ find: /^n8n-workflow$/, replacement: require.resolve('n8n-workflow') }],
};

export default defineConfig({
	test: {
		projects: [
			{
				resolve: sharedResolve,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['test/**/*.test.ts'],
					exclude: ['test/e2e/**', 'test/editor/**', 'node_modules/**'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			{
				resolve: sharedResolve,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['test/e2e/**/*.test.ts'],
					testTimeout: 300_000,
					hookTimeout: 900_000,
					fileParallelism: false,
				},
			},
			{
				resolve: sharedResolve,
				test: {
					// The editor in a browser: a real n8n and Debian's chromium (scripts/editor-setup.sh).
					name: 'editor',
					environment: 'node',
					include: ['test/editor/**/*.test.ts'],
					testTimeout: 120_000,
					hookTimeout: 900_000,
					fileParallelism: false,
				},
			},
		],
	},
});
