/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { IExecuteFunctions } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { routeItems } from '../../../../nodes/shared/actions';
import type { ItemResults } from '../../../../nodes/shared/actions';
import { downloadEach } from '../../../../nodes/shared/binary';
import { runCaller } from '../../../support/callerNode';
import { listenOnLoopback, stopServer } from '../../../support/loopbackServer';

const CHUNK = Buffer.alloc(16 * 1024, 0xff);
const BODY_BYTES = 8 * 1024 * 1024;

/** What the server saw of one response: bytes it managed to write, and whether the client hung up. */
interface Served {
	written: number;
	closedByClient: boolean;
	finished: boolean;
	/** Resolves when the response's connection has closed. */
	closed: Promise<void>;
}

let server: Server;
let baseUrl: string;
let served: Served[];

function track(response: ServerResponse): Served {
	const entry: Served = {
		written: 0,
		closedByClient: false,
		finished: false,
		closed: new Promise((resolve) =>
			response.on('close', () => {
				entry.closedByClient = !entry.finished;
				resolve();
			}),
		),
	};
	served.push(entry);
	response.on('finish', () => (entry.finished = true));
	return entry;
}

/** Writes up to `total` bytes in chunks, respecting back-pressure, until done or the client leaves. */
async function stream(response: ServerResponse, entry: Served, total: number): Promise<void> {
	while (entry.written < total && !response.destroyed) {
		const ok = response.write(CHUNK);
		entry.written += CHUNK.length;
		if (!ok) await new Promise((resolve) => response.once('drain', resolve).once('close', resolve));
	}
	if (!response.destroyed) response.end();
}

function handle(request: IncomingMessage, response: ServerResponse): void {
	const entry = track(response);
	const path = new URL(request.url ?? '/', 'http://x').pathname;
	response.setHeader('content-type', 'image/png');
	if (path === '/declared-big.png') {
		// Declares 8 MB, sends the headers and one chunk, then holds the rest back.
		response.setHeader('content-length', String(BODY_BYTES));
		response.write(CHUNK);
		entry.written += CHUNK.length;
		return;
	}
	if (path === '/chunked-big.png') {
		void stream(response, entry, BODY_BYTES);
		return;
	}
	if (path === '/stall.png') {
		response.flushHeaders();
		return;
	}
	response.end(Buffer.alloc(100, 0xff));
}

async function download(this: IExecuteFunctions, i: number): Promise<ItemResults> {
	const urls = (this.getNodeParameter('urls', i) as string).split(' ');
	return downloadEach.call(
		this,
		urls.map((url, index) => ({ url, fallbackFileName: `file-${index}`, json: { url } })),
		{
			binaryPropertyName: 'data',
			maxFileSizeBytes: this.getNodeParameter('maxBytes', i) as number,
			timeoutMs: this.getNodeParameter('timeoutMs', i) as number,
			itemIndex: i,
			label: 'image',
		},
	);
}

/** Runs `download` through the kit's item router, as a node's `file` → `download` operation. */
async function runDownload(
	paths: string[],
	{ maxBytes = 1024, timeoutMs = 10_000 }: { maxBytes?: number; timeoutMs?: number } = {},
	settings: { onError?: 'continueRegularOutput' } = {},
) {
	return await runCaller(
		async function () {
			return await routeItems.call(this, { file: { download } });
		},
		{
			parameters: {
				resource: 'file',
				operation: 'download',
				urls: paths.map((path) => `${baseUrl}${path}`).join(' '),
				maxBytes,
				timeoutMs,
			},
			settings,
		},
	);
}

/** Listeners on `signal`, and the signals `AbortSignal.any` made that depend on it (a Node internal). */
function attachedTo(signal: AbortSignal): number {
	const dependants = Object.getOwnPropertySymbols(signal).find(
		(symbol) => symbol.description === 'kDependantSignals',
	);
	// Node's own Set class, not this test realm's: read its size, not instanceof Set.
	const set: unknown = dependants ? Reflect.get(signal, dependants) : undefined;
	const size: unknown = typeof set === 'object' && set !== null ? Reflect.get(set, 'size') : 0;
	const count = typeof size === 'number' ? size : 0;
	return getEventListeners(signal, 'abort').length + count;
}

/** The run's error as n8n records it (an ExecutionBaseError-shaped object). */
function messageOf(error: unknown): string | undefined {
	return (error as { message?: string } | undefined)?.message;
}

beforeAll(async () => {
	server = createServer(handle);
	baseUrl = await listenOnLoopback(server);
});
afterAll(async () => await stopServer(server));
beforeEach(() => {
	served = [];
});

