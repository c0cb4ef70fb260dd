/* eslint-disable @n8n/community-nodes/require-node-api-error */
/**
 * Stand-in for nodes/shared/transport/aliyunRpc in tests that assert the exact calls the node
 * makes. Use with
 *   vi.mock('<path to>/nodes/shared/transport/aliyunRpc', async () => await import('<path to>/fakeTransport'));
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { AliyunRpcCall } from '../../../nodes/shared/transport/aliyunRpc';
import { toNodeApiError } from '../../../nodes/shared/errors';

export type VodHandler = (call: AliyunRpcCall) => object;

export const vodCalls: AliyunRpcCall[] = [];
let handler: VodHandler = (call) => {
	throw new Error(`No fake response for ${call.action}`);
};

/** Sets the fake VOD's answers and forgets earlier calls. */
export function fakeVod(next: VodHandler): void {
	handler = next;
	vodCalls.length = 0;
}

/** The error the real transport throws for a provider error response. */
export class ProviderError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly httpStatus: number,
		readonly requestId: string,
	) {
		super(message);
	}
}

function providerError(node: INode, error: ProviderError, call: AliyunRpcCall) {
	return toNodeApiError(
		node,
		{
			provider: 'aliyun',
			kind: 'client',
			code: error.code,
			message: error.message,
			httpStatus: error.httpStatus,
			requestId: error.requestId,
		},
		error,
		call.itemIndex,
		call.action,
	);
}

export async function aliyunRpcRequest(
	this: IExecuteFunctions,
	call: AliyunRpcCall,
): Promise<object> {
	vodCalls.push({ ...call, params: { ...call.params } });
	try {
		return handler(call);
	} catch (error) {
		if (error instanceof ProviderError) throw providerError(this.getNode(), error, call);
		throw error;
	}
}
