// The callbacks given to page.evaluate, $eval and waitForFunction run in the browser.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-restricted-globals */
/**
 * One real `n8n start` with its editor (the e2e harness, the package installed as users install it) and
 * one chromium page signed in as the owner: what each test file of test/editor/ starts once.
 * Selectors are n8n 2.41.1's `data-test-id`s (packages/frontend/editor-ui, and the page objects of
 * packages/testing/playwright).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import type { ElementHandle, HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import { afterEach, beforeEach, expect } from 'vitest';
import type { IConnections, INode } from 'n8n-workflow';

import { E2E_OWNER, N8nInstance, REPO_ROOT, type RunningN8n } from '../../e2e/harness';
import { EditorBrowser } from './browser';
import { PageProblems } from './pageProblems';
import { EDITOR_PORTS, fixedPortOrFree } from './ports';

/** Where the tests save what they saw, for a reviewer who does not run them (README, "Browser tests"). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

export type Theme = 'light' | 'dark';

/** waitForFunction polls on a timer: its default (animation frames) stalls in a background tab. */
const POLL = { polling: 100 };

export interface EditorSession {
	n8n: N8nInstance;
	server: RunningN8n;
	browser: EditorBrowser;
	page: Page;
	problems: PageProblems;
}

/**
 * Every URL n8n shows for a webhook (the trigger's production and test URLs) starts here, as behind a
 * reverse proxy; fixed, so that the trigger panel's screenshot is the same on every run.
 */
export const WEBHOOK_BASE_URL = 'https://n8n.example.com/';

/** n8n with its UI (the harness turns the UI off by default), the owner, a browser signed in. */
export async function startEditor(label: string): Promise<EditorSession> {
	const n8n = await N8nInstance.create({ label: `editor-${label}` });
	try {
		const port = await fixedPortOrFree(EDITOR_PORTS.n8n);
		const env = {
			N8N_DISABLE_UI: 'false',
			N8N_PORT: String(port),
			N8N_WEBHOOK_URL: WEBHOOK_BASE_URL,
		};
		const [server, browser] = await Promise.all([n8n.start({ env }), EditorBrowser.launch()]);
		await server.ensureOwnerSession();
		const page = await setUpPage(browser);
		const problems = new PageProblems(page);
		await signIn(page, server.baseUrl);
		return { n8n, server, browser, page, problems };
	} catch (error) {
		await n8n.dispose();
		throw error;
	}
}

async function setUpPage(browser: EditorBrowser): Promise<Page> {
	const page = await browser.newPage();
	// "Leave without saving?" when a test left changes: a fresh start discards them.
	page.on('dialog', (dialog) => {
		void dialog.accept();
	});
	// A load of the editor on this 2-core box shared with other jobs can take half a minute.
	page.setDefaultTimeout(60_000);
	page.setDefaultNavigationTimeout(120_000);
	return page;
}

/**
 * Leaves the editor for a blank page, so that the next test loads the editor afresh: what an earlier
 * test left open, half done or unsaved (after a failure, too) does not reach it. The same tab, not a
 * new one: n8n gives a workflow's write access to one tab at a time, and a tab closed without its
 * unload handlers keeps it a while (a new tab then opens the workflow read-only, without its + button).
 */
async function freshPage(session: EditorSession): Promise<void> {
	await session.page.goto('about:blank');
}

/**
 * Every test of the file starts on a fresh page (freshPage) and fails on a page or console error it
 * caused. `session` is read when the hooks run (after beforeAll started it).
 */
export function eachTestOnAFreshPage(session: () => EditorSession): void {
	beforeEach(async () => {
		await freshPage(session());
	});
	afterEach(() => {
		expect(session().problems.take(), 'page and console errors').toEqual([]);
	});
}

export async function stopEditor(session: Partial<EditorSession> | undefined): Promise<void> {
	await session?.browser?.close();
	await session?.n8n?.dispose();
}

/** The sign-in form, as a user fills it; resolves on the page n8n sends a signed-in user to. */
async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector('input[type=email]');
	await page.type('input[type=email]', E2E_OWNER.email);
	await page.type('input[type=password]', E2E_OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForFunction(() => !window.location.pathname.startsWith('/signin'), POLL);
}

export interface EditorWorkflow {
	name: string;
	nodes: INode[];
	connections?: IConnections;
}

