/**
 * The example workflows users import (examples/*.json, every file there) stay in step with the nodes:
 * they use only this package's nodes and n8n's core nodes, every parameter they set exists in the
 * node's description, every option value is one the node offers, and every credential they reference
 * is one the node declares. Runs in the unit project; the e2e tests (test/e2e/pipeline.test.ts,
 * vodTrigger.test.ts, huaweiPipeline.test.ts, demo.test.ts) run them in a real n8n.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunMps } from '../../nodes/AliyunMps/AliyunMps.node';
import { AliyunMpsTrigger } from '../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { AliyunVod } from '../../nodes/AliyunVod/AliyunVod.node';
import { AliyunVodTrigger } from '../../nodes/AliyunVod/AliyunVodTrigger.node';
import { HuaweiCloudVod } from '../../nodes/HuaweiCloudVod/HuaweiCloudVod.node';
import { HuaweiCloudVodTrigger } from '../../nodes/HuaweiCloudVod/HuaweiCloudVodTrigger.node';
import { PACKAGE_MANIFEST, PACKAGE_NAME } from '../e2e/harness/paths';
import {
	EXAMPLE_OUTPUT_FOLDER,
	exampleFiles,
	loadExample,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	prepareExample,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
	withPollInterval,
} from './examples';
import {
	HUAWEI_OUTPUT_FOLDER,
	HUAWEI_PIPELINE_EXAMPLE,
	HUAWEI_PIPELINE_NODES,
	HUAWEI_TRIGGER_EXAMPLE,
	HUAWEI_TRIGGER_NODES,
} from './huawei';
import { MPS_OUTPUT_FOLDER, MPS_PIPELINE_EXAMPLE, MPS_PIPELINE_NODES } from './mps';

const packageNodes: Record<string, INodeType> = {
	[`${PACKAGE_NAME}.aliyunVod`]: new AliyunVod(),
	[`${PACKAGE_NAME}.aliyunVodTrigger`]: new AliyunVodTrigger(),
	[`${PACKAGE_NAME}.aliyunMps`]: new AliyunMps(),
	[`${PACKAGE_NAME}.aliyunMpsTrigger`]: new AliyunMpsTrigger(),
	[`${PACKAGE_NAME}.huaweiCloudVod`]: new HuaweiCloudVod(),
	[`${PACKAGE_NAME}.huaweiCloudVodTrigger`]: new HuaweiCloudVodTrigger(),
};

/** n8n's core nodes the examples may use besides this package's. */
const CORE_NODE_TYPES = [
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.merge',
	'n8n-nodes-base.set',
	'n8n-nodes-base.readWriteFile',
	'n8n-nodes-base.stickyNote',
];

const EXAMPLE_FILES = exampleFiles();

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

it('the examples folder holds every example the demo and the e2e tests run', () => {
	expect(EXAMPLE_FILES).toEqual(
		expect.arrayContaining([
			PIPELINE_EXAMPLE,
			TRIGGER_EXAMPLE,
			MPS_PIPELINE_EXAMPLE,
			HUAWEI_PIPELINE_EXAMPLE,
			HUAWEI_TRIGGER_EXAMPLE,
		]),
	);
});

