/**
 * The nodes panel of the real n8n 2.41.1 editor, as a new user meets the package: what the search finds
 * for the words a user types, with which description and icon (light and dark theme), the action entry's
 * Node details page, and the AI Agent's tool list. One n8n and one browser for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	closeNodeCreator,
	createWorkflow,
	eachTestOnAFreshPage,
	nodeCreatorItem,
	waitForNodeCreatorTitle,
	openNodeCreator,
	openNodeCreatorFromHandle,
	openWorkflow,
	saveScreenshot,
	searchNodes,
	startEditor,
	stopEditor,
	type EditorSession,
	type NodeCreatorItem,
	type Theme,
} from './support/editor';
import { AliyunMps } from '../../nodes/AliyunMps/AliyunMps.node';
import { AliyunMpsTrigger } from '../../nodes/AliyunMps/AliyunMpsTrigger.node';
import { AliyunVodTrigger } from '../../nodes/AliyunVod/AliyunVodTrigger.node';
import { HuaweiCloudVod } from '../../nodes/HuaweiCloudVod/HuaweiCloudVod.node';
import { HuaweiCloudVodTrigger } from '../../nodes/HuaweiCloudVod/HuaweiCloudVodTrigger.node';
import {
	ACTION_NODE,
	ACTION_NODES,
	AGENT_NODE,
	START_NODE,
	agentNode,
	manualStartNode,
	type Product,
} from './support/workflows';

const ACTION_DESCRIPTION = 'Take video snapshots and find videos in Alibaba Cloud ApsaraVideo VOD';
const TRIGGER_DESCRIPTION = /^Starts the workflow when ApsaraVideo VOD sends an event/;

/**
 * n8n gives the entry of a node + trigger pair the trigger's description (docs/conventions.md), so the
 * action entry describes the actions when that text starts with the action node's description.
 */