/** Saves a workflow through n8n's REST API (as the editor does) and returns its id. */
export async function createWorkflow(
	server: RunningN8n,
	workflow: EditorWorkflow,
): Promise<string> {
	const saved = await server.rest<{ id: string }>('POST', '/rest/workflows', {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections ?? {},
		settings: { executionOrder: 'v1' },
	});
	return saved.id;
}

/** Opens a saved workflow (or a `new` one) in `theme` (n8n reads `?theme=` when it loads) and waits for its canvas. */
export async function openWorkflow(
	session: EditorSession,
	id: string,
	theme: Theme = 'light',
): Promise<void> {
	const { page, server } = session;
	await page.goto(`${server.baseUrl}/workflow/${id}?theme=${theme}`, {
		waitUntil: 'domcontentloaded',
	});
	await page.waitForSelector(
		id === 'new' ? '[data-test-id=canvas-add-button]' : '[data-test-id=canvas-node]',
		{ visible: true },
	);
	await page.waitForSelector('[data-test-id=node-creator-plus-button]', { visible: true });
}

export interface NodeCreatorItem {
	name: string;
	description: string;
	iconSrc: string;
	/** Whether the icon image loaded (naturalWidth > 0). */
	iconLoaded: boolean;
}

const CREATOR = '[data-test-id=node-creator]';
const CREATOR_ITEM = `${CREATOR} [data-test-id=item-iterator-item]`;

/**
 * Waits until the nodes panel's title reads `title` ("What triggers this workflow?", "What happens
 * next?", "Tools"); the panel slides from one view to the next, so an old title can be on screen a while.
 */
export async function waitForNodeCreatorTitle(page: Page, title: string): Promise<void> {
	try {
		await page.waitForFunction(
			(creator: string, wanted: string) =>
				[...document.querySelectorAll(`${creator} [data-test-id=nodes-list-header]`)].some(
					(header) => (header as HTMLElement).innerText.split('\n')[0].trim() === wanted,
				),
			POLL,
			CREATOR,
			title,
		);
	} catch (error) {
		const shown = await page
			.$eval(CREATOR, (creator) => (creator as HTMLElement).innerText.slice(0, 400))
			.catch(() => '(no nodes panel)');
		throw new Error(`the nodes panel never showed the title "${title}"; it shows:\n${shown}`, {
			cause: error,
		});
	}
}

/**
 * Types `query` into the open nodes panel and waits until its results list an item named
 * `expectName` or show that nothing was found, and have stayed the same for two polls (the list of the
 * previous query must not be read); returns every item listed then.
 */
export async function searchNodes(
	page: Page,
	query: string,
	expectName: string,
): Promise<NodeCreatorItem[]> {
	// Focused and selected in one step in the page: the panel slides in and re-renders the bar, so a
	// click on the element found a moment before can miss it ("not clickable").
	await page.waitForFunction(
		(selector: string) => {
			const found = document.querySelector(selector);
			const input = (
				found?.matches('input') ? found : found?.querySelector('input')
			) as HTMLInputElement | null;
			if (!input || input.offsetParent === null) return false;
			input.focus();
			input.select();
			return document.activeElement === input;
		},
		POLL,
		`${CREATOR} [data-test-id=node-creator-search-bar]`,
	);
	await page.keyboard.press('Backspace');
	await page.keyboard.type(query);
	await page.waitForFunction(
		(creator: string, name: string) => {
			const state = window as unknown as { lastResults?: string };
			const names = [
				...document.querySelectorAll(`${creator} [data-test-id=node-creator-item-name]`),
			].map((item) => item.textContent?.trim() ?? '');
			const done =
				names.includes(name) ||
				document.querySelector(`${creator} [data-test-id=node-creator-no-results]`) !== null;
			const results = JSON.stringify(names);
			const stable = state.lastResults === results;
			state.lastResults = results;
			return done && stable;
		},
		{ polling: 300 },
		CREATOR,
		expectName,
	);
	return await nodeCreatorItems(page);
}

