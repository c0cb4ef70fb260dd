import type { ProviderFields } from './errorBody';

export type ErrorKind =
	| 'throttled'
	| 'server'
	| 'network'
	| 'timeout'
	| 'auth'
	| 'clock'
	| 'nonce'
	| 'permission'
	| 'client';

/** What one provider's errors mean; classification and hints read it, never the provider's name. */
export interface ProviderErrorTable {
	/** How messages and hints name the service. */
	cloudName: string;
	/** Lower-case response headers carrying the request id when the error body has none. */
	requestIdHeaders: readonly string[];
	/** The kind a provider error code stands for; undefined lets the HTTP status decide. */
	kindOfCode: (code: string) => ErrorKind | undefined;
	/** What to check after an authentication failure. */
	authHint: string;
	/** What to grant after a permission failure; `what` is the quoted action or "this operation". */
	permissionHint: (what: string) => string;
	/** Client error codes whose cause the user can act on, with what to do. */
	clientHints?: ReadonlyMap<string, string>;
	/** Code, message and request id of an error answer without a body (a HEAD), from its headers. */
	headerFields?: (status: number, headers: Record<string, string>) => ProviderFields;
}
