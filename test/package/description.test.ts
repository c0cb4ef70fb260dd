/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The package description (shown in n8n's community-node install and search) and the README's
 * opening promise nodes only for the products that have one in `n8n.nodes`; a product without a
 * node may be named only as planned. Adding a product's node to `n8n.nodes` makes it required.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
	description: string;
	n8n: { nodes: string[] };
};

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** Each product, and the node folder that makes it more than planned. */
const PRODUCTS = [
	{ name: 'Alibaba Cloud VOD', folder: 'AliyunVod' },
	{ name: 'Alibaba Cloud MPS', folder: 'AliyunMps' },
	{ name: 'Huawei Cloud VOD', folder: 'HuaweiCloudVod' },
];

function hasNode(folder: string): boolean {
	return packageJson.n8n.nodes.some((node) => node.startsWith(`dist/nodes/${folder}/`));
}

/** Sentences and list items, with Markdown emphasis and code marks removed. */
function statements(text: string): string[] {
	return text
		.replace(/[*`]/g, '')
		.split(/(?<=\.)\s+|\n\s*-\s+/)
		.map((statement) => statement.replace(/\s+/g, ' ').trim())
		.filter((statement) => statement !== '');
}

/** The README up to its first section: what a visitor reads first. */
const readmeOpening = readme.slice(readme.indexOf('\n'), readme.indexOf('\n## '));

describe.each([
	['package.json description', packageJson.description],
	['README opening', readmeOpening],
])('%s', (_where, text) => {
	it.each(PRODUCTS)('names $name as it is today', ({ name, folder }) => {
		const naming = statements(text).filter((statement) => statement.includes(name));
		expect(naming.length, `${name} is named`).toBeGreaterThan(0);
		const asPlanned = naming.filter((statement) => /\bplanned\b/i.test(statement));
		if (hasNode(folder)) {
			expect(asPlanned, `${name} has a node: it is not planned`).toEqual([]);
		} else {
			expect(asPlanned, `${name} has no node yet: only as planned`).toEqual(naming);
		}
	});
});