async function nodeCreatorItems(page: Page): Promise<NodeCreatorItem[]> {
	const items = await page.$$(CREATOR_ITEM);
	return await Promise.all(
		items.map(
			async (item) =>
				await item.evaluate((element) => {
					const text = (testId: string) =>
						element.querySelector(`[data-test-id=${testId}]`)?.textContent?.trim() ?? '';
					const icon = element.querySelector('img') as HTMLImageElement | null;
					return {
						name: text('node-creator-item-name'),
						description: text('node-creator-item-description'),
						iconSrc: icon?.getAttribute('src') ?? '',
						iconLoaded: icon !== null && icon.complete && icon.naturalWidth > 0,
					};
				}),
		),
	);
}

/** The nodes panel item named `name` (exactly). */
export async function nodeCreatorItem(page: Page, name: string): Promise<ElementHandle<Element>> {
	for (const item of await page.$$(CREATOR_ITEM)) {
		const itemName = await item.$eval('[data-test-id=node-creator-item-name]', (element) =>
			element.textContent?.trim(),
		);
		if (itemName === name) return item;
	}
	throw new Error(`the nodes panel lists no "${name}"`);
}

/** Opens the nodes panel from the canvas' + button. */
export async function openNodeCreator(page: Page): Promise<void> {
	await page.click('[data-test-id=node-creator-plus-button]');
	await page.waitForSelector(`${CREATOR} [data-test-id=node-creator-search-bar]`, {
		visible: true,
	});
}

/** Opens the nodes panel from the + of a node's output, or of an AI node's input (`ai_tool`). */
export async function openNodeCreatorFromHandle(
	page: Page,
	nodeName: string,
	handle: { kind: 'output' } | { kind: 'input'; connectionType: string },
): Promise<void> {
	const handleSelector =
		handle.kind === 'output'
			? `[data-test-id=canvas-node-output-handle][data-node-name="${nodeName}"]`
			: `[data-test-id=canvas-node-input-handle][data-node-name="${nodeName}"][data-connection-type=${handle.connectionType}]`;
	await page.click(`${handleSelector} [data-test-id=canvas-handle-plus]`);
	await page.waitForSelector(`${CREATOR} [data-test-id=node-creator-search-bar]`, {
		visible: true,
	});
}

export async function closeNodeCreator(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.waitForSelector(CREATOR, { hidden: true });
}

const NDV = '[data-test-id=ndv]';
const CREDENTIAL_DIALOG = '[data-test-id=credential-edit-dialog]';
const PARAMETERS = `${NDV} [data-test-id=node-parameters]`;

/** Opens a canvas node's panel (double click, as a user does) and waits for its parameters. */
export async function openNode(page: Page, nodeName: string): Promise<void> {
	const node = await page.waitForSelector(
		`[data-test-id=canvas-node][data-node-name="${nodeName}"]`,
		{ visible: true },
	);
	await node?.click({ count: 2 });
	await page.waitForSelector(`${PARAMETERS} [data-test-id=parameter-item]`, { visible: true });
}

/**
 * The labels of the parameters the open panel shows, top to bottom, as a user reads them: with n8n's
 * required marker (`Video ID *`), collections included (`Options`), values and notices left out.
 */
export async function parameterLabels(page: Page): Promise<string[]> {
	return await page.$$eval(
		`${PARAMETERS} [data-test-id=parameter-item] [data-test-id=input-label] label`,
		(labels) =>
			labels
				.filter((label) => (label as HTMLElement).offsetParent !== null)
				// The first line: the label and its required marker, without the Fixed/Expression switch.
				.map((label) => (label as HTMLElement).innerText.split('\n')[0].trim()),
	);
}

/** Waits until the panel shows a parameter labelled `label` (`shown`), or no longer shows one. */
export async function waitForLabel(page: Page, label: string, shown = true): Promise<void> {
	await page.waitForFunction(
		(panel: string, wanted: string, visible: boolean) =>
			[...document.querySelectorAll(`${panel} [data-test-id=input-label] label`)].some(
				(element) =>
					(element as HTMLElement).offsetParent !== null &&
					(element as HTMLElement).innerText.split('\n')[0].trim().replace(/ \*$/, '') === wanted,
			) === visible,
		POLL,
		PARAMETERS,
		label,
		shown,
	);
}

/** The panel's visible text (labels, notices, hints; not the values of inputs). */
export async function panelText(page: Page): Promise<string> {
	return await page.$eval(PARAMETERS, (panel) => (panel as HTMLElement).innerText);
}

