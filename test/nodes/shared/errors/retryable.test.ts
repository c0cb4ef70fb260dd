import { describe, expect, it } from 'vitest';

import {
	isOutcomeUnknown,
	isRetryable,
	lastingRequestProblem,
	toNodeApiError,
} from '../../../../nodes/shared/errors';
import type { ClassifiedError, ErrorKind } from '../../../../nodes/shared/errors';

function classified(kind: ErrorKind, networkCode?: string): ClassifiedError {
	return { provider: 'aliyun', kind, networkCode };
}

describe('isRetryable', () => {
	it.each<[ErrorKind, string | undefined, boolean, boolean]>([
		// kind, network code, idempotent, non-idempotent
		['throttled', undefined, true, true],
		// every attempt has a fresh nonce: a "nonce used" answer means a copy of this request arrived
		['nonce', undefined, true, false],
		['network', 'ECONNREFUSED', true, true],
		['network', 'ENOTFOUND', true, true],
		['network', 'EAI_AGAIN', true, true],
		['network', 'ECONNRESET', true, false],
		['network', undefined, true, false],
		['network', 'EPROTO', true, false],
		['timeout', 'ETIMEDOUT', true, false],
		['server', undefined, true, false],
		['auth', undefined, false, false],
		['clock', undefined, false, false],
		['permission', undefined, false, false],
		['client', undefined, false, false],
	])('%s %s: idempotent %s, non-idempotent %s', (kind, code, idempotent, nonIdempotent) => {
		expect(isRetryable(classified(kind, code), true)).toBe(idempotent);
		expect(isRetryable(classified(kind, code), false)).toBe(nonIdempotent);
	});
});

describe('isOutcomeUnknown', () => {
	it.each<[ErrorKind, string | undefined, boolean]>([
		['nonce', undefined, true],
		['server', undefined, true],
		['timeout', 'ETIMEDOUT', true],
		['network', 'ECONNRESET', true],
		['network', 'ECONNREFUSED', false],
		['throttled', undefined, false],
		['client', undefined, false],
	])('%s %s: %s', (kind, code, unknown) => {
		expect(isOutcomeUnknown(classified(kind, code))).toBe(unknown);
	});
});

describe('lastingRequestProblem', () => {
	const node = {
		id: 'n',
		name: 'Node',
		type: 't',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const thrown = (kind: ErrorKind) =>
		toNodeApiError(
			node,
			{ provider: 'huawei', kind, code: 'VOD.10062', message: 'Media asset does not exist' },
			new Error('x'),
		);

	it.each<[ErrorKind, boolean]>([
		['client', true],
		['permission', true],
		['auth', false],
		['clock', false],
		['throttled', false],
		['server', false],
		['network', false],
		['timeout', false],
	])('%s: lasting %s', (kind, lasting) => {
		const problem = lastingRequestProblem(thrown(kind));
		expect(problem).toBe(lasting ? 'VOD.10062: Media asset does not exist' : undefined);
	});

	it('is undefined for an error the transport did not build', () => {
		expect(lastingRequestProblem(new Error('VOD.10062'))).toBeUndefined();
	});
});
