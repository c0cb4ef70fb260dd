/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Debian's chromium (scripts/editor-setup.sh installs it), driven by puppeteer-core. Every launch gets a
 * fresh profile, and the flags that keep chromium from calling Google's services: this network refuses
 * those connections, and their errors would end up in the console the tests read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env.EDITOR_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--hide-scrollbars',
	'--mute-audio',
];

/** The editor's layout needs a desktop-sized window; screenshots are taken at this size. */
export const VIEWPORT = { width: 1280, height: 800 };

export class EditorBrowser {
	private constructor(
		readonly browser: Browser,
		private readonly profileDir: string,
	) {}

	static async launch(): Promise<EditorBrowser> {
		const profileDir = await mkdtemp(path.join(tmpdir(), 'editor-chromium-'));
		const browser = await puppeteer.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: [...CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`],
			defaultViewport: VIEWPORT,
			protocolTimeout: 120_000,
		});
		return new EditorBrowser(browser, profileDir);
	}

	async newPage(): Promise<Page> {
		return await this.browser.newPage();
	}

	async close(): Promise<void> {
		await this.browser.close();
		await rm(this.profileDir, { recursive: true, force: true });
	}
}