/** Clicks a boolean parameter's switch and waits for it to show the new state. */
export async function toggleParameter(page: Page, name: string): Promise<void> {
	const selector = `${PARAMETERS} [data-test-id=parameter-input-${name}] .el-switch`;
	const before = await page.$eval(selector, (element) => element.classList.contains('is-checked'));
	await page.click(selector);
	await page.waitForFunction(
		(switchSelector: string, was: boolean) =>
			document.querySelector(switchSelector)?.classList.contains('is-checked') === !was,
		POLL,
		selector,
		before,
	);
}

/**
 * Picks the option shown as `option` in the dropdown of the options parameter `name` (wait for what it
 * shows or hides next: waitForLabel).
 */
export async function selectOption(page: Page, name: string, option: string): Promise<void> {
	await page.click(`${PARAMETERS} [data-test-id=parameter-input-${name}]`);
	const item = await page.waitForSelector(`.el-select-dropdown__item ::-p-text(${option})`, {
		visible: true,
	});
	await item?.click();
}

/** Types into a text parameter (replacing its value). */
export async function typeParameter(page: Page, name: string, value: string): Promise<void> {
	await replaceInputText(page, `${PARAMETERS} [data-test-id=parameter-input-${name}] input`, value);
}

/** The panel's parameter labelled `label` (its label's first line, without a required marker). */
async function parameterItem(page: Page, label: string): Promise<ElementHandle<Element>> {
	for (const item of await page.$$(`${PARAMETERS} [data-test-id=parameter-item]`)) {
		const itemLabel = await item
			.$eval('[data-test-id=input-label] label', (element) =>
				(element as HTMLElement).innerText.split('\n')[0].trim().replace(/ \*$/, ''),
			)
			.catch(() => '');
		if (itemLabel === label && (await item.isVisible())) return item;
	}
	throw new Error(`the panel shows no parameter "${label}"`);
}

/**
 * The issues n8n 2.41.1 shows for the parameter labelled `label`: its warning icon's tooltip lines
 * (`Parameter "Video ID" is required.`), [] when it shows no icon. This n8n marks a required node
 * parameter this way, not with an asterisk on the label (credential forms do have the asterisk).
 */
export async function parameterIssues(page: Page, label: string): Promise<string[]> {
	const item = await parameterItem(page, label);
	if (!(await item.$('[data-test-id=parameter-issues]'))) return [];
	await (await item.$('[data-test-id=parameter-issues] svg'))?.hover();
	const text = await hoverTooltipText(page);
	await page.mouse.move(0, 0);
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && line !== 'Issues:');
}

/** The text of the tooltip the mouse just opened (n8n's tooltips are reka-ui, not element-plus). */
async function hoverTooltipText(page: Page): Promise<string> {
	const tooltip = '[data-test-id=tooltip-content]';
	await page.waitForFunction(
		(selector: string) =>
			[...document.querySelectorAll(selector)].some(
				(element) => element.checkVisibility() && (element.textContent ?? '').trim() !== '',
			),
		POLL,
		tooltip,
	);
	return await page.$$eval(tooltip, (elements) =>
		elements
			.filter((element) => element.checkVisibility())
			.map((element) => (element as HTMLElement).innerText.trim())
			.join('\n'),
	);
}

/**
 * The entries the "Add …" dropdown of the collection labelled `label` offers; closes it again. A
 * collection of one option has no dropdown in n8n 2.41.1 but an "Add …" button that adds that option
 * at once: then the label of the field it added.
 */
export async function collectionChoices(page: Page, label: string): Promise<string[]> {
	const collection = await parameterItem(page, label);
	const add = await collection.$('[data-test-id=collection-parameter-add]');
	if (!add) throw new Error(`the panel shows no collection "${label}"`);
	if (await add.evaluate((element) => element.querySelector('input') === null)) {
		return [await addTheOnlyOption(collection, add)];
	}
	await add.click();
	const choices = await openDropdownItems(
		page,
		'.el-select-dropdown__item[data-test-id=collection-parameter-option]',
	);
	await page.keyboard.press('Escape');
	return choices;
}

