import { isRecord } from '../../../credentials/common/json';
import type { UnknownRecord } from './errorBody';

/** What a thrown error says about the HTTP exchange, whatever wrapped it. */
export interface HttpFailure {
	status?: number;
	headers: Record<string, string>;
	body: unknown;
	networkCode?: string;
	messages: string[];
}

/** Enough for NodeApiError → AxiosError → cause, without walking a cyclic graph forever. */
const MAX_CHAIN_LINKS = 10;

/** The error itself, then `cause` / `errorResponse` / `reason` links, nearest first. */
function causeChain(error: unknown): UnknownRecord[] {
	const chain: UnknownRecord[] = [];
	const pending: unknown[] = [error];
	while (pending.length > 0 && chain.length < MAX_CHAIN_LINKS) {
		const current = pending.shift();
		if (!isRecord(current) || chain.includes(current)) continue;
		chain.push(current);
		pending.push(current.cause, current.errorResponse, current.reason);
	}
	return chain;
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!isRecord(headers)) return result;
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value === 'string') result[name.toLowerCase()] = value;
		else if (typeof value === 'number') result[name.toLowerCase()] = String(value);
	}
	return result;
}

function findResponse(chain: UnknownRecord[]): UnknownRecord | undefined {
	for (const link of chain) {
		const response = link.response;
		if (isRecord(response) && typeof response.status === 'number') return response;
	}
	return undefined;
}

function findNetworkCode(chain: UnknownRecord[]): string | undefined {
	for (const link of chain) {
		const code = link.code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	return undefined;
}

/** Status, headers, body, network code and messages found anywhere along the cause chain. */
export function readHttpFailure(error: unknown): HttpFailure {
	const chain = causeChain(error);
	const response = findResponse(chain);
	const messages = chain
		.map((link) => link.message)
		.filter((message): message is string => typeof message === 'string' && message !== '');
	return {
		status: typeof response?.status === 'number' ? response.status : undefined,
		headers: lowerCaseHeaders(response?.headers),
		body: response?.data,
		networkCode: findNetworkCode(chain),
		// The innermost message is the transport's own ("connect ECONNREFUSED …"), not n8n's paraphrase.
		messages,
	};
}
