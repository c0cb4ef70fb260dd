/** What the loopback stand-ins of the operation tests share (test/nodes/<Node>/…StandIn.ts). */
import { afterAll, beforeAll, beforeEach } from 'vitest';

import type { EmulatorRequest } from '../emulator/core/http';
import { flatHeaders } from './httpMessage';
import type { RecordedRequest } from './scriptedServer';

/** A recorded request in the shape the emulator's gateway checks take. */
export function asEmulatorRequest(request: RecordedRequest): EmulatorRequest {
	return {
		method: request.method,
		rawUrl: request.url,
		url: new URL(request.url, 'http://127.0.0.1'),
		headers: flatHeaders(request.headers),
		body: Buffer.from(request.body, 'utf8'),
		receivedAt: request.at,
	};
}

export interface AnsweringStandIn<H> {
	answer(handler: H): void;
	close(): Promise<void>;
}

/** One stand-in for the calling test file, set back to `noAnswer` before each test. */
export function standInPerFile<H, S extends AnsweringStandIn<H>>(
	start: () => Promise<S>,
	noAnswer: H,
	use: (standIn: S) => void,
): void {
	let standIn: S | undefined;
	beforeAll(async () => {
		standIn = await start();
		use(standIn);
	});
	afterAll(async () => await standIn?.close());
	beforeEach(() => standIn?.answer(noAnswer));
}
