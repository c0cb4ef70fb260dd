/** The request and response shapes every emulator handler works with (no Node stream objects). */

export interface EmulatorRequest {
	method: string;
	/** Path and query exactly as received on the request line (MNS signs it raw). */
	rawUrl: string;
	/** Parsed URL (origin is the emulator's own). */
	url: URL;
	/** Header names lower-cased; repeated headers joined with ", ". */
	headers: Record<string, string>;
	body: Buffer;
	/** Emulator clock in milliseconds at arrival (tests may skew it). */
	receivedAt: number;
}

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export function textResponse(status: number, body: string): EmulatorResponse {
	return { status, headers: { 'content-type': 'text/plain' }, body };
}
