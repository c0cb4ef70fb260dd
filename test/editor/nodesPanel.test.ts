/**
 * The nodes panel of the real n8n 2.41.1 editor, as a new user meets the package: what the search finds
 * for the words a user types, with which description and icon (light and dark theme), the action entry's
 * Node details page, and the AI Agent's tool list. One n8n and one browser for the file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
	closeNodeCreator,
	createWorkflow,
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
import {
	ACTION_NODE,
	AGENT_NODE,
	START_NODE,
	agentNode,
	manualStartNode,
} from './support/workflows';

const ACTION_DESCRIPTION = 'Take video snapshots and find videos in Alibaba Cloud ApsaraVideo VOD';
const TRIGGER_DESCRIPTION = /^Starts the workflow when ApsaraVideo VOD sends an event/;

/** What a user types to find the action node, product names and the API names of its operations. */
const ACTION_QUERIES = [
	'Alibaba Cloud VOD',
	'ApsaraVideo',
	'Aliyun',
	'snapshot',
	'SubmitSnapshotJob',
	'ListSnapshots',
	'GetVideoInfo',
	'SearchMedia',
];
const TRIGGER_QUERIES = ['Alibaba Cloud VOD', 'ApsaraVideo', 'Aliyun', 'snapshot'];

let session: EditorSession;
let workflowId: string;

beforeAll(async () => {
	session = await startEditor('nodes-panel');
	workflowId = await createWorkflow(session.server, {
		name: 'Nodes panel',
		nodes: [manualStartNode(), agentNode()],
	});
});

afterEach(() => {
	expect(session.problems.take(), 'page and console errors').toEqual([]);
});

afterAll(async () => {
	await stopEditor(session);
});

function iconFile(theme: Theme): string {
	return theme === 'dark' ? '/icons/aliyun.dark.svg' : '/icons/aliyun.svg';
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
	it('a new workflow finds the trigger by product and task words, with its description and icon', async () => {
		const { page } = session;
		await openWorkflow(session, 'new', theme);
		await openNodeCreator(page);
		await waitForNodeCreatorTitle(page, 'What triggers this workflow?');
		for (const query of TRIGGER_QUERIES) {
			// In a workflow without a trigger, n8n lists the node pair under its product name.
			const item = findItem(await searchNodes(page, query, ACTION_NODE), ACTION_NODE, query);
			expect(item.description, query).toMatch(TRIGGER_DESCRIPTION);
			expect(item.iconSrc, query).toMatch(new RegExp(`${iconFile(theme)}$`));
			expect(item.iconLoaded, `${query}: icon loaded`).toBe(true);
		}
		await closeNodeCreator(page);
	});

	it('"What happens next?" finds the action node by product, task and API names, describing the actions', async () => {
		const { page } = session;
		await openWorkflow(session, workflowId, theme);
		await openNodeCreatorFromHandle(page, START_NODE, { kind: 'output' });
		await waitForNodeCreatorTitle(page, 'What happens next?');
		await searchNodes(page, 'snapshot', ACTION_NODE);
		await saveScreenshot(page, `nodes-panel-${theme}.png`, '[data-test-id=node-creator]');
		const missed: string[] = [];
		for (const query of ACTION_QUERIES) {
			const items = await searchNodes(page, query, ACTION_NODE);
			const item = items.find((candidate) => candidate.name === ACTION_NODE);
			if (!item) {
				missed.push(`${query} → ${JSON.stringify(items.map((entry) => entry.name))}`);
				continue;
			}
			expect(item.description, query).toBe(ACTION_DESCRIPTION);
			expect(item.iconSrc, query).toMatch(new RegExp(`${iconFile(theme)}$`));
			expect(item.iconLoaded, `${query}: icon loaded`).toBe(true);
		}
		expect(missed, 'queries that did not find the action node').toEqual([]);
		await closeNodeCreator(page);
	});
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
	it('offers the action node as a tool ("Alibaba Cloud VOD Tool") in its tool list', async () => {
		const { page } = session;
		await openWorkflow(session, workflowId);
		await openNodeCreatorFromHandle(page, AGENT_NODE, { kind: 'input', connectionType: 'ai_tool' });
		await waitForNodeCreatorTitle(page, 'Tools');
		const toolName = `${ACTION_NODE} Tool`;
		for (const query of ['Alibaba Cloud VOD', 'snapshot']) {
			const item = findItem(await searchNodes(page, query, toolName), toolName, query);
			expect(item.description, query).toBe(ACTION_DESCRIPTION);
			expect(item.iconLoaded, `${query}: icon loaded`).toBe(true);
		}
		await saveScreenshot(page, 'ai-agent-tools.png', '[data-test-id=node-creator]');
		await closeNodeCreator(page);
	});
});
