/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer } from 'node:http';
import type { Server } from 'node:http';

import type { ICredentialType, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { classifyError } from '../../../../nodes/shared/errors';
import { runCaller } from '../../../support/callerNode';
import { listenOnLoopback, stopServer } from '../../../support/loopbackServer';

/**
 * The unit tests build errors by hand; these run real requests through n8n-core so the classifier
 * also sees exactly what n8n throws for refused connections, resets, timeouts and XML bodies.
 */
let server: Server;
let baseUrl = '';
let closedPortUrl = '';

beforeAll(async () => {
	server = createServer((request, response) => {
		if (request.url === '/reset') {
			request.socket.destroy();
			return;
		}
		if (request.url === '/stall') return;
		response.statusCode = 400;
		response.setHeader('content-type', 'text/xml');
		response.setHeader('x-acs-request-id', 'HDR-ID');
		response.end(
			'<?xml version="1.0"?><Error><Code>Throttling.User</Code><Message>flow control</Message></Error>',
		);
	});
	baseUrl = await listenOnLoopback(server);
	const probe = createServer();
	closedPortUrl = await listenOnLoopback(probe);
	await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => await stopServer(server));

const plainCredential: ICredentialType = {
	name: 'plainApi',
	displayName: 'Plain',
	properties: [],
	async authenticate(_credentials, options: IHttpRequestOptions) {
		return {
			...options,
			headers: { ...options.headers, authorization: 'Bearer plain-secret-token' },
		};
	},
};

/** Sends one request through n8n-core and outputs how its failure classifies. */
async function classifyRequest(url: string, timeout = 0): Promise<IDataObject> {
	const { items, error } = await runCaller(
		async function () {
			const classified = await this.helpers.httpRequestWithAuthentication
				.call(this, 'plainApi', { method: 'POST', url, json: true, timeout: timeout || undefined })
				.then(
					() => ({ kind: 'none' }),
					(failure: unknown) => classifyError('aliyun', failure),
				);
			const json: IDataObject = { ...classified };
			return [{ json, pairedItem: { item: 0 } }];
		},
		{ credentialTypes: { plainApi: plainCredential }, credentials: { plainApi: {} } },
	);
	expect(error).toBeUndefined();
	return items[0].json;
}

describe('classifyError on what n8n-core really throws', () => {
	it('reads code, message and the header request id from an XML 400', async () => {
		expect(await classifyRequest(`${baseUrl}/xml`)).toMatchObject({
			kind: 'throttled',
			code: 'Throttling.User',
			message: 'flow control',
			httpStatus: 400,
			requestId: 'HDR-ID',
		});
	});

	it('sees a refused connection as ECONNREFUSED', async () => {
		expect(await classifyRequest(`${closedPortUrl}/`)).toMatchObject({
			kind: 'network',
			networkCode: 'ECONNREFUSED',
		});
	});

	it('sees a socket closed mid-request as a network failure, not a refusal', async () => {
		const classified = await classifyRequest(`${baseUrl}/reset`);
		expect(classified.kind).toBe('network');
		expect(classified.networkCode).not.toBe('ECONNREFUSED');
	});

	it('sees an elapsed request timeout as a timeout', async () => {
		expect(await classifyRequest(`${baseUrl}/stall`, 200)).toMatchObject({ kind: 'timeout' });
	});
});
