/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-hardcoded-secrets */
/**
 * A running `n8n start` and a small client for its internal REST API (/rest, cookie auth) and public API
 * (/api/v1). Owner setup and login give the `n8n-auth` cookie; every request sends the same `browser-id`
 * header, which n8n binds into the cookie's JWT.
 */
import type { ChildProcessByStdio } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

import type { CredentialJson } from './builders';
import { stopChild } from './process';
import { logMessages } from './run';

const MAX_LOG_CHARS = 2_000_000;

export const E2E_OWNER = {
	email: 'owner@e2e.example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd-Owner',
};

export interface RestResponse<T = unknown> {
	status: number;
	/** Parsed JSON body (n8n wraps REST results in `{ data }`), or the raw text when it is not JSON. */
	body: T | string;
	headers: Headers;
}

/** Outcome of n8n's credential test (`POST /rest/credentials/test`, CredentialsTester). */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

function isCredentialTestResult(value: unknown): value is CredentialTestResult {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		(record.status === 'OK' || record.status === 'Error') && typeof record.message === 'string'
	);
}

export class RunningN8n {
	readonly baseUrl: string;
	private output = '';
	private exited: Promise<void>;
	private exitInfo: string | undefined;
	private cookie: string | undefined;
	private readonly browserId = randomUUID();

