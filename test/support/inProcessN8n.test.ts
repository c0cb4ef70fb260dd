/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	nodeError,
	nodeOutput,
	nodeOutputJson,
	runSingleNode,
	runWorkflow,
	startWorkflow,
} from './inProcessN8n';
import { listenOnLoopback, stopServer } from './loopbackServer';

interface Received {
	headers: IncomingHttpHeaders;
	url: string;
}

const received: Received[] = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
	server = createServer((request, response) => {
		received.push({ headers: request.headers, url: request.url ?? '' });
		const slow = request.url?.startsWith('/slow') ?? false;
		const reply = () => {
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ path: request.url }));
		};
		if (slow) setTimeout(reply, 2000);
		else reply();
	});
	baseUrl = await listenOnLoopback(server);
});

afterAll(async () => await stopServer(server));

const helloCredential: ICredentialType = {
	name: 'helloApi',
	displayName: 'Hello API',
	properties: [
		{ displayName: 'Key', name: 'key', type: 'string', default: '' },
		{
			displayName: 'Session',
			name: 'session',
			type: 'hidden',
			default: '',
			typeOptions: { expirable: true },
		},
	],
	async preAuthentication(credentials) {
		return { session: `session-for-${String(credentials.key)}` };
	},
	async authenticate(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) {
		return {
			...options,
			headers: {
				...options.headers,
				'x-hello-key': String(credentials.key),
				'x-hello-session': String(credentials.session),
			},
		};
	},
};

const description: INodeTypeDescription = {
	displayName: 'Hello',
	name: 'hello',
	group: ['transform'],
	version: 1,
	description: 'Calls the local server once per item',
	defaults: { name: 'Hello' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'helloApi', required: true }],
	properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/' }],
};

/** Sends one authenticated GET per input item and reports the cancel signal it saw. */
class HelloNode implements INodeType {
	description = description;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const path = this.getNodeParameter('path', i) as string;
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'helloApi', {
				method: 'GET',
				url: `${baseUrl}${path}`,
				json: true,
			})) as { path: string };
			output.push({
				json: {
					path: response.path,
					hasCancelSignal: this.getExecutionCancelSignal() instanceof AbortSignal,
				},
				pairedItem: { item: i },
			});
		}
		return [output];
	}
}

function helloWorkflow(path: string) {
	return {
		nodes: [
			{
				id: '1',
				name: 'Hello',
				type: 'hello',
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters: { path },
			},
		],
		connections: {},
		nodeTypes: { hello: new HelloNode() },
		credentialTypes: { helloApi: helloCredential },
		credentials: { helloApi: { key: 'key-inproc-secret', session: '' } },
	};
}

describe('in-process n8n harness', () => {
	it('runs a node through WorkflowExecute and the credential authenticate', async () => {
		received.length = 0;
		const run = await runWorkflow(helloWorkflow('={{ "/echo/" + (1 + 1) }}'));

		expect(run.status).toBe('success');
		expect(received).toHaveLength(1);
		expect(received[0].url).toBe('/echo/2');
		expect(received[0].headers['x-hello-key']).toBe('key-inproc-secret');
		// preAuthentication ran because the expirable hidden property was empty
		expect(received[0].headers['x-hello-session']).toBe('session-for-key-inproc-secret');
		expect(nodeOutputJson(run, 'Hello')).toEqual([{ path: '/echo/2', hasCancelSignal: true }]);
		expect(nodeOutput(run, 'Hello')[0].pairedItem).toEqual({ item: 0 });
	});

	it('stores what preAuthentication returned, and skips it when the property is set', async () => {
		const running = await startWorkflow(helloWorkflow('/again'));
		await running.result;
		expect(running.credentialsHelper.updates).toEqual([
			{
				type: 'helloApi',
				data: { key: 'key-inproc-secret', session: 'session-for-key-inproc-secret' },
			},
		]);

		received.length = 0;
		const withSession = helloWorkflow('/again');
		withSession.credentials.helloApi.session = 'kept';
		await runWorkflow(withSession);
		expect(received[0].headers['x-hello-session']).toBe('kept');
	});

	it('reports a node failure in the run data', async () => {
		const failing = helloWorkflow('/x');
		failing.credentials = { helloApi: { key: 'k', session: 'kept' } };
		failing.nodes[0].parameters = { path: ':not-a-path' };
		const run = await runWorkflow(failing);
		expect(run.status).toBe('error');
		expect(nodeError(run, 'Hello')).toBeDefined();
	});

	it('cancels a running execution through the cancel signal', async () => {
		const running = await startWorkflow(helloWorkflow('/slow'));
		await new Promise((resolve) => setTimeout(resolve, 300));
		const started = Date.now();
		running.cancel();
		await running.result.then(
			(run) => expect(run.status).not.toBe('success'),
			(error: unknown) => expect(error).toBeDefined(),
		);
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('runs a single node over input items, resolving parameters per item', async () => {
		received.length = 0;
		const { items, error } = await runSingleNode({
			nodeType: new HelloNode(),
			parameters: { path: '={{ "/item/" + $json.id }}' },
			credentialTypes: { helloApi: helloCredential },
			credentials: { helloApi: { key: 'k', session: 'kept' } },
			inputItems: [{ json: { id: 'a' } }, { json: { id: 'b' } }],
		});
		expect(error).toBeUndefined();
		expect(received.map((request) => request.url)).toEqual(['/item/a', '/item/b']);
		expect(items.map((item) => [item.json.path, item.pairedItem])).toEqual([
			['/item/a', { item: 0 }],
			['/item/b', { item: 1 }],
		]);
	});
});