describe.each(EXAMPLE_FILES)('examples/%s', (file) => {
	const example = loadExample(file);
	const ours = example.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`));

	it("uses only this package's nodes and n8n's core nodes", () => {
		for (const node of example.nodes.filter((candidate) => !ours.includes(candidate)))
			expect(CORE_NODE_TYPES, node.name).toContain(node.type);
	});

	it('gives every node a unique name and id, and every webhook node a webhookId', () => {
		expect(new Set(example.nodes.map((node) => node.name)).size).toBe(example.nodes.length);
		expect(new Set(example.nodes.map((node) => node.id)).size).toBe(example.nodes.length);
		for (const node of ours.filter((candidate) => candidate.type.endsWith('Trigger'))) {
			const hasWebhooks = (packageNodes[node.type].description.webhooks ?? []).length > 0;
			if (hasWebhooks) expect(node.webhookId, node.name).toEqual(expect.any(String));
		}
	});

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
			// n8n adds Poll Times (`pollTimes`) to every polling trigger's parameters itself.
			const { pollTimes, ...own } = node.parameters;
			if (pollTimes !== undefined) expect(type.description.polling, node.name).toBe(true);
			expect(parameterProblems(own, type.description.properties, node.name)).toEqual([]);
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

	it.each([
		[MPS_PIPELINE_EXAMPLE, MPS_OUTPUT_FOLDER, 'aliyunApi', MPS_PIPELINE_NODES.sprite],
		[HUAWEI_PIPELINE_EXAMPLE, HUAWEI_OUTPUT_FOLDER, 'huaweiCloudApi', HUAWEI_PIPELINE_NODES.create],
	])(
		'%s: writes below the output folder the demo rewrites, with one credential of type %s',
		(file, folder, credentialType, nodeName) => {
			const example = loadExample(file);
			const write = example.nodes.find((node) => node.type === 'n8n-nodes-base.readWriteFile');
			expect(String(write?.parameters.fileName)).toContain(folder);
			const prepared = prepareExample(example, {
				id: 'Pipeline0003',
				credentials: [{ id: 'Cred0002', name: 'Emulator', type: credentialType, data: {} }],
				replaceText: [[folder, '/tmp/out/']],
			});
			const node = prepared.nodes.find((candidate) => candidate.name === nodeName);
			expect(node?.credentials).toEqual({ [credentialType]: { id: 'Cred0002', name: 'Emulator' } });
			const written = prepared.nodes.find((candidate) => candidate.type === write?.type);
			expect(String(written?.parameters.fileName)).toMatch(/^=\/tmp\/out\//);
		},
	);

	it('gives the Huawei trigger example a fresh webhook id and its callback credential', () => {
		const trigger = prepareExample(loadExample(HUAWEI_TRIGGER_EXAMPLE), {
			id: 'Trigger0002',
			credentials: [
				{ id: 'Cred0003', name: 'MFS key', type: 'huaweiCloudVodCallbackApi', data: {} },
			],
			webhookId: 'fresh-mfs-webhook-id',
		});
		const node = trigger.nodes.find((candidate) => candidate.name === HUAWEI_TRIGGER_NODES.trigger);
		expect(node?.webhookId).toBe('fresh-mfs-webhook-id');
		expect(node?.parameters.events).toEqual(['thumbnailComplete']);
	});

	it('refuses to leave a credential reference unresolved', () => {
		expect(() =>
			prepareExample(loadExample(PIPELINE_EXAMPLE), { id: 'Pipeline0002', credentials: [] }),
		).toThrow(/no aliyunApi credential/);
	});
});

describe('withPollInterval', () => {
	it('sets the poll interval of every node that waits for completion, and only those', () => {
		const credential = { id: 'Cred0001', name: 'Demo key', type: 'aliyunApi', data: {} };
		const pipeline = prepareExample(loadExample(PIPELINE_EXAMPLE), {
			id: 'Pipeline0004',
			credentials: [credential],
		});
		const faster = withPollInterval(pipeline, 0.5);
		const polled = faster.nodes.filter(
			(node) => (node.parameters.options as { pollInterval?: number } | undefined)?.pollInterval,
		);
		expect(polled.map((node) => node.name).sort()).toEqual(
			[PIPELINE_NODES.normal, PIPELINE_NODES.sprite].sort(),
		);
		for (const node of polled)
			expect(node.parameters.options).toMatchObject({ pollInterval: 0.5, maxWaitTime: 900 });
		expect(faster.nodes.find((node) => node.name === PIPELINE_NODES.search)).toEqual(
			pipeline.nodes.find((node) => node.name === PIPELINE_NODES.search),
		);
		// The example itself is left as it is.
		expect(
			pipeline.nodes.find((node) => node.name === PIPELINE_NODES.sprite)?.parameters.options,
		).toMatchObject({ pollInterval: 2 });
	});
});
