import type { NodeApiError } from 'n8n-workflow';

import { aliyunEndpoint } from '../../../../credentials/common/aliyun/endpoints';
import { isRecord } from '../../../../credentials/common/json';
import { MNS_REQUEST_ID_HEADER } from '../../errors';
import type { ClassifiedError } from '../../errors';
import { tryParseXml } from '../../xml';
import { ALIYUN_CREDENTIAL_TYPE } from '../aliyunRpc';
import { AcceptedFailure, credentialEndpoint, sendAuthenticated } from '../request';
import type { RequestContext } from '../request';
import { malformedResponseError } from '../responseCheck';
import { mnsRequestOptions } from './encoding';
import { checkRequestPath } from './inputChecks';
import type { MnsCall, MnsErrorAnswer, MnsResponse } from './types';

function errorAnswer(classified: ClassifiedError): MnsErrorAnswer {
	return {
		code: classified.code,
		message: classified.message,
		requestId: classified.requestId,
		httpStatus: classified.httpStatus,
	};
}

interface FullResponse {
	status: number;
	requestId?: string;
	text: string;
}

function readFullResponse(response: unknown): FullResponse {
	if (!isRecord(response)) return { status: 0, text: typeof response === 'string' ? response : '' };
	const headers = response.headers;
	const requestId = isRecord(headers) ? headers[MNS_REQUEST_ID_HEADER] : undefined;
	return {
		status: typeof response.statusCode === 'number' ? response.statusCode : 0,
		requestId: typeof requestId === 'string' ? requestId : undefined,
		text: typeof response.body === 'string' ? response.body : '',
	};
}

/** A 2xx whose body is not the document MNS documents: not retried (a receive may have hidden a message). */
export function malformedResponse(
	context: RequestContext,
	response: Pick<FullResponse, 'status' | 'requestId'>,
	what: string,
	action: string,
	itemIndex?: number,
): NodeApiError {
	return malformedResponseError(context.getNode(), { provider: 'mns', action, itemIndex }, what, {
		httpStatus: response.status,
		requestId: response.requestId,
	});
}

/**
 * Sends one MNS REST call through the `aliyunApi` credential, which signs requests under its MNS
 * Endpoint with the MNS scheme. Paces, retries what is safe to retry and turns error answers into
 * NodeApiError (provider `mns`) unless `acceptError` takes them.
 */
export async function mnsRequest(this: RequestContext, call: MnsCall): Promise<MnsResponse> {
	checkRequestPath(this, call.path, call.itemIndex);
	const action = call.action ?? `${call.method} ${call.path}`;
	const { endpoint, credentials } = await credentialEndpoint.call(
		this,
		ALIYUN_CREDENTIAL_TYPE,
		(credentials) => aliyunEndpoint(credentials, 'mns'),
		call.itemIndex,
	);
	const { acceptError } = call;
	const response = await sendAuthenticated.call(this, mnsRequestOptions(endpoint, call), {
		provider: 'mns',
		credentialType: ALIYUN_CREDENTIAL_TYPE,
		credentials,
		service: 'mns',
		action,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
		maxRequestsPerSecond: call.maxRequestsPerSecond,
		acceptFailure:
			acceptError &&
			((classified, attemptNumber) => acceptError(errorAnswer(classified), attemptNumber)),
	});
	if (response instanceof AcceptedFailure) {
		const answer = errorAnswer(response.classified);
		return { status: answer.httpStatus ?? 0, requestId: answer.requestId, acceptedError: answer };
	}
	const full = readFullResponse(response);
	if (full.text.trim() === '') return { status: full.status, requestId: full.requestId };
	const xml = tryParseXml(full.text);
	if (xml === undefined) {
		throw malformedResponse(
			this,
			full,
			'a body that is not well-formed XML',
			action,
			call.itemIndex,
		);
	}
	return { status: full.status, requestId: full.requestId, xml };
}