describe('downloadEach', () => {
	it('puts a file within the cap into binary data', async () => {
		const { items, error } = await runDownload(['/small.png']);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ url: `${baseUrl}/small.png` });
		expect(items[0].binary?.data).toMatchObject({
			fileName: 'small.png',
			mimeType: 'image/png',
			fileSize: '100 B',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses a Content-Length above the cap without reading the body', async () => {
		const started = Date.now();
		const { error } = await runDownload(['/declared-big.png'], { maxBytes: 1024 });
		expect(messageOf(error)).toBe(
			`Image declared-big.png is ${BODY_BYTES} bytes, more than the Max File Size of 1024 bytes`,
		);
		// The server held the body back: only a refusal from the headers ends this quickly.
		expect(Date.now() - started).toBeLessThan(5000);
		await served[0].closed;
		expect(served[0]).toMatchObject({ closedByClient: true, written: CHUNK.length });
	});

	it('cuts off a body without Content-Length once it streams past the cap', async () => {
		const maxBytes = 64 * 1024;
		const { error } = await runDownload(['/chunked-big.png'], { maxBytes });
		expect(messageOf(error)).toMatch(
			new RegExp(`^Image chunked-big\\.png is larger than the Max File Size of ${maxBytes} bytes`),
		);
		await served[0].closed;
		expect(served[0].closedByClient).toBe(true);
		expect(served[0].written).toBeLessThan(BODY_BYTES);
	});

	it('fails a server that stalls after the headers within the timeout', async () => {
		const started = Date.now();
		const { error } = await runDownload(['/stall.png'], { timeoutMs: 300 });
		const elapsed = Date.now() - started;
		expect(messageOf(error)).toBe('Could not download image stall.png');
		expect((error as { description?: string }).description).toBe(
			`GET ${baseUrl}/stall.png failed: it did not finish within 0.3 seconds`,
		);
		expect(elapsed).toBeLessThan(5000);
	});

	it('with continue-on-fail gives an error item for the failed file and still the others', async () => {
		const { items, error } = await runDownload(
			['/small.png', '/chunked-big.png', '/other.png'],
			{ maxBytes: 1024 },
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.binary?.data?.fileName)).toEqual([
			'small.png',
			undefined,
			'other.png',
		]);
		expect(items[1].json).toEqual({
			error: expect.stringMatching(/^Image chunked-big\.png is larger than the Max File Size/),
			details: expect.objectContaining({ url: `${baseUrl}/chunked-big.png` }),
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('without continue-on-fail stops at the first failure and fetches nothing after it', async () => {
		const { error } = await runDownload(['/chunked-big.png', '/small.png'], { maxBytes: 1024 });
		expect(messageOf(error)).toMatch(/^Image chunked-big\.png is larger than/);
		expect(served).toHaveLength(1);
	});
	it("leaves nothing attached to the execution's cancel signal after its downloads", async () => {
		const counts: number[] = [];
		const { error } = await runCaller(async function () {
			const cancel = this.getExecutionCancelSignal();
			if (!cancel) throw new Error('no cancel signal');
			counts.push(attachedTo(cancel));
			const requests = Array.from({ length: 5 }, (_, index) => ({
				url: `${baseUrl}/small-${index}.png`,
				fallbackFileName: 'file',
				json: {},
			}));
			const job = { binaryPropertyName: 'data', maxFileSizeBytes: 1024, timeoutMs: 10_000 };
			for await (const result of downloadEach.call(this, requests, {
				...job,
				itemIndex: 0,
				label: 'image',
			})) {
				if (!('binary' in result)) throw new Error('a download failed');
			}
			counts.push(attachedTo(cancel));
			return [];
		});
		expect(error).toBeUndefined();
		expect(counts).toEqual([counts[0], counts[0]]);
	});
	it('says what a download failed with when the failure is not an Error', async () => {
		const { error } = await runCaller(async function () {
			const context = Object.create(this) as IExecuteFunctions;
			context.helpers = {
				...this.helpers,
				httpRequest: async () => await Promise.reject('connection refused'),
			};
			const requests = [{ url: `${baseUrl}/small.png`, fallbackFileName: 'file', json: {} }];
			const job = { binaryPropertyName: 'data', maxFileSizeBytes: 1024, timeoutMs: 10_000 };
			for await (const result of downloadEach.call(context, requests, {
				...job,
				itemIndex: 0,
				label: 'image',
			})) {
				if (!('binary' in result)) throw result.error;
			}
			return [];
		});
		expect((error as { description?: string }).description).toBe(
			`GET ${baseUrl}/small.png failed: connection refused`,
		);
	});

	it('names a failed signed link without its query, and gives the failure details instead of the json', async () => {
		const { items } = await runCaller(async function () {
			const context = Object.create(this) as IExecuteFunctions;
			context.helpers = {
				...this.helpers,
				httpRequest: async () => await Promise.reject(new Error('connection refused')),
			};
			const requests = [
				{
					url: `${baseUrl}/small.png?x-oss-credential=AKID%2F20250102&x-oss-signature=abc#frag`,
					fallbackFileName: 'file',
					json: { Url: 'signed', Object: 'small.png' },
					failureDetails: { Object: 'small.png' },
				},
			];
			const job = { binaryPropertyName: 'data', maxFileSizeBytes: 1024, timeoutMs: 10_000 };
			const failures = [];
			for await (const result of downloadEach.call(context, requests, {
				...job,
				itemIndex: 0,
				label: 'image',
			})) {
				if (!('binary' in result)) failures.push(result);
			}
			return failures.map((failure) => ({
				json: {
					details: failure.details,
					description: (failure.error as { description?: string }).description ?? '',
				},
				pairedItem: { item: 0 },
			}));
		});
		expect(items[0].json).toEqual({
			details: { Object: 'small.png' },
			description: `GET ${baseUrl}/small.png failed: connection refused`,
		});
	});
});
