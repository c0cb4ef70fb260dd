/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/** Where things are: the repository root, the package name and the files n8n loads from it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

interface PackageManifest {
	name: string;
	n8n: { credentials: string[]; nodes: string[] };
}

function readManifest(): PackageManifest {
	const parsed: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	if (typeof parsed !== 'object' || parsed === null)
		throw new Error('package.json is not an object');
	const manifest = parsed as Partial<PackageManifest>;
	if (typeof manifest.name !== 'string' || !manifest.n8n) {
		throw new Error('package.json lacks "name" or the "n8n" block');
	}
	return { name: manifest.name, n8n: manifest.n8n };
}

export const PACKAGE_MANIFEST = readManifest();

/** `n8n-nodes-video-snapshots`: node types are `${PACKAGE_NAME}.<nodeName>`. */
export const PACKAGE_NAME = PACKAGE_MANIFEST.name;

/** Node type as n8n knows it once the package is installed (e.g. `n8n-nodes-video-snapshots.aliyunVod`). */
export function packageNodeType(nodeName: string): string {
	return `${PACKAGE_NAME}.${nodeName}`;
}

/** Built files n8n loads (the `n8n` block of package.json), absolute. */
export function builtPackageFiles(): string[] {
	return [...PACKAGE_MANIFEST.n8n.credentials, ...PACKAGE_MANIFEST.n8n.nodes].map((file) =>
		path.join(REPO_ROOT, file),
	);
}