/** Clicks a one-option collection's "Add …" button; returns the label of the field that appears in it. */
async function addTheOnlyOption(
	collection: ElementHandle<Element>,
	add: ElementHandle<Element>,
): Promise<string> {
	const labels = '[data-test-id=input-label] label';
	await collection.$$eval(labels, (shown) => {
		for (const label of shown) label.setAttribute('data-shown-before', '');
	});
	await add.click();
	const added = await collection.waitForSelector(`${labels}:not([data-shown-before])`, {
		visible: true,
	});
	if (!added) throw new Error('the "Add …" button added no field');
	return await added.evaluate((label) =>
		(label as HTMLElement).innerText.split('\n')[0].trim().replace(/ \*$/, ''),
	);
}

/**
 * The names of the entries of the dropdown just opened, once it shows some: each entry's first line
 * (n8n shows an option's description on the lines under its name). Every dropdown of the page stays
 * in it, hidden; only the open one's entries are visible (so not waitForSelector, which checks the first).
 */
export async function openDropdownItems(
	page: Page,
	item = '.el-select-dropdown__item',
): Promise<string[]> {
	await page.waitForFunction(
		(selector: string) =>
			[...document.querySelectorAll(selector)].some(
				(element) => (element as HTMLElement).offsetParent !== null,
			),
		POLL,
		item,
	);
	return await page.$$eval(item, (items) =>
		items
			.filter((element) => (element as HTMLElement).offsetParent !== null)
			.map((element) => (element as HTMLElement).innerText.split('\n')[0].trim()),
	);
}

/** Saves a PNG of the page, or of one element of it, under docs/screenshots/. */
export async function saveScreenshot(page: Page, file: string, selector?: string): Promise<string> {
	await mkdir(SCREENSHOT_DIR, { recursive: true });
	const target = path.join(SCREENSHOT_DIR, file);
	if (selector) {
		const element = await page.waitForSelector(selector, { visible: true });
		if (!element) throw new Error(`nothing to screenshot at ${selector}`);
		await element.screenshot({ path: target as `${string}.png` });
	} else {
		await page.screenshot({ path: target as `${string}.png` });
	}
	return target;
}

/** Opens a node's panel and, from its "Connect to …" button, the form of a new credential. */
export async function openNewCredentialForm(page: Page, nodeName: string): Promise<void> {
	await openNode(page, nodeName);
	await page.click(`${NDV} [data-test-id=node-credentials-empty-state] button`);
	await page.waitForSelector(
		`${CREDENTIAL_DIALOG} [data-test-id=credential-connection-parameter]`,
		{
			visible: true,
		},
	);
}

/** The credential form's title and field labels, as shown (`AccessKey ID *`). */
export async function credentialForm(page: Page): Promise<{ title: string; labels: string[] }> {
	return await page.$eval(CREDENTIAL_DIALOG, (dialog) => ({
		title:
			(
				dialog.querySelector('[data-test-id=credential-name]') as HTMLElement | null
			)?.innerText.trim() ?? '',
		labels: [...dialog.querySelectorAll('[data-test-id=credential-connection-parameter] label')]
			.filter((label) => (label as HTMLElement).offsetParent !== null)
			.map((label) => (label as HTMLElement).innerText.split('\n')[0].trim()),
	}));
}

/**
 * What the credential form says about the field `name` besides its label: its placeholder, and its
 * description (the tooltip of the label's help icon, shown on hover).
 */
export async function credentialFieldHelp(
	page: Page,
	name: string,
): Promise<{ placeholder: string; description: string }> {
	const field = `${CREDENTIAL_DIALOG} [data-test-id=credential-connection-parameter]:has([data-test-id=parameter-input-${name}])`;
	const placeholder = await page.$eval(
		`${field} [data-test-id=parameter-input-${name}] input`,
		(input) => input.getAttribute('placeholder') ?? '',
	);
	await page.hover(`${field} label`);
	await page.hover(`${field} [class*=infoIcon] svg`);
	const description = await hoverTooltipText(page);
	await page.mouse.move(0, 0);
	return { placeholder, description };
}

/** Replaces the value of a text field of the credential form. */
export async function fillCredentialField(page: Page, name: string, value: string): Promise<void> {
	await replaceInputText(
		page,
		`${CREDENTIAL_DIALOG} [data-test-id=parameter-input-${name}] input`,
		value,
	);
}

/** How often a credential form is saved before n8n has taken every value typed into it. */
const SAVE_ATTEMPTS = 3;

/** What a test typed into a credential form: field name → value. */
export type TypedCredentialFields = Readonly<Record<string, string>>;

