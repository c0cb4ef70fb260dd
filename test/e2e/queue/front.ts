/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The load balancer in front of the `n8n webhook` processes: the one public URL (N8N_WEBHOOK_URL, the
 * URL configured at VOD and covered by its signature) that forwards each request to one process, in
 * turn, or (fan-out) the same request to every process at the same instant. It records which process
 * answered what, and how long each answer took.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One forwarded request. */
export interface ForwardedRequest {
	/** Index of the upstream (webhook process) it went to. */
	upstream: number;
	path: string;
	status: number;
	/** From the first byte sent upstream to the whole answer received. */
	durationMs: number;
	body: string;
}

export type FrontMode = 'round-robin' | 'fan-out';

/** Request headers passed upstream (the VOD callback's own, and the body's type). */
const FORWARDED_HEADERS = ['content-type', 'x-vod-timestamp', 'x-vod-signature'];

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export class WebhookFront {
	mode: FrontMode = 'round-robin';
	private next = 0;
	private log: ForwardedRequest[] = [];

	private readonly server: Server;

	private constructor(private readonly upstreams: string[]) {
		this.server = createServer((request, response) => {
			void this.handle(request, response);
		});
	}

	/** Listens on a free port of 127.0.0.1; `upstreams` are base URLs such as `http://127.0.0.1:5679/`. */
	static async start(upstreams: string[]): Promise<WebhookFront> {
		const front = new WebhookFront(upstreams);
		await new Promise<void>((resolve) => front.server.listen(0, '127.0.0.1', resolve));
		return front;
	}

	/** The public base URL, `http://127.0.0.1:<port>/`. */
	get url(): string {
		const { port } = this.server.address() as AddressInfo;
		return `http://127.0.0.1:${port}/`;
	}

	/** Every forwarded request so far, in the order the answers came. */
	forwarded(): ForwardedRequest[] {
		return [...this.log];
	}

	async stop(): Promise<void> {
		if (!this.server.listening) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const body = await readBody(request);
		const targets =
			this.mode === 'fan-out'
				? this.upstreams.map((_, index) => index)
				: [this.next++ % this.upstreams.length];
		const answers = await Promise.all(
			targets.map(async (upstream) => await this.forward(upstream, request, body)),
		);
		const [first] = answers;
		response.writeHead(first.status, { 'content-type': 'text/plain' });
		response.end(first.body);
	}

	private async forward(
		upstream: number,
		request: IncomingMessage,
		body: Buffer,
	): Promise<ForwardedRequest> {
		const headers: Record<string, string> = {};
		for (const name of FORWARDED_HEADERS) {
			const value = request.headers[name];
			if (typeof value === 'string') headers[name] = value;
		}
		const path = request.url ?? '/';
		const started = performance.now();
		let status: number;
		let text: string;
		try {
			const answer = await fetch(new URL(path, this.upstreams[upstream]), {
				method: request.method ?? 'POST',
				headers,
				body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
				signal: AbortSignal.timeout(120_000),
			});
			status = answer.status;
			text = await answer.text();
		} catch (error) {
			// The upstream did not answer: a load balancer says 502.
			status = 502;
			text = error instanceof Error ? error.message : String(error);
		}
		const forwarded = {
			upstream,
			path,
			status,
			durationMs: performance.now() - started,
			body: text,
		};
		this.log.push(forwarded);
		return forwarded;
	}
}
