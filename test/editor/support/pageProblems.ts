/**
 * Page errors and console errors of one browser page. The editor's own noise that a user of this
 * package cannot cause or fix is allowed by name below, each with the reason; everything else fails
 * the test that was running.
 */
import type { ConsoleMessage, Page } from 'puppeteer-core';

interface AllowedNoise {
	why: string;
	matches: (text: string, url: string) => boolean;
}

const ALLOWED_NOISE: AllowedNoise[] = [
	{
		why:
			'Before sign-in the editor asks GET /rest/login who is signed in; n8n answers 401 and the ' +
			'browser logs the failed load.',
		matches: (text, url) => /status of 401/.test(text) && new URL(url).pathname === '/rest/login',
	},
	{
		why:
			"n8n's Node details page of an installed community package asks the npm registry for the " +
			"package's data; this closed network refuses it (its certificate is not trusted here).",
		matches: (text, url) =>
			/^Failed to load resource/.test(text) && /^https:\/\/registry\.npmjs\.org\//.test(url),
	},
];

function isAllowed(text: string, url: string): boolean {
	return ALLOWED_NOISE.some((noise) => url !== '' && noise.matches(text, url));
}

export class PageProblems {
	private problems: string[] = [];

	constructor(page: Page) {
		page.on('pageerror', (error) => {
			this.problems.push(`page error: ${error instanceof Error ? error.stack : String(error)}`);
		});
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			const url = message.location().url ?? '';
			if (!isAllowed(message.text(), url)) {
				this.problems.push(`console error: ${message.text()} (${url || 'no location'})`);
			}
		});
	}

	/** The problems since the last call, and forgets them. */
	take(): string[] {
		const taken = this.problems;
		this.problems = [];
		return taken;
	}
}