function isCredentialSave(request: HTTPRequest): boolean {
	const { pathname } = new URL(request.url());
	return (
		(request.method() === 'POST' && pathname === '/rest/credentials') ||
		(request.method() === 'PATCH' && pathname.startsWith('/rest/credentials/'))
	);
}

function isCredentialTest(response: HTTPResponse): boolean {
	return (
		new URL(response.url()).pathname === '/rest/credentials/test' &&
		response.request().method() === 'POST'
	);
}

/** The typed fields whose value the save request does not carry (n8n took an earlier state of them). */
export function fieldsSavedStale(saveBody: string, typed: TypedCredentialFields): string[] {
	const sent = (JSON.parse(saveBody || '{}') as { data?: Record<string, unknown> }).data ?? {};
	return Object.keys(typed).filter((name) => sent[name] !== typed[name]);
}

/**
 * Saves the credential form, which makes n8n run the credential's Test, and returns the message the
 * form shows for it: the failure's details ("Couldn’t connect with these settings" → More details), or
 * the success text. Waits for the answer of this Test, not an earlier one. The save request (which
 * carries every field typed, secrets included) must hold what was typed; a field it has wrong is
 * typed again and the form saved again, as a user who saw the wrong value would.
 */
export async function saveAndTestCredential(
	page: Page,
	typed: TypedCredentialFields,
): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		// The Save button sits in the modal's header, outside the dialog's body.
		const [saved, tested] = await Promise.all([
			page.waitForRequest(isCredentialSave),
			page.waitForResponse(isCredentialTest),
			page.click('[data-test-id=credential-save-button]'),
		]);
		const stale = fieldsSavedStale(saved.postData() ?? '', typed);
		if (stale.length === 0) return await shownTestMessage(page, tested);
		if (attempt === SAVE_ATTEMPTS) {
			throw new Error(`n8n saved ${stale.join(', ')} without the value typed, ${attempt} times`);
		}
		for (const name of stale) await fillCredentialField(page, name, typed[name]);
	}
}

async function shownTestMessage(page: Page, tested: HTTPResponse): Promise<string> {
	const answer = (await tested.json()) as { data?: { status?: string; message?: string } };
	const message = answer.data?.message ?? '';
	const more = await page.$(`${CREDENTIAL_DIALOG} ::-p-text(More details)`);
	if (answer.data?.status === 'Error' && more) await more.click();
	await page.waitForFunction(
		(dialog: string, wanted: string) =>
			(document.querySelector(dialog) as HTMLElement | null)?.innerText.includes(wanted) ?? false,
		POLL,
		CREDENTIAL_DIALOG,
		message.split('\n')[0],
	);
	return message;
}

export const CREDENTIAL_DIALOG_SELECTOR = CREDENTIAL_DIALOG;

/**
 * Focuses an input, selects all its text and types `value` over it, as a user does; fails when the
 * field then shows anything else (n8n takes Ctrl+A in some forms, and a triple click leaves part of a URL).
 */
async function replaceInputText(page: Page, selector: string, value: string): Promise<void> {
	const input = await page.waitForSelector(selector, { visible: true });
	if (!input) throw new Error(`no input at ${selector}`);
	await input.click();
	await input.evaluate((element) => (element as HTMLInputElement).select());
	await page.keyboard.press('Backspace');
	await input.type(value);
	const shown = await input.evaluate((element) => (element as HTMLInputElement).value);
	if (shown !== value) throw new Error(`${selector} shows "${shown}" after typing "${value}"`);
	await page.keyboard.press('Tab');
	await inputDebounceElapsed(page);
}

/** n8n 2.41.1 passes a typed text value on after a 200 ms debounce (ParameterInput). */
const INPUT_DEBOUNCE_MS = 200;

/**
 * Resolves once n8n has passed on the last keystroke: a timer set in the page after the debounce's
 * and due later fires after it, however late the loaded page runs timers. Waiting in the test
 * process instead is not enough: the browser runs a click before an overdue timer, so a Save could
 * send the field's first keystroke alone ("h" for a URL, "a" for a key).
 */
async function inputDebounceElapsed(page: Page): Promise<void> {
	await page.evaluate(
		async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms)),
		INPUT_DEBOUNCE_MS * 2,
	);
}