	constructor(
		private readonly child: ChildProcessByStdio<null, Readable, Readable>,
		readonly port: number,
		private readonly onStopped: () => void,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		const append = (chunk: Buffer): void => {
			this.output += chunk.toString('utf8');
			if (this.output.length > MAX_LOG_CHARS) this.output = this.output.slice(-MAX_LOG_CHARS / 2);
		};
		child.stdout.on('data', append);
		child.stderr.on('data', append);
		this.exited = new Promise<void>((resolve) => {
			child.once('exit', (code, signal) => {
				this.exitInfo = `exited with ${code ?? signal}`;
				resolve();
			});
		});
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Everything the server printed so far (JSON log lines). */
	get log(): string {
		return this.output;
	}

	/** Log messages so far, one per line, for failure reports. */
	logTail(lines = 40): string {
		return logMessages(this.output).slice(-lines).join('\n');
	}

	async waitUntilReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exitInfo)
				throw new Error(`n8n start ${this.exitInfo} before it was ready\n${this.logTail()}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`, {
					signal: AbortSignal.timeout(2_000),
				});
				if (response.status === 200) return;
			} catch (error) {
				if (!(error instanceof Error)) throw error; // connection refused while starting: poll again
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`n8n start was not ready after ${timeoutMs} ms\n${this.logTail()}`);
	}

	/**
	 * Calls a production webhook (`/webhook/<path>`) of a published workflow. n8n registers published
	 * workflows' webhooks a few seconds after /healthz/readiness turns 200 (publication outbox), so a 404
	 * "not registered" answer is retried until `timeoutMs`.
	 */
	async callWebhook(
		webhookPath: string,
		init: {
			method?: string;
			body?: unknown;
			headers?: Record<string, string>;
			timeoutMs?: number;
		} = {},
	): Promise<Response> {
		const deadline = Date.now() + (init.timeoutMs ?? 60_000);
		const headers: Record<string, string> = { ...init.headers };
		let body: string | undefined;
		if (init.body !== undefined) {
			body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
			headers['content-type'] ??= 'application/json';
		}
		for (;;) {
			const response = await fetch(`${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`, {
				method: init.method ?? 'POST',
				headers,
				body,
				signal: AbortSignal.timeout(120_000),
			});
			if (response.status !== 404 || Date.now() > deadline) return response;
			const text = await response.text();
			if (!/not registered/i.test(text)) {
				return new Response(text, { status: response.status, headers: response.headers });
			}
			if (this.exitInfo)
				throw new Error(`n8n ${this.exitInfo} while waiting for webhook ${webhookPath}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** SIGTERM to the process group, SIGKILL after `graceMs`. Safe to call twice. */
	async stop(graceMs = 10_000): Promise<void> {
		await stopChild(this.child, graceMs);
		await this.exited;
		this.onStopped();
	}

	/** A request to the server, with the session cookie once logged in. */
	async request<T = unknown>(
		method: string,
		urlPath: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<RestResponse<T>> {
		const requestHeaders: Record<string, string> = { 'browser-id': this.browserId, ...headers };
		if (this.cookie) requestHeaders.cookie = this.cookie;
		if (body !== undefined) requestHeaders['content-type'] = 'application/json';
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: requestHeaders,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(120_000),
		});
		const authCookie = response.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.find((pair) => pair.startsWith('n8n-auth='));
		if (authCookie) this.cookie = authCookie;
		const text = await response.text();
		let parsed: T | string = text;
		try {
			parsed = JSON.parse(text) as T;
		} catch {
			parsed = text; // not JSON (HTML error page, empty body)
		}
		return { status: response.status, body: parsed, headers: response.headers };
	}

	/** A GET with the session cookie whose body is kept as bytes (binary data downloads). */
	async download(urlPath: string): Promise<{ status: number; bytes: Buffer }> {
		const headers: Record<string, string> = { 'browser-id': this.browserId };
		if (this.cookie) headers.cookie = this.cookie;
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			headers,
			signal: AbortSignal.timeout(120_000),
		});
		return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
	}

	/** Like `request`, but throws unless the status is 2xx; returns `body.data` when n8n wraps it. */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const response = await this.request<{ data?: T } | T>(method, urlPath, body);
		if (response.status < 200 || response.status >= 300) {
			throw new Error(
				`${method} ${urlPath} -> ${response.status}: ${JSON.stringify(response.body).slice(0, 2_000)}`,
			);
		}
		const value = response.body;
		if (typeof value === 'object' && value !== null && 'data' in value)
			return (value as { data: T }).data;
		return value as T;
	}

	/** Creates the instance owner (first call) and keeps its session cookie. */
	async setupOwner(owner = E2E_OWNER): Promise<void> {
		await this.rest('POST', '/rest/owner/setup', owner);
	}

	/** Logs in (owner already set up) and keeps the session cookie. */
	async login(owner = E2E_OWNER): Promise<void> {
		await this.rest('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
	}

	/** Sets the owner up if needed, otherwise logs in. */
	async ensureOwnerSession(owner = E2E_OWNER): Promise<void> {
		const response = await this.request('POST', '/rest/owner/setup', owner);
		if (response.status >= 200 && response.status < 300) return;
		await this.login(owner);
	}

	/**
	 * Runs n8n's own credential test (the "Test" a user gets when saving a credential): POST
	 * /rest/credentials/test → CredentialsService.testWithCredentials → CredentialsTester. The credential
	 * must exist (imported); `data` replaces its stored data for this test only, so a wrong secret can be
	 * tried without importing another credential.
	 */
	async testCredential(cred: CredentialJson, data = cred.data): Promise<CredentialTestResult> {
		const result = await this.rest<unknown>('POST', '/rest/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type: cred.type, data },
		});
		if (!isCredentialTestResult(result)) {
			throw new Error(`unexpected credential test answer: ${JSON.stringify(result)}`);
		}
		return result;
	}

	/**
	 * Descriptions of node types the server loaded (`POST /rest/node-types`, as the editor asks for them).
	 * Unknown types are left out of the answer.
	 */
	async nodeTypeDescriptions(
		nodeInfos: Array<{ name: string; version: number }>,
	): Promise<Array<{ name: string; displayName?: string; credentials?: Array<{ name: string }> }>> {
		const descriptions = await this.rest<unknown>('POST', '/rest/node-types', { nodeInfos });
		if (!Array.isArray(descriptions)) throw new Error('unexpected /rest/node-types answer');
		return descriptions.filter(
			(description): description is { name: string } =>
				typeof description === 'object' &&
				description !== null &&
				typeof description.name === 'string',
		);
	}

	/**
	 * Whether the server loaded a credential type: `GET /rest/credential-translation` answers 400
	 * "Invalid Credential type" for a type n8n does not know (the editor's `/types/credentials.json` is
	 * not written with N8N_DISABLE_UI).
	 */
	async knowsCredentialType(type: string): Promise<boolean> {
		const response = await this.request(
			'GET',
			`/rest/credential-translation?credentialType=${encodeURIComponent(type)}`,
		);
		if (response.status === 200) return true;
		if (response.status === 400) return false;
		throw new Error(`GET /rest/credential-translation -> ${response.status}`);
	}
}
