/* eslint-disable @n8n/community-nodes/require-node-api-error -- a bug in an action handler must surface as a 500 */
import type { CloudErrorFormat } from '../../core/faultResponses';
import type { EmulatorRequest, EmulatorResponse } from '../../core/http';
import { newRequestId } from '../../core/ids';
import type { QpsLimiter } from '../../core/throttle';
import {
	AliyunApiError,
	aliyunErrorBody,
	aliyunErrorResponse,
	aliyunFaultCode,
	JSON_HEADERS,
} from './errors';
import type { NonceRegistry } from './nonces';
import { verifyRpcRequest } from './rpcAuth';
import { RpcParams } from './rpcParams';
import { rpcAction, rpcVersion, rpcWireParams } from './rpcRequest';

export interface RpcCallContext {
	requestId: string;
	now: number;
}

/** One RPC action: validated parameters in, the response body (without RequestId) out. */
export type RpcAction = (params: RpcParams, context: RpcCallContext) => object | Promise<object>;

export interface RpcProduct {
	/** The service key: prefix of the QPS limit keys, `vod` or `mts`. */
	code: string;
	version: string;
	/** Product name in the error `Recommend` link. */
	troubleshootName: string;
	actions: Readonly<Record<string, RpcAction>>;
}

export interface RpcGatewayDeps {
	products: readonly RpcProduct[];
	nonces: NonceRegistry;
	limiter: QpsLimiter;
	now: () => number;
}

const throttled = () =>
	new AliyunApiError(400, 'Throttling.User', 'Request was denied due to user flow control.');

/** The Aliyun POP gateway: version routing, authentication, flow control, then the action. */
export function createRpcGateway(
	deps: RpcGatewayDeps,
): (req: EmulatorRequest) => Promise<EmulatorResponse> {
	return async (req) => {
		const requestId = newRequestId();
		const hostId = req.headers.host ?? req.url.host;
		const wire = rpcWireParams(req);
		const version = rpcVersion(req, wire);
		const product = deps.products.find((candidate) => candidate.version === version);
		try {
			if (!product)
				throw new AliyunApiError(
					400,
					'InvalidVersion',
					'Specified parameter Version is not valid.',
				);
			const now = deps.now();
			const key = verifyRpcRequest(req, wire, { nonces: deps.nonces, now });
			const actionName = rpcAction(req, wire) ?? '';
			const action = Object.prototype.hasOwnProperty.call(product.actions, actionName)
				? product.actions[actionName]
				: undefined;
			if (!action) {
				throw new AliyunApiError(
					404,
					'InvalidAction.NotFound',
					'Specified api is not found, please check your url and method.',
				);
			}
			if (!deps.limiter.tryAcquire(`${product.code}:${actionName}`, key.accessKeyId, Date.now()))
				throw throttled();
			const result = await action(new RpcParams(new Map(wire.all)), { requestId, now });
			return {
				status: 200,
				headers: { ...JSON_HEADERS, 'x-acs-request-id': requestId },
				body: JSON.stringify({ RequestId: requestId, ...result }),
			};
		} catch (error) {
			if (!(error instanceof AliyunApiError)) throw error;
			return aliyunErrorResponse(error, requestId, hostId, product?.troubleshootName ?? 'Unknown');
		}
	};
}

/** Injected faults on the RPC gateway answer in its JSON error format, naming the version's product. */
export function rpcFaultFormat(
	req: EmulatorRequest,
	products: readonly RpcProduct[],
): CloudErrorFormat {
	const version = req.url.searchParams.get('Version') ?? req.headers['x-acs-version'];
	const product = products.find((candidate) => candidate.version === version);
	return {
		defaultCode: aliyunFaultCode,
		response: (status, error) => ({
			status,
			headers: JSON_HEADERS,
			body: JSON.stringify(
				aliyunErrorBody(error, error.requestId, error.host, product?.troubleshootName ?? 'vod'),
			),
		}),
	};
}
