import type { EmulatorRequest } from '../../core/http';

/** Decoded parameter pairs of an RPC request: query and form body kept apart (V3 signs only the query). */
export interface RpcWireParams {
	query: Array<[string, string]>;
	form: Array<[string, string]>;
	all: Array<[string, string]>;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export function rpcWireParams(req: EmulatorRequest): RpcWireParams {
	const query = [...req.url.searchParams.entries()];
	const isForm = (req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_CONTENT_TYPE);
	const form = isForm ? [...new URLSearchParams(req.body.toString('utf8')).entries()] : [];
	return { query, form, all: [...query, ...form] };
}

export function isAcs3Request(req: EmulatorRequest): boolean {
	return (req.headers.authorization ?? '').startsWith('ACS3-');
}

/** API version: the `Version` parameter (V1) or the `x-acs-version` header (V3). */
export function rpcVersion(req: EmulatorRequest, params: RpcWireParams): string | undefined {
	if (isAcs3Request(req)) return req.headers['x-acs-version'];
	return params.all.find(([name]) => name === 'Version')?.[1] ?? req.headers['x-acs-version'];
}

export function rpcAction(req: EmulatorRequest, params: RpcWireParams): string | undefined {
	if (isAcs3Request(req)) return req.headers['x-acs-action'];
	return params.all.find(([name]) => name === 'Action')?.[1];
}
