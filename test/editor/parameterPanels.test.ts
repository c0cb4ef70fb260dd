/**
 * Each operation's panel and the trigger's panel in the real n8n 2.41.1 editor: the fields a user
 * needs, with required markers, and what is hidden until it applies. One n8n and one browser for the
 * file; the workflow is saved through the REST API and opened in the browser.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
	collectionChoices,
	createWorkflow,
	openNode,
	openWorkflow,
	panelText,
	parameterLabels,
	saveScreenshot,
	startEditor,
	stopEditor,
	toggleParameter,
	typeParameter,
	waitForLabel,
	type EditorSession,
} from './support/editor';
import { TRIGGER_WEBHOOK_ID, manualStartNode, vodNode, vodTriggerNode } from './support/workflows';

const NDV = '[data-test-id=ndv]';
const NODES = {
	submit: 'Submit Snapshot Job',
	getMany: 'Get Many Snapshots',
	getVideo: 'Get Video',
	search: 'Search Videos',
	trigger: 'VOD Trigger',
};
const VERIFICATION_OFF = /Without signature verification anyone who knows this URL/;
const REGISTRATION = /VOD has one callback per app and region/;

let session: EditorSession;
let workflowId: string;

beforeAll(async () => {
	session = await startEditor('parameters');
	workflowId = await createWorkflow(session.server, {
		name: 'Parameter panels',
		nodes: [
			manualStartNode(),
			vodNode(NODES.submit, 'snapshot', 'submit'),
			vodNode(NODES.getMany, 'snapshot', 'getAll'),
			vodNode(NODES.getVideo, 'video', 'get'),
			vodNode(NODES.search, 'video', 'search'),
			vodTriggerNode(NODES.trigger),
		],
	});
});

afterEach(() => {
	expect(session.problems.take(), 'page and console errors').toEqual([]);
});

afterAll(async () => {
	await stopEditor(session);
});

async function openPanel(nodeName: string): Promise<void> {
	await openWorkflow(session, workflowId);
	await openNode(session.page, nodeName);
}

describe('Snapshot → Submit', () => {
	it('shows Video ID as required and the settings a job needs; Sprite Settings only with Sprite on', async () => {
		const { page } = session;
		await openPanel(NODES.submit);
		const labels = await parameterLabels(page);
		await saveScreenshot(page, 'submit-panel.png', NDV);
		expect(labels).toEqual(
			expect.arrayContaining([
				'Resource',
				'Operation',
				'Snapshot Template ID',
				'Snapshot Settings',
				'Sprite',
				'User Data',
				'Wait for Completion',
				'Options',
			]),
		);
		expect(labels).not.toContain('Sprite Settings');
		expect(labels).not.toContain('Download Images');
		expect(labels, 'Video ID carries the required asterisk').toContain('Video ID *');
		await toggleParameter(page, 'sprite');
		await waitForLabel(page, 'Sprite Settings');
	});

	it('offers the wait options and Download Images only with Wait for Completion on', async () => {
		const { page } = session;
		await openPanel(NODES.submit);
		expect(await collectionChoices(page, 'Options')).not.toContain('Max Wait Time (Seconds)');
		await toggleParameter(page, 'waitForCompletion');
		await waitForLabel(page, 'Download Images');
		expect(await collectionChoices(page, 'Options')).toEqual(
			expect.arrayContaining(['Max Wait Time (Seconds)', 'Poll Interval (Seconds)']),
		);
	});

	it('a Snapshot Template ID hides Snapshot Settings and Sprite, or says they do not apply', async () => {
		const { page } = session;
		await openPanel(NODES.submit);
		await typeParameter(page, 'snapshotTemplateId', 'a1b2c3d4e5f6');
		await page.waitForFunction(
			(panel: string) => /template/i.test(document.querySelector(panel)?.textContent ?? ''),
			{ polling: 100 },
			`${NDV} [data-test-id=node-parameters]`,
		);
		const labels = await parameterLabels(page);
		const text = await panelText(page);
		await saveScreenshot(page, 'submit-panel-template.png', NDV);
		const hidden = !labels.includes('Snapshot Settings') && !labels.includes('Sprite');
		const notice = /template[^.\n]*(ignore|replace|instead|not used|do not apply|hidden)/i.test(
			text,
		);
		expect(hidden || notice, `labels: ${JSON.stringify(labels)}\n${text}`).toBe(true);
	});
});

describe('Snapshot → Get Many', () => {
	it('shows Limit until Return All is on, and the download options only with Download Images on', async () => {
		const { page } = session;
		await openPanel(NODES.getMany);
		const labels = await parameterLabels(page);
		expect(labels).toEqual(
			expect.arrayContaining([
				'Snapshot Type',
				'Return All',
				'Limit',
				'Download Images',
				'Options',
			]),
		);
		expect(labels).toContain('Video ID *');
		const before = await collectionChoices(page, 'Options');
		expect(before).toContain('Auth Timeout (Seconds)');
		expect(before).not.toContain('Put Output File in Field');
		expect(before).not.toContain('Max File Size (MB)');
		expect(before, 'Get Many paces its calls like the others').toContain('Max Requests per Second');
		await toggleParameter(page, 'returnAll');
		await waitForLabel(page, 'Limit', false);
		await toggleParameter(page, 'downloadImages');
		expect(await collectionChoices(page, 'Options')).toEqual(
			expect.arrayContaining(['Put Output File in Field', 'Max File Size (MB)']),
		);
		await saveScreenshot(page, 'get-many-panel.png', NDV);
	});
});

describe('Video', () => {
	it('Get shows Video ID as required, with Max Requests per Second in its options', async () => {
		const { page } = session;
		await openPanel(NODES.getVideo);
		expect(await parameterLabels(page)).toContain('Video ID *');
		expect(await collectionChoices(page, 'Options')).toEqual(['Max Requests per Second']);
	});

	it('Search shows Match, Return All and Limit, and its options', async () => {
		const { page } = session;
		await openPanel(NODES.search);
		expect(await parameterLabels(page)).toEqual(
			expect.arrayContaining(['Match', 'Return All', 'Limit', 'Options']),
		);
		expect(await collectionChoices(page, 'Options')).toEqual(
			expect.arrayContaining(['Fields', 'Max Requests per Second', 'Sort By']),
		);
	});
});

describe('Alibaba Cloud VOD Trigger', () => {
	it('shows its production URL, the verification warning when verification is off, and the registration notice', async () => {
		const { page, server } = session;
		await openPanel(NODES.trigger);
		const webhookUrls = await page.waitForSelector(`${NDV} ::-p-text(Webhook URLs)`);
		await webhookUrls?.click();
		await page.click(`${NDV} [data-test-id=radio-button-production]`);
		const productionUrl = `${server.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		await page.waitForSelector(`${NDV} ::-p-text(${productionUrl})`);

		expect(await panelText(page)).not.toMatch(VERIFICATION_OFF);
		await toggleParameter(page, 'verifySignature');
		await page.waitForSelector(`${NDV} ::-p-text(Without signature verification)`);
		expect(await panelText(page)).toMatch(VERIFICATION_OFF);

		expect(await panelText(page)).not.toMatch(REGISTRATION);
		await toggleParameter(page, 'registerCallback');
		await waitForLabel(page, 'App ID');
		expect(await panelText(page)).toMatch(REGISTRATION);
		await saveScreenshot(page, 'trigger-panel.png', NDV);
	});

	it('labels events in words ("Snapshot Complete") while VOD\'s identifiers stay the values', async () => {
		const { page } = session;
		await openPanel(NODES.trigger);
		const chips = await page.$$eval(
			`${NDV} [data-test-id=parameter-input-events] .el-tag`,
			(tags) => tags.map((tag) => (tag as HTMLElement).innerText.trim()),
		);
		expect(chips).toEqual(['Snapshot Complete']);
		await page.click(`${NDV} [data-test-id=parameter-input-events]`);
		const option = '.el-select-dropdown__item';
		await page.waitForSelector(option, { visible: true });
		const options = await page.$$eval(option, (items) =>
			items
				.filter((item) => (item as HTMLElement).offsetParent !== null)
				.map((item) => (item as HTMLElement).innerText.trim()),
		);
		await page.keyboard.press('Escape');
		expect(options.length).toBeGreaterThanOrEqual(18);
		expect(options).toEqual(
			expect.arrayContaining([
				'Snapshot Complete',
				'AI Media DNA Complete',
				'Upload By URL Complete',
			]),
		);
		expect(options.filter((label) => /[a-z][A-Z]/.test(label))).toEqual([]);
	});
});