function describesActions(actionDescription: string): RegExp {
	return new RegExp(`^${actionDescription.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** What the nodes panel shows for each product's action node, and the words a user types to find it. */
interface ProductEntry {
	/** Action node's description (the "What happens next?" and Tools entries). */
	description: string | RegExp;
	/** Trigger's description (the entry of the node pair in a workflow without a trigger). */
	triggerDescription: string | RegExp;
	/** Icon file under icons/, without `.svg` / `.dark.svg`. */
	icon: string;
	/** Product names, task words and the API names of the operations (codex aliases). */
	actionQueries: string[];
	triggerQueries: string[];
}

const PRODUCTS: Record<Product, ProductEntry> = {
	vod: {
		description: describesActions(ACTION_DESCRIPTION),
		triggerDescription: new AliyunVodTrigger().description.description,
		icon: 'aliyun',
		actionQueries: [
			'Alibaba Cloud VOD',
			'ApsaraVideo',
			'Aliyun',
			'VOD',
			'snapshot',
			'thumbnail',
			'SubmitSnapshotJob',
			'ListSnapshots',
			'GetVideoInfo',
			'SearchMedia',
		],
		triggerQueries: ['Alibaba Cloud VOD', 'ApsaraVideo', 'Aliyun', 'snapshot'],
	},
	mps: {
		description: describesActions(new AliyunMps().description.description),
		triggerDescription: new AliyunMpsTrigger().description.description,
		icon: 'aliyunMps',
		actionQueries: [
			'Alibaba Cloud MPS',
			'MPS',
			'ApsaraVideo',
			'Aliyun',
			'snapshot',
			'thumbnail',
			'query jobs',
			'SubmitSnapshotJob',
			'QuerySnapshotJobList',
		],
		triggerQueries: ['Alibaba Cloud MPS', 'MPS', 'snapshot', 'QuerySnapshotJobList'],
	},
	huawei: {
		description: describesActions(new HuaweiCloudVod().description.description),
		triggerDescription: new HuaweiCloudVodTrigger().description.description,
		icon: 'huaweicloud',
		actionQueries: [
			'Huawei Cloud VOD',
			'Huawei',
			'VOD',
			'snapshot',
			'thumbnail',
			'CreateAssetProcessTask',
			'ListThumbnailInfo',
			'ListThumbnailDetails',
			'DeleteThumbnails',
			'UpdateCoverByThumbnail',
			'ShowAssetDetail',
			'ListAssetTaskInfo',
		],
		triggerQueries: ['Huawei Cloud VOD', 'Huawei', 'snapshot'],
	},
};
const PRODUCT_KEYS = Object.keys(PRODUCTS) as Product[];

let session: EditorSession;
let workflowId: string;

beforeAll(async () => {
	session = await startEditor('nodes-panel');
	workflowId = await createWorkflow(session.server, {
		name: 'Nodes panel',
		nodes: [manualStartNode(), agentNode()],
	});
});

eachTestOnAFreshPage(() => session);

afterAll(async () => {
	await stopEditor(session);
});

function iconFile(icon: string, theme: Theme): string {
	return theme === 'dark' ? `/icons/${icon}.dark.svg` : `/icons/${icon}.svg`;
}

function expectDescription(actual: string, wanted: string | RegExp, query: string): void {
	if (typeof wanted === 'string') expect(actual, query).toBe(wanted);
	else expect(actual, query).toMatch(wanted);
}

function findItem(items: NodeCreatorItem[], name: string, query: string): NodeCreatorItem {
	const item = items.find((candidate) => candidate.name === name);
	expect(
		item,
		`"${query}" lists ${JSON.stringify(items.map((entry) => entry.name))}`,
	).toBeDefined();
	return item as NodeCreatorItem;
}

// Dark first: the tests after these run in the light theme the README shows.
describe.each<Theme>(['dark', 'light'])('nodes panel, %s theme', (theme) => {
	it.each(PRODUCT_KEYS)(
		'a new workflow finds the %s trigger by product and task words, with its description and icon',
		async (product) => {
			const { page } = session;
			const entry = PRODUCTS[product];
			const name = ACTION_NODES[product];
			await openWorkflow(session, 'new', theme);
			await openNodeCreator(page);
			await waitForNodeCreatorTitle(page, 'What triggers this workflow?');
			for (const query of entry.triggerQueries) {
				// In a workflow without a trigger, n8n lists the node pair under its product name.
				const item = findItem(await searchNodes(page, query, name), name, query);
				expectDescription(item.description, entry.triggerDescription, query);
				expect(item.iconSrc, query).toMatch(new RegExp(`${iconFile(entry.icon, theme)}$`));
				expect(item.iconLoaded, `${query}: icon loaded`).toBe(true);
			}
		},
	);

	it.each(PRODUCT_KEYS)(
		'"What happens next?" finds the %s action node by product, task and API names, describing the actions',
		async (product) => {
			const { page } = session;
			const entry = PRODUCTS[product];
			const name = ACTION_NODES[product];
			await openWorkflow(session, workflowId, theme);
			await openNodeCreatorFromHandle(page, START_NODE, { kind: 'output' });
			await waitForNodeCreatorTitle(page, 'What happens next?');
			if (product === 'vod') {
				await searchNodes(page, 'snapshot', name);
				await saveScreenshot(page, `nodes-panel-${theme}.png`, '[data-test-id=node-creator]');
			}
			const missed: string[] = [];
			for (const query of entry.actionQueries) {
				const items = await searchNodes(page, query, name);
				const item = items.find((candidate) => candidate.name === name);
				if (!item) {
					missed.push(`${query} → ${JSON.stringify(items.map((found) => found.name))}`);
					continue;
				}
				expectDescription(item.description, entry.description, query);
				expect(item.iconSrc, query).toMatch(new RegExp(`${iconFile(entry.icon, theme)}$`));
				expect(item.iconLoaded, `${query}: icon loaded`).toBe(true);
			}
			expect(missed, `queries that did not find ${name}`).toEqual([]);
		},
	);
});

describe('the action entry "Alibaba Cloud VOD" (Node details)', () => {
	it("describes the actions with n8n's action names, and lists the events with human labels", async () => {
		const { page } = session;
		await openWorkflow(session, workflowId);
		await openNodeCreatorFromHandle(page, START_NODE, { kind: 'output' });
		await searchNodes(page, 'Alibaba Cloud VOD', ACTION_NODE);
		await (await nodeCreatorItem(page, ACTION_NODE)).click();
		const details = await page.waitForSelector('[data-test-id=node-creator] ::-p-text(Actions)');
		expect(details).not.toBeNull();
		const triggers = await page.waitForSelector(
			'[data-test-id=node-creator] [data-test-id=node-creator-category-item] ::-p-text(Triggers)',
		);
		await triggers?.click();
		await page.waitForSelector('[data-test-id=node-creator] ::-p-text(Snapshot)');
		const text = await page.$eval(
			'[data-test-id=node-creator]',
			(panel) => (panel as HTMLElement).innerText,
		);
		await saveScreenshot(page, 'node-details.png', '[data-test-id=node-creator]');
		expect(text).toContain(ACTION_DESCRIPTION);
		expect(text).not.toMatch(TRIGGER_DESCRIPTION);
		for (const action of [
			'Submit a snapshot job',
			'Get many snapshots',
			'Get a video',
			'Search videos',
		]) {
			expect(text).toContain(action);
		}
		expect(text).not.toContain('List snapshots');
		const triggerLines = text.split('\n').filter((line) => /^On /.test(line.trim()));
		expect(triggerLines.length, text).toBeGreaterThanOrEqual(18);
		expect(triggerLines).toContain('On Snapshot Complete');
		expect(triggerLines).toContain('On AI Media DNA Complete');
		expect(triggerLines.filter((line) => /[a-z][A-Z]/.test(line))).toEqual([]);
		await closeNodeCreator(page);
	});
});

describe('AI Agent', () => {
	it('offers the three action nodes as tools ("Alibaba Cloud VOD Tool", …) in its tool list', async () => {
		const { page } = session;
		await openWorkflow(session, workflowId);
		await openNodeCreatorFromHandle(page, AGENT_NODE, { kind: 'input', connectionType: 'ai_tool' });
		await waitForNodeCreatorTitle(page, 'Tools');
		for (const product of PRODUCT_KEYS) {
			const toolName = `${ACTION_NODES[product]} Tool`;
			for (const query of [ACTION_NODES[product], 'snapshot']) {
				const item = findItem(await searchNodes(page, query, toolName), toolName, query);
				expectDescription(item.description, PRODUCTS[product].description, query);
				expect(item.iconLoaded, `${query}: icon loaded`).toBe(true);
			}
		}
		const tools = (await searchNodes(page, 'snapshot', `${ACTION_NODES.huawei} Tool`)).map(
			(item) => item.name,
		);
		await saveScreenshot(page, 'ai-agent-tools.png', '[data-test-id=node-creator]');
		expect(tools).toEqual(
			expect.arrayContaining(PRODUCT_KEYS.map((product) => `${ACTION_NODES[product]} Tool`)),
		);
	});
});
