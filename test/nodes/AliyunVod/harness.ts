/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Runs the Alibaba Cloud VOD node in n8n-core's real WorkflowExecute behind a "Source" node that
 * emits the given items. Tests that mock the RPC transport with `fakeTransport` see every call the
 * node made; emulator tests use the real transport.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	IRun,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AliyunApi } from '../../../credentials/AliyunApi.credentials';
import { AliyunVod } from '../../../nodes/AliyunVod/AliyunVod.node';
import { ALIYUN_REGION, aliyunAccessKey } from '../../emulator/accounts';
import { startWorkflow } from '../../support/inProcessN8n';
import type { RunningWorkflow } from '../../support/inProcessN8n';
import { listenOnLoopback, stopServer } from '../../support/loopbackServer';

export const VOD_NODE = 'VOD';
const SOURCE_NODE = 'Source';

/** Emits the items in its `items` parameter (a JSON array). */
class SourceNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Source',
		name: 'testSource',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: SOURCE_NODE },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface VodRun {
	items?: IDataObject[];
	onError?: OnError;
	credentials?: ICredentialDataDecryptedObject;
}

const defaultCredentials: ICredentialDataDecryptedObject = {
	...aliyunAccessKey,
	regionId: ALIYUN_REGION,
};

export async function startVod(
	parameters: INodeParameters,
	run: VodRun = {},
): Promise<RunningWorkflow> {
	return await startWorkflow({
		nodes: [
			{
				id: 'source',
				name: SOURCE_NODE,
				type: 'testSource',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(run.items ?? [{}]) },
			},
			{
				id: 'vod',
				name: VOD_NODE,
				type: 'aliyunVod',
				typeVersion: 1,
				position: [200, 0],
				parameters,
				onError: run.onError ?? 'stopWorkflow',
			},
		],
		connections: {
			[SOURCE_NODE]: { main: [[{ node: VOD_NODE, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		nodeTypes: { testSource: new SourceNode(), aliyunVod: new AliyunVod() },
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: run.credentials ?? defaultCredentials },
	});
}

export async function runVod(parameters: INodeParameters, run: VodRun = {}): Promise<IRun> {
	return await (
		await startVod(parameters, run)
	).result;
}

/** The node's error message, or undefined when it did not fail. */
export function vodErrorMessage(run: IRun): string | undefined {
	const error = run.data.resultData.runData[VOD_NODE]?.[0]?.error;
	return error?.message;
}

export interface ImageServer {
	url: string;
	requests: string[];
	close(): Promise<void>;
}

/**
 * Serves fake JPEGs: /img/<name>.jpg answers `size` bytes (from the query, default 100) with
 * image/jpeg, /missing/… answers 404.
 */
export async function startImageServer(): Promise<ImageServer> {
	const requests: string[] = [];
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		requests.push(url.pathname);
		if (!url.pathname.startsWith('/img/')) {
			response.statusCode = 404;
			response.end('not found');
			return;
		}
		const size = Number(url.searchParams.get('size') ?? '100');
		response.setHeader('content-type', 'image/jpeg');
		response.end(Buffer.alloc(size, 0xff));
	});
	const url = await listenOnLoopback(server);
	return {
		url,
		requests,
		close: async () => await stopServer(server),
	};
}
