import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunVod } from '../../../../nodes/AliyunVod/AliyunVod.node';
import { AliyunVodTrigger } from '../../../../nodes/AliyunVod/AliyunVodTrigger.node';

const { description } = new AliyunVodTrigger();

function property(name: string) {
	const found = description.properties.find((candidate) => candidate.name === name);
	if (found === undefined) throw new Error(`no parameter ${name}`);
	return found;
}

/** aliyun.md g: the event types of VOD's Event notification overview and its AI event pages. */
const DOCUMENTED_EVENT_TYPES = [
	'FileUploadComplete',
	'ImageUploadComplete',
	'StreamTranscodeComplete',
	'TranscodeComplete',
	'SnapshotComplete',
	'DynamicImageComplete',
	'AddLiveRecordVideoComplete',
	'LiveRecordVideoComposeStart',
	'UploadByURLComplete',
	'CreateAuditComplete',
	'VideoAnalysisComplete',
	'AttachedMediaUploadComplete',
	'ProduceMediaComplete',
	'DeleteMediaComplete',
	'MediaBaseChangeComplete',
	'AIMediaAuditComplete',
	'AIMediaDNAComplete',
	'AIVideoTagComplete',
];

describe('Alibaba Cloud VOD Trigger description', () => {
	it('is a POST webhook trigger that answers on receipt', () => {
		expect(description).toMatchObject({
			name: 'aliyunVodTrigger',
			displayName: 'Alibaba Cloud VOD Trigger',
			group: ['trigger'],
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			],
		});
		expect(description.usableAsTool).toBeUndefined();
	});

	it('asks for the callback key unless verification is off, and for aliyunApi only to register', () => {
		expect(description.credentials).toEqual([
			{
				name: 'aliyunVodCallbackApi',
				required: true,
				testedBy: 'aliyunVodCallbackKeyFormat',
				displayOptions: { show: { verifySignature: [true] } },
			},
			{ name: 'aliyunApi', required: true, displayOptions: { show: { registerCallback: [true] } } },
		]);
	});

	it('verifies signatures and leaves registration off by default', () => {
		expect(property('verifySignature').default).toBe(true);
		expect(property('registerCallback').default).toBe(false);
		expect(property('registerDuringTest').default).toBe(false);
		expect(property('appId').default).toBe('app-1000000');
	});

	it('offers every documented event type, SnapshotComplete by default', () => {
		const events = property('events');

		expect(events.default).toEqual(['SnapshotComplete']);
		expect(
			events.options?.map((option) => ('value' in option ? option.value : undefined)).sort(),
		).toEqual([...DOCUMENTED_EVENT_TYPES].sort());
	});

	it('defaults the replay window to 300 seconds', () => {
		const options = property('options').options ?? [];
		const window = options.find((option) => 'name' in option && option.name === 'maxAgeSeconds');

		expect(window).toMatchObject({ default: 300 });
	});
});

/**
 * n8n's nodes panel (editor-ui useActionsGeneration, generateMergedNodesAndActions) merges a trigger
 * into the node whose type name is the trigger's without "Trigger", and gives the merged entry the
 * trigger's description ("default to trigger description"). That entry is what "What happens next?"
 * and the package's Node details page show for the actions.
 */
function mergedEntryDescription(node: INodeTypeDescription, trigger: INodeTypeDescription): string {
	return trigger.name.replace('Trigger', '') === node.name ? trigger.description : node.description;
}

describe('the nodes panel entry n8n merges from Alibaba Cloud VOD and its trigger', () => {
	const node = new AliyunVod().description;

	it('is merged: the trigger is named after the node', () => {
		expect(description.name.replace('Trigger', '')).toBe(node.name);
	});

	it('describes the actions first, then the events', () => {
		const merged = mergedEntryDescription(node, description);
		expect(merged.startsWith(node.description)).toBe(true);
		expect(merged).toMatch(/event/);
	});
});

/**
 * n8n labels each trigger action `option.action ?? "On " + lowerCase(option.name)` (editor-ui
 * useActionsGeneration), and the Events list shows `option.name`.
 */
describe('Alibaba Cloud VOD Trigger event labels', () => {
	const options = (property('events').options ?? []).filter(
		(option): option is INodePropertyOptions => 'value' in option,
	);

	it.each([
		['AIMediaDNAComplete', 'AI Media DNA Complete'],
		['UploadByURLComplete', 'Upload by URL Complete'],
		['SnapshotComplete', 'Snapshot Complete'],
	])('shows %s as "%s", and its trigger action as "On" and that name', (value, name) => {
		expect(options.find((option) => option.value === value)).toMatchObject({
			name,
			action: `On ${name}`,
		});
	});

	it('gives every event a name of spaced words that spells its VOD identifier', () => {
		for (const option of options) {
			expect(option.name).toMatch(/^[A-Z]\w*( \w+)+$/);
			expect(option.name.replace(/ /g, '').toLowerCase()).toBe(String(option.value).toLowerCase());
			expect(option.action).toBe(`On ${option.name}`);
			expect(option.description).toContain(String(option.value));
		}
	});

	it('lists the events by name', () => {
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

/**
 * n8n 2.41's trigger panel (editor-ui TriggerPanel.vue) shows a URL only for its own Webhook node;
 * for other webhook triggers it shows `triggerPanel`'s header, activation hint and executions help.
 */
describe('Alibaba Cloud VOD Trigger panel', () => {
	const panel = description.triggerPanel;

	it('has its own texts', () => {
		expect(panel).toEqual(expect.objectContaining({ header: expect.any(String) }));
	});

	it.each(['inactive', 'active'] as const)(
		'says, %s, which URL VOD must call and where to copy it',
		(state) => {
			const texts =
				typeof panel === 'object' && typeof panel.executionsHelp === 'object'
					? [panel.executionsHelp[state], JSON.stringify(panel.activationHint)]
					: [];
			expect(texts[0]).toMatch(/Production URL/);
			expect(texts[0]).toMatch(/Test URL/);
			expect(texts[0]).toMatch(/Webhook URLs/);
			expect(texts[1]).toMatch(/Production URL/);
		},
	);
});
