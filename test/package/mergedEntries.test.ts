/**
 * n8n's nodes panel (editor-ui useActionsGeneration, generateMergedNodesAndActions) merges a trigger
 * into the node whose type name is the trigger's without "Trigger", and gives the merged entry the
 * trigger's description. That entry is what "What happens next?" and the package's Node details page
 * show for the actions, so every merged trigger's description starts with its node's.
 */
import type { INodeType } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunMps } from '../../nodes/AliyunMps/AliyunMps.node';
import { AliyunMpsTrigger } from '../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { AliyunVod } from '../../nodes/AliyunVod/AliyunVod.node';
import { AliyunVodTrigger } from '../../nodes/AliyunVod/AliyunVodTrigger.node';
import { HuaweiCloudVod } from '../../nodes/HuaweiCloudVod/HuaweiCloudVod.node';
import { HuaweiCloudVodPollingTrigger } from '../../nodes/HuaweiCloudVod/HuaweiCloudVodPollingTrigger.node';
import { HuaweiCloudVodTrigger } from '../../nodes/HuaweiCloudVod/HuaweiCloudVodTrigger.node';

const actionNodes: INodeType[] = [new AliyunVod(), new AliyunMps(), new HuaweiCloudVod()];
const triggers: INodeType[] = [
	new AliyunVodTrigger(),
	new AliyunMpsTrigger(),
	new HuaweiCloudVodTrigger(),
	new HuaweiCloudVodPollingTrigger(),
];

function mergedInto(trigger: INodeType): INodeType | undefined {
	const name = trigger.description.name.replace('Trigger', '');
	return actionNodes.find((node) => node.description.name === name);
}

describe('the nodes panel entries n8n merges from an action node and its trigger', () => {
	it('merges each action node with one trigger', () => {
		const merged = triggers.map(mergedInto).filter((node) => node !== undefined);
		expect(merged.map((node) => node.description.name).sort()).toEqual(
			actionNodes.map((node) => node.description.name).sort(),
		);
	});

	it.each(triggers.filter((trigger) => mergedInto(trigger) !== undefined))(
		'$description.displayName: the merged entry describes the actions first, then the events',
		(trigger) => {
			const node = mergedInto(trigger);
			expect(trigger.description.description.startsWith(node?.description.description ?? '?')).toBe(
				true,
			);
			expect(trigger.description.description.length).toBeGreaterThan(
				node?.description.description.length ?? 0,
			);
		},
	);
});
