/**
 * The example workflows users import (examples/*.json) stay in step with the nodes: every parameter
 * they set exists in the node's description, every option value is one the node offers, and every
 * credential they reference is one the node declares. Runs in the unit project; the e2e tests
 * (test/e2e/pipeline.test.ts, test/e2e/vodTrigger.test.ts) run them in a real n8n.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunVod } from '../../nodes/AliyunVod/AliyunVod.node';
import { AliyunVodTrigger } from '../../nodes/AliyunVod/AliyunVodTrigger.node';
import { PACKAGE_MANIFEST, PACKAGE_NAME } from '../e2e/harness/paths';
import {
	EXAMPLE_OUTPUT_FOLDER,
	loadExample,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	prepareExample,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
} from './examples';

const packageNodes: Record<string, INodeType> = {
	[`${PACKAGE_NAME}.aliyunVod`]: new AliyunVod(),
	[`${PACKAGE_NAME}.aliyunVodTrigger`]: new AliyunVodTrigger(),
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with `parameters` against the properties of that name (several may share a name). */
function parameterProblems(
	parameters: Record<string, unknown>,
	properties: INodeProperties[],
	where: string,
): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(parameters)) {
		const candidates = properties.filter((property) => property.name === name);
		if (candidates.length === 0) {
			problems.push(`${where}: no parameter "${name}"`);
			continue;
		}
		const isExpression = typeof value === 'string' && value.startsWith('=');
		const optionValues = candidates.flatMap((property) =>
			(property.type === 'options' || property.type === 'multiOptions') &&
			Array.isArray(property.options)
				? property.options.map((option) => ('value' in option ? option.value : undefined))
				: [],
		);
		if (optionValues.length > 0 && !isExpression) {
			for (const chosen of Array.isArray(value) ? value : [value]) {
				if (!optionValues.includes(chosen as string))
					problems.push(`${where}: "${name}" has no option ${JSON.stringify(chosen)}`);
			}
		}
		const collections = candidates.filter((property) => property.type === 'collection');
		if (collections.length > 0 && isRecord(value)) {
			const nested = collections.flatMap((property) =>
				(property.options ?? []).filter((option): option is INodeProperties => 'type' in option),
			);
			problems.push(...parameterProblems(value, nested, `${where} › ${name}`));
		}
	}
	return problems;
}

describe.each([PIPELINE_EXAMPLE, TRIGGER_EXAMPLE])('examples/%s', (file) => {
	const example = loadExample(file);
	const ours = example.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`));

	it('uses node types this package registers in n8n', () => {
		expect(ours.length).toBeGreaterThan(0);
		const registered = PACKAGE_MANIFEST.n8n.nodes.map(
			(file) =>
				`${PACKAGE_NAME}.${(file.split('/').pop() ?? '').replace(/\.node\.js$/, '').replace(/^./, (first) => first.toLowerCase())}`,
		);
		for (const node of ours) expect(registered).toContain(node.type);
	});

	it('sets only parameters and option values the nodes have', () => {
		for (const node of ours) {
			const type = packageNodes[node.type];
			expect(type, node.type).toBeDefined();
			expect(parameterProblems(node.parameters, type.description.properties, node.name)).toEqual(
				[],
			);
		}
	});

	it('references only credential types the nodes declare, by name only', () => {
		for (const node of ours) {
			const declared = (packageNodes[node.type].description.credentials ?? []).map(
				(credential) => credential.name,
			);
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				expect(declared).toContain(type);
				// Users create their own credential: the example names one and carries no id.
				expect(reference).toEqual({ name: expect.any(String) });
			}
		}
	});

	it('keeps every connection between nodes that exist', () => {
		const names = new Set(example.nodes.map((node) => node.name));
		for (const [from, outputs] of Object.entries(example.connections)) {
			expect(names).toContain(from);
			for (const connection of (outputs.main ?? []).flat())
				expect(names).toContain(connection?.node);
		}
	});
});

describe('prepareExample', () => {
	it('rewrites credential references, the output folder and the webhook id', () => {
		const credential = { id: 'Cred0001', name: 'Demo key', type: 'aliyunApi', data: {} };
		const pipeline = prepareExample(loadExample(PIPELINE_EXAMPLE), {
			id: 'Pipeline0001',
			credentials: [credential],
			replaceText: [[EXAMPLE_OUTPUT_FOLDER, '/tmp/out/']],
		});
		const search = pipeline.nodes.find((node) => node.name === PIPELINE_NODES.search);
		expect(search?.credentials).toEqual({ aliyunApi: { id: 'Cred0001', name: 'Demo key' } });
		const write = pipeline.nodes.find((node) => node.name === PIPELINE_NODES.write);
		expect(write?.parameters.fileName).toBe(
			'=/tmp/out/{{ $json.JobId }}-{{ $binary.data.fileName }}',
		);

		const trigger = prepareExample(loadExample(TRIGGER_EXAMPLE), {
			id: 'Trigger0001',
			credentials: [{ ...credential, type: 'aliyunVodCallbackApi' }],
			webhookId: 'fresh-webhook-id',
		});
		expect(trigger.nodes.find((node) => node.name === TRIGGER_NODES.trigger)?.webhookId).toBe(
			'fresh-webhook-id',
		);
	});

	it('refuses to leave a credential reference unresolved', () => {
		expect(() =>
			prepareExample(loadExample(PIPELINE_EXAMPLE), { id: 'Pipeline0002', credentials: [] }),
		).toThrow(/no aliyunApi credential/);
	});
});
